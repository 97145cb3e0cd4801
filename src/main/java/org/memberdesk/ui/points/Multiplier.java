package org.memberdesk.ui.points;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of Settings → Points' multipliers table; a category row also lists the items in the category. */
public final class Multiplier {
    /** What a multiplier row applies to. */
    public enum Kind { ITEM, CATEGORY }

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.CATEGORY);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty percent = new SimpleStringProperty("100");
    private final StringProperty items = new SimpleStringProperty("");

    Multiplier(Kind kind, String name, int percent, String items) {
        this.kind.set(kind);
        this.name.set(name);
        this.percent.set(Integer.toString(percent));
        this.items.set(items);
    }

    public ObjectProperty<Kind> kind() {
        return kind;
    }

    public StringProperty name() {
        return name;
    }

    public StringProperty percent() {
        return percent;
    }

    public StringProperty items() {
        return items;
    }
}
