package org.memberdesk.ui.counter;

import java.util.List;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Money;
import org.memberdesk.members.Member;
import org.memberdesk.ui.common.UiContext;

/**
 * 售卡 Sell a card… (F4 on the counter): the card (↑/↓), Tab, how to pay (↑/↓), then Enter sells; Esc cancels.
 * What it costs and covers is shown before Enter; a refusal stays in the dialog and nothing is stored.
 */
final class CardSaleDialog {
    private final CardSaleViewModel model;
    private final Dialog<CardSaleViewModel.Sold> dialog = new Dialog<>();

    CardSaleDialog(Window owner, UiContext context, Member member, List<Card> held, boolean storedValueOnly) {
        this.model = CardSaleDialog.model(context, member, held, storedValueOnly);
        dialog.initOwner(owner);
        dialog.setTitle(context.text("cardsale.title"));
        dialog.setHeaderText(storedValueOnly ? context.text("cardsale.storedValueHeader", member.name())
                : context.text("cardsale.header", member.name(), member.memberNo()));

        ComboBox<CardProduct> product = new ComboBox<>(model.products());
        product.setId("cardsale-product");
        product.valueProperty().bindBidirectional(model.productProperty());
        product.setConverter(new StringConverter<>() {
            @Override
            public String toString(CardProduct p) {
                return p == null ? "" : p.name() + "  " + Money.display(p.priceCents()) + "  · "
                        + context.text(p.kind().messageKey());
            }

            @Override
            public CardProduct fromString(String text) {
                return null;
            }
        });
        product.setMaxWidth(Double.MAX_VALUE);
        ComboBox<Pay> pay = payChoice(context, model.pays());
        pay.setId("cardsale-pay");
        pay.valueProperty().bindBidirectional(model.payProperty());

        Label quote = CardDialogParts.figures("cardsale-quote", 460, model.quoteProperty());
        Label problem = CardDialogParts.problem("cardsale-problem", 460, model.problemProperty());

        GridPane form = CardDialogParts.form(360);
        form.addRow(0, CardDialogParts.label(context, "cardsale.product", product), product);
        form.addRow(1, CardDialogParts.label(context, "counter.payBy", pay), pay);
        form.add(quote, 0, 2, 2, 1);
        form.add(problem, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(form);
        CardDialogParts.growWith(dialog, quote, problem);
        dialog.getDialogPane().setId("cardsale-dialog");

        ButtonType go = new ButtonType(context.text("cardsale.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(go, cancel);
        Node goButton = dialog.getDialogPane().lookupButton(go);
        goButton.setId("cardsale-go");
        goButton.disableProperty().bind(model.workingProperty().or(model.productProperty().isNull()));
        goButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.sell(() -> {
                dialog.setResult(model.soldProperty().get());
                dialog.close();
            });
        });
        dialog.getDialogPane().lookupButton(cancel).setId("cardsale-cancel");
        dialog.setResultConverter(button -> model.soldProperty().get());
        model.start();
        CardDialogParts.keyboard(dialog, product, goButton);
    }

    /** Shows the dialog and waits; the card sold, or empty when cancelled. */
    Optional<CardSaleViewModel.Sold> showAndWait() {
        return dialog.showAndWait();
    }

    /** A choice of ways to pay, named as the cashier says them; ↑/↓ moves through it without opening it. */
    static ComboBox<Pay> payChoice(UiContext context, javafx.collections.ObservableList<Pay> pays) {
        ComboBox<Pay> pay = new ComboBox<>(pays);
        StringConverter<Pay> words = new StringConverter<>() {
            @Override
            public String toString(Pay p) {
                return CardWords.pay(p, context.messages());
            }

            @Override
            public Pay fromString(String text) {
                return null;
            }
        };
        pay.setConverter(words);
        pay.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Pay p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty ? null : words.toString(p));
            }
        });
        pay.setMaxWidth(Double.MAX_VALUE);
        return pay;
    }

    /** The view model, built with the services it uses. */
    static CardSaleViewModel model(UiContext context, Member member, List<Card> held, boolean storedValueOnly) {
        return new CardSaleViewModel(context.app().cards(), context.app().points(), context.app().members(),
                context.app().tiers(), context.app().clock(), context.tasks(), context.messages(), context.changes(),
                member, held, storedValueOnly);
    }
}
