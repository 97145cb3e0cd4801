package org.memberdesk.ui.common;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Form fields whose problem, as the view model tells it by field name, shows in a label under the field and as
 * ControlsFX's marker on it. The view calls {@link #show} whenever the model's problems may have changed.
 */
public final class FieldProblems {
    private final Function<String, Optional<String>> problemOf;
    private final String idPrefix;
    private final double labelWidth;
    private final Map<String, Label> labels = new HashMap<>();

    /** Labels get the id {@code idPrefix + field} with '.' and '_' as '-', for tests to find them. */
    public FieldProblems(Function<String, Optional<String>> problemOf, String idPrefix, double labelWidth) {
        this.problemOf = problemOf;
        this.idPrefix = idPrefix;
        this.labelWidth = labelWidth;
    }

    /** The control with its problem label under it; {@code support} draws the marker. */
    public VBox cell(ValidationSupport support, String field, Control control) {
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setId(idPrefix + field.replace('.', '-').replace('_', '-'));
        error.setWrapText(true);
        error.setMaxWidth(labelWidth);
        error.setVisible(false);
        error.setManaged(false);
        labels.put(field, error);
        support.registerValidator(control, false, (Control c, Object value) -> {
            Optional<String> problem = problemOf.apply(field);
            return ValidationResult.fromErrorIf(c, problem.orElse(""), problem.isPresent());
        });
        return new VBox(2, control, error);
    }

    /** Forgets the fields whose names start so, before their rows are built again. */
    public void forget(String fieldPrefix) {
        labels.keySet().removeIf(field -> field.startsWith(fieldPrefix));
    }

    /** Shows each field's current problem (or none); the view revalidates its supports for the markers. */
    public void show() {
        labels.forEach((field, label) -> {
            Optional<String> problem = problemOf.apply(field);
            label.setText(problem.orElse(""));
            label.setVisible(problem.isPresent());
            label.setManaged(problem.isPresent());
        });
    }
}
