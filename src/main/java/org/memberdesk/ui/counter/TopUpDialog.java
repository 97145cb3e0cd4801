package org.memberdesk.ui.counter;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.memberdesk.cards.Card;
import org.memberdesk.common.Money;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.ui.common.UiContext;

/**
 * 充值 Top up… (F5 on the counter): the amount (the bonus shown as it is typed), Tab, how it was paid (↑/↓),
 * Enter tops up; Esc cancels.
 */
final class TopUpDialog {
    private final TopUpViewModel model;
    private final Dialog<String> dialog = new Dialog<>();

    TopUpDialog(Window owner, UiContext context, Member member, Card card) {
        this.model = new TopUpViewModel(context, card);
        dialog.initOwner(owner);
        dialog.setTitle(context.text("topup.title"));
        dialog.setHeaderText(context.text("topup.header", member.name(), card.cardNo(),
                Money.display(card.balanceCents()), Money.display(card.principalCents()),
                Money.display(card.bonusCents())));

        TextField amount = new TextField();
        amount.setId("topup-amount");
        amount.setPromptText("0.00");
        amount.textProperty().bindBidirectional(model.amountProperty());
        ComboBox<PayMethod> method = new ComboBox<>(model.methods());
        method.setId("topup-method");
        method.valueProperty().bindBidirectional(model.methodProperty());
        StringConverter<PayMethod> words = new StringConverter<>() {
            @Override
            public String toString(PayMethod m) {
                return m == null ? "" : context.text(m.messageKey());
            }

            @Override
            public PayMethod fromString(String text) {
                return null;
            }
        };
        method.setConverter(words);
        method.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PayMethod m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty ? null : words.toString(m));
            }
        });
        method.setMaxWidth(Double.MAX_VALUE);
        Label preview = new Label();
        preview.setId("topup-preview");
        preview.getStyleClass().add("text-bold");
        preview.setWrapText(true);
        preview.setMaxWidth(440);
        preview.textProperty().bind(model.previewProperty());
        Label problem = new Label();
        problem.setId("topup-problem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(440);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(Bindings.isNotEmpty(model.problemProperty()));
        problem.managedProperty().bind(problem.visibleProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setPrefWidth(320);
        form.getColumnConstraints().setAll(labels, fields);
        form.addRow(0, label(context, "topup.amount", amount), amount);
        form.addRow(1, label(context, "counter.payBy", method), method);
        form.add(preview, 0, 2, 2, 1);
        form.add(problem, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(form);
        // the figures arrive after the dialog is shown: let it grow to show them whole
        for (Label grows : java.util.List.of(preview, problem)) {
            grows.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            grows.textProperty().addListener((obs, was, now) -> Platform.runLater(() -> {
                javafx.scene.Scene scene = dialog.getDialogPane().getScene();
                if (scene != null && scene.getWindow() != null) {
                    scene.getWindow().sizeToScene();
                }
            }));
        }
        dialog.getDialogPane().setId("topup-dialog");

        ButtonType go = new ButtonType(context.text("topup.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(go, cancel);
        Node goButton = dialog.getDialogPane().lookupButton(go);
        goButton.setId("topup-go");
        goButton.disableProperty().bind(model.workingProperty());
        goButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.topUp(() -> {
                dialog.setResult(model.doneProperty().get());
                dialog.close();
            });
        });
        dialog.getDialogPane().lookupButton(cancel).setId("topup-cancel");
        dialog.setResultConverter(button -> model.doneProperty().get());
        model.start();
        // the keyboard starts in the first field once the dialog is up; Enter anywhere but on a button or an open
        // list confirms (a combo box would otherwise keep the Enter to itself)
        dialog.setOnShown(event -> Platform.runLater(() -> {
            dialog.getDialogPane().getScene().getWindow().requestFocus();
            amount.requestFocus();
        }));
        // F4 opened this dialog (F5 the top-up); held a moment longer it would reach the first field, and F4 opens a
        // combo box's list, which then keeps the Enter: the counter's keys stop at the dialog
        dialog.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.ANY, event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.F4 || event.getCode() == javafx.scene.input.KeyCode.F5) {
                event.consume();
            }
        });
        dialog.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            Node focused = dialog.getDialogPane().getScene().getFocusOwner();
            boolean listOpen = focused instanceof ComboBox<?> box && box.isShowing();
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER && !(focused instanceof javafx.scene.control.Button)
                    && !listOpen && !goButton.isDisabled()) {
                event.consume();
                ((javafx.scene.control.Button) goButton).fire();
            }
        });
    }

    /** Shows the dialog and waits; what was topped up, or empty when cancelled. */
    Optional<String> showAndWait() {
        return dialog.showAndWait();
    }

    private static Label label(UiContext context, String key, Node field) {
        Label label = new Label(context.text(key));
        label.setLabelFor(field);
        return label;
    }
}
