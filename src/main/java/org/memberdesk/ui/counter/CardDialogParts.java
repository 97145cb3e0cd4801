package org.memberdesk.ui.counter;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.memberdesk.ui.common.UiContext;

/**
 * What the counter's card dialogs (sell a card, top up) share: the labelled form, the figures and the problem line
 * under it, a dialog that grows as its figures arrive, and the keyboard a cashier uses in them.
 */
final class CardDialogParts {
    private CardDialogParts() {
    }

    /** A two-column form: labels, then fields that take the rest of the width. */
    static GridPane form(double fieldWidth) {
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setPrefWidth(fieldWidth);
        form.getColumnConstraints().setAll(labels, fields);
        return form;
    }

    static Label label(UiContext context, String key, Node field) {
        Label label = new Label(context.text(key));
        label.setLabelFor(field);
        return label;
    }

    /** The figures the dialog works out as the cashier types (bold, wrapped). */
    static Label figures(String id, double maxWidth, ObservableStringValue text) {
        Label figures = wrapped(id, maxWidth, text);
        figures.getStyleClass().add("text-bold");
        return figures;
    }

    /** Why it cannot be done, shown only when there is something to say. */
    static Label problem(String id, double maxWidth, ObservableStringValue text) {
        Label problem = wrapped(id, maxWidth, text);
        problem.getStyleClass().add("field-error");
        problem.visibleProperty().bind(Bindings.isNotEmpty(text));
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    private static Label wrapped(String id, double maxWidth, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(maxWidth);
        label.textProperty().bind(text);
        return label;
    }

    /** The figures arrive after the dialog is shown: it grows to show them whole. */
    static void growWith(Dialog<?> dialog, Label... labels) {
        for (Label grows : labels) {
            grows.setMinHeight(Region.USE_PREF_SIZE);
            grows.textProperty().addListener((obs, was, now) -> Platform.runLater(() -> {
                Scene scene = dialog.getDialogPane().getScene();
                if (scene != null && scene.getWindow() != null) {
                    scene.getWindow().sizeToScene();
                }
            }));
        }
    }

    /**
     * The keyboard starts in {@code first} once the dialog is up; Enter anywhere but on a button or an open list
     * confirms with {@code go} (a combo box would otherwise keep the Enter to itself). F4 opened the card sale and
     * F5 the top-up: held a moment longer they would reach the first field, and F4 opens a combo box's list, which
     * then keeps the Enter, so the counter's keys stop at the dialog.
     */
    static void keyboard(Dialog<?> dialog, Node first, Node go) {
        dialog.setOnShown(event -> Platform.runLater(() -> {
            dialog.getDialogPane().getScene().getWindow().requestFocus();
            first.requestFocus();
        }));
        dialog.getDialogPane().addEventFilter(KeyEvent.ANY, event -> {
            if (event.getCode() == KeyCode.F4 || event.getCode() == KeyCode.F5) {
                event.consume();
            }
        });
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Node focused = dialog.getDialogPane().getScene().getFocusOwner();
            boolean listOpen = focused instanceof ComboBox<?> box && box.isShowing();
            if (event.getCode() == KeyCode.ENTER && !(focused instanceof Button) && !listOpen && !go.isDisabled()) {
                event.consume();
                ((Button) go).fire();
            }
        });
    }
}
