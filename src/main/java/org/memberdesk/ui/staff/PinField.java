package org.memberdesk.ui.staff;

import javafx.beans.property.StringProperty;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextFormatter;

/** A PIN typed: hidden, digits only, at most six (the service says when it is too short). */
public final class PinField {
    private PinField() {
    }

    public static PasswordField of(String id, StringProperty value) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPrefColumnCount(8);
        field.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().matches("\\d{0,6}") ? change : null));
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
