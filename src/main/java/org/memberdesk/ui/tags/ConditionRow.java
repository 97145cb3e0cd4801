package org.memberdesk.ui.tags;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.tags.Field;
import org.memberdesk.tags.Operator;

/** One row of the visual builder: [not] field operator value [and value2]. */
public final class ConditionRow {
    private final BooleanProperty not = new SimpleBooleanProperty(false);
    private final ObjectProperty<Field> field = new SimpleObjectProperty<>(Field.PURCHASES);
    private final ObjectProperty<Operator> operator = new SimpleObjectProperty<>(Operator.GE);
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty value2 = new SimpleStringProperty("");

    public BooleanProperty notProperty() {
        return not;
    }

    public ObjectProperty<Field> fieldProperty() {
        return field;
    }

    public ObjectProperty<Operator> operatorProperty() {
        return operator;
    }

    /** The value; for "in", the values separated by commas. */
    public StringProperty valueProperty() {
        return value;
    }

    /** The upper value of "between". */
    public StringProperty value2Property() {
        return value2;
    }

    void set(boolean negated, Field f, Operator op, String v, String v2) {
        not.set(negated);
        field.set(f);
        operator.set(op);
        value.set(v);
        value2.set(v2);
    }
}
