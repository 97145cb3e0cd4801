package org.memberdesk.ui.counter;

import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
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
        this.model = TopUpDialog.model(context, card);
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
        Label preview = CardDialogParts.figures("topup-preview", 440, model.previewProperty());
        Label problem = CardDialogParts.problem("topup-problem", 440, model.problemProperty());

        GridPane form = CardDialogParts.form(320);
        form.addRow(0, CardDialogParts.label(context, "topup.amount", amount), amount);
        form.addRow(1, CardDialogParts.label(context, "counter.payBy", method), method);
        form.add(preview, 0, 2, 2, 1);
        form.add(problem, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(form);
        CardDialogParts.growWith(dialog, preview, problem);
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
        CardDialogParts.keyboard(dialog, amount, goButton);
    }

    /** Shows the dialog and waits; what was topped up, or empty when cancelled. */
    Optional<String> showAndWait() {
        return dialog.showAndWait();
    }

    /** The view model, built with the services it uses. */
    static TopUpViewModel model(UiContext context, Card card) {
        return new TopUpViewModel(context.app().cardProducts(), context.app().cards(), context.tasks(), context.messages(), context.changes(), card);
    }
}
