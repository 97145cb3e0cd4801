package org.memberdesk.ui.counter;

import java.util.List;
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
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
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
        this.model = new CardSaleViewModel(context, member, held, storedValueOnly);
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

        Label quote = new Label();
        quote.setId("cardsale-quote");
        quote.getStyleClass().add("text-bold");
        quote.setWrapText(true);
        quote.setMaxWidth(460);
        quote.textProperty().bind(model.quoteProperty());
        Label problem = new Label();
        problem.setId("cardsale-problem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(460);
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
        fields.setPrefWidth(360);
        form.getColumnConstraints().setAll(labels, fields);
        form.addRow(0, label(context, "cardsale.product", product), product);
        form.addRow(1, label(context, "counter.payBy", pay), pay);
        form.add(quote, 0, 2, 2, 1);
        form.add(problem, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(form);
        // the figures arrive after the dialog is shown: let it grow to show them whole
        for (Label grows : java.util.List.of(quote, problem)) {
            grows.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            grows.textProperty().addListener((obs, was, now) -> Platform.runLater(() -> {
                javafx.scene.Scene scene = dialog.getDialogPane().getScene();
                if (scene != null && scene.getWindow() != null) {
                    scene.getWindow().sizeToScene();
                }
            }));
        }
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
        // the keyboard starts in the first field once the dialog is up; Enter anywhere but on a button or an open
        // list confirms (a combo box would otherwise keep the Enter to itself)
        dialog.setOnShown(event -> Platform.runLater(() -> {
            dialog.getDialogPane().getScene().getWindow().requestFocus();
            product.requestFocus();
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

    private static Label label(UiContext context, String key, Node field) {
        Label label = new Label(context.text(key));
        label.setLabelFor(field);
        return label;
    }
}
