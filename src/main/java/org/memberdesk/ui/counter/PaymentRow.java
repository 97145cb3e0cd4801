package org.memberdesk.ui.counter;

import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.memberdesk.cards.Pay;
import org.memberdesk.ui.common.UiContext;

/**
 * Beside what to pay: how the sale is paid (F6, then ↑/↓), and when stored value pays, the card's balance and what
 * this sale takes of principal and bonus — in red when the balance is short, before anything is saved.
 */
final class PaymentRow {
    private final UiContext context;
    private final CounterViewModel model;
    private final ComboBox<Pay> pay;

    PaymentRow(UiContext context, CounterViewModel model) {
        this.context = context;
        this.model = model;
        this.pay = CardSaleDialog.payChoice(context, FXCollections.observableArrayList(CardWords.SALE_PAYS));
    }

    void focus() {
        pay.requestFocus();
    }

    /** The choice, for the footer beside what to pay. */
    Node choice() {
        pay.setId("counter-pay");
        pay.valueProperty().bindBidirectional(model.cards().payProperty());
        // narrow enough that what to pay, the way to pay and Save share the row at 1,024 px
        pay.setPrefWidth(160);
        pay.setMinWidth(110);
        // Enter on the way to pay saves, like Enter on the amount
        pay.setOnKeyPressed(event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER && !pay.isShowing()) {
                model.save();
                event.consume();
            }
        });
        Label title = new Label(context.text("counter.payBy"));
        title.getStyleClass().add("text-muted");
        return new VBox(4, title, pay);
    }

    /** Under the footer, only while stored value pays: its balance and this sale's parts, or the refusal. */
    Node plan() {
        Label plan = new Label();
        plan.setId("counter-pay-plan");
        plan.setWrapText(true);
        plan.textProperty().bind(model.cards().planProperty());
        plan.visibleProperty().bind(plan.textProperty().isNotEmpty());
        plan.managedProperty().bind(plan.visibleProperty());
        plan.setMinHeight(Region.USE_PREF_SIZE);
        model.cards().refusedProperty().addListener((obs, old, refused) -> {
            plan.getStyleClass().removeAll("field-error", "text-bold");
            plan.getStyleClass().add(refused ? "field-error" : "text-bold");
        });
        plan.getStyleClass().add("text-bold");
        return plan;
    }
}
