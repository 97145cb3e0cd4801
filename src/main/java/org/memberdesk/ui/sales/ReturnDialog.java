package org.memberdesk.ui.sales;

import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.memberdesk.common.Money;
import org.memberdesk.purchases.PurchaseRow;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.sales.SoldLine;
import org.memberdesk.ui.common.IsoDates;
import org.memberdesk.ui.common.UiContext;

/**
 * 退货 Return…: made for the keyboard. The purchase number ⏎ (or a member ⏎ and ↓ ⏎ in their sales) shows the
 * sale's lines; Tab through the quantities (Alt+A: all that is left) and the reason; Enter shows the refund,
 * Enter again gives it and shows what to tell the customer; Enter or Esc closes.
 */
public final class ReturnDialog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final KeyCombination ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.ALT_DOWN);

    private final UiContext context;
    private final ReturnViewModel model;
    private final Dialog<CounterSales.Returned> dialog = new Dialog<>();
    private final GridPane grid = new GridPane();
    private final TextField saleNo = new TextField();

    /**
     * @param saleNumber a sale to open at once (the purchases screen's selected row), or null
     * @param memberNo   the member being served, whose sales are listed, or null
     */
    /** The dialog's view model on this window's services (the tests build it so too). */
    public static ReturnViewModel model(UiContext context) {
        return new ReturnViewModel(context.app().counterSales(), context.app().purchases(), context.app().members(),
                context.tasks(), context.messages(), context.changes());
    }

    public ReturnDialog(Window owner, UiContext context, String saleNumber, String memberNo) {
        this.context = context;
        this.model = model(context);
        dialog.initOwner(owner);
        dialog.setTitle(context.text("return.title"));
        dialog.setHeaderText(context.text("return.header"));
        dialog.setResizable(true);

        saleNo.setId("return-sale-no");
        saleNo.setPromptText(context.text("return.sale.prompt"));
        saleNo.textProperty().bindBidirectional(model.saleNoProperty());
        saleNo.setOnAction(event -> model.load());
        HBox.setHgrow(saleNo, Priority.ALWAYS);
        HBox byNumber = new HBox(8, label("return.sale", saleNo), saleNo);
        byNumber.setAlignment(Pos.CENTER_LEFT);

        TextField member = new TextField();
        member.setId("return-member");
        member.setPromptText(context.text("purchases.member.prompt"));
        member.textProperty().bindBidirectional(model.memberProperty());
        member.setOnAction(event -> model.findSales());
        DatePicker date = IsoDates.picker();
        date.setId("return-date");
        date.setPrefWidth(160);
        date.valueProperty().bindBidirectional(model.dateProperty());
        date.valueProperty().addListener((obs, old, now) -> model.findSales());
        HBox byMember = new HBox(8, label("return.sales", member), member, date);
        byMember.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(member, Priority.ALWAYS);

        ListView<PurchaseRow> sales = salesList();
        // ↓ from either field goes to the sales listed (from the counter: the served member's, newest first), so a
        // return of the member's last sale is ↓ Enter, without typing its number
        javafx.event.EventHandler<KeyEvent> toSales = event -> {
            if (event.getCode() == KeyCode.DOWN && !model.sales().isEmpty()) {
                sales.requestFocus();
                sales.getSelectionModel().select(0);
                event.consume();
            }
        };
        member.setOnKeyPressed(toSales);
        saleNo.setOnKeyPressed(toSales);

        Label sale = new Label();
        sale.setId("return-sale");
        sale.getStyleClass().add("text-bold");
        sale.textProperty().bind(Bindings.createStringBinding(() -> {
            CounterSales.Returnable shown = model.saleProperty().get();
            return shown == null ? "" : context.text("return.sale.shown", shown.sale().purchaseNo(),
                    shown.sale().time().format(TIME), Money.display(shown.sale().totalCents()));
        }, model.saleProperty()));

        grid.setId("return-lines");
        grid.setHgap(14);
        grid.setVgap(4);
        model.lines().addListener((javafx.collections.ListChangeListener<ReturnViewModel.Line>) c -> fillLines());
        Button all = new Button(context.text("return.all"));
        all.setId("return-all");
        all.setMnemonicParsing(true);
        // Alt+A from the quantities; out of the Tab order, and the keyboard goes back to the quantities after
        all.setFocusTraversable(false);
        all.setOnAction(event -> {
            model.all();
            Platform.runLater(this::focusFirstQuantity);
        });
        all.disableProperty().bind(Bindings.isEmpty(model.lines()));

        TextField reason = new TextField();
        reason.setId("return-reason");
        reason.setPromptText(context.text("return.reason.prompt"));
        reason.textProperty().bindBidirectional(model.reasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox reasonRow = new HBox(8, label("return.reason", reason), reason);
        reasonRow.setAlignment(Pos.CENTER_LEFT);

        Label refund = bound("return-refund", model.refundProperty());
        refund.getStyleClass().add("text-bold");
        Label problem = bound("return-problem", model.problemProperty());
        problem.getStyleClass().add("field-error");
        Label receipt = bound("return-receipt", model.receiptProperty());
        receipt.getStyleClass().add("counter-announce");

        VBox content = new VBox(10, byNumber, byMember, sales, sale, grid, all, reasonRow, refund, problem, receipt);
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("return-dialog");
        // the button's mnemonic, also as a plain key filter: some keyboards' Alt never reaches the mnemonics
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (ALL.match(event) && !model.lines().isEmpty()) {
                model.all();
                Platform.runLater(this::focusFirstQuantity);
                event.consume();
            }
        });

        ButtonType go = new ButtonType(context.text("return.find"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(go, cancel);
        Button goButton = (Button) dialog.getDialogPane().lookupButton(go);
        goButton.setId("return-go");
        goButton.disableProperty().bind(model.workingProperty());
        goButton.textProperty().bind(Bindings.createStringBinding(() -> context.text(switch (model.stepProperty().get()) {
            case FIND -> "return.find";
            case ENTER -> "return.showRefund";
            case CONFIRM -> "return.confirm";
            case DONE -> "common.close";
        }), model.stepProperty()));
        goButton.addEventFilter(ActionEvent.ACTION, event -> {
            if (model.stepProperty().get() != ReturnViewModel.Step.DONE) {
                event.consume();
                model.next();
            }
        });
        Node cancelButton = dialog.getDialogPane().lookupButton(cancel);
        cancelButton.setId("return-cancel");
        cancelButton.visibleProperty().bind(model.stepProperty().isNotEqualTo(ReturnViewModel.Step.DONE));
        dialog.setResultConverter(button -> model.returnedProperty().get());

        model.stepProperty().addListener((obs, old, now) -> {
            if (old == ReturnViewModel.Step.FIND && now == ReturnViewModel.Step.ENTER) {
                Platform.runLater(this::focusFirstQuantity);
            } else if (now == ReturnViewModel.Step.DONE) {
                Platform.runLater(goButton::requestFocus);
            }
        });
        if (memberNo != null && !memberNo.isBlank()) {
            model.memberProperty().set(memberNo);
            model.findSales();
        }
        if (saleNumber != null && !saleNumber.isBlank()) {
            model.saleNoProperty().set(saleNumber);
            model.load();
        } else {
            Platform.runLater(saleNo::requestFocus);
        }
    }

    /** Shows the dialog and waits; the return as stored, or empty when none was made. */
    public Optional<CounterSales.Returned> showAndWait() {
        return dialog.showAndWait();
    }

    public ReturnViewModel model() {
        return model;
    }

    private ListView<PurchaseRow> salesList() {
        ListView<PurchaseRow> sales = new ListView<>(model.sales());
        sales.setId("return-sales");
        sales.setPrefHeight(120);
        // always there, so the dialog is sized for it before the member's sales arrive
        sales.setMinHeight(120);
        Label none = new Label(context.text("return.sales.hint"));
        none.getStyleClass().add("text-muted");
        sales.setPlaceholder(none);
        sales.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PurchaseRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.time().format(TIME) + "  " + row.purchaseNo() + "  "
                        + row.memberName() + "  " + Money.display(row.totalCents()) + "  "
                        + (row.items() == null ? "" : row.items()));
            }
        });
        sales.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                model.choose(sales.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        sales.setOnMouseClicked(event -> model.choose(sales.getSelectionModel().getSelectedItem()));
        return sales;
    }

    /** One row per line of the sale: what was bought, returned, is left and was paid, and the quantity to return. */
    private void fillLines() {
        grid.getChildren().clear();
        if (model.lines().isEmpty()) {
            return;
        }
        // the lines arrive after the dialog is shown: let its window grow to show them all
        Platform.runLater(() -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        String[] heads = {"return.column.line", "purchase.column.items", "return.column.bought",
            "return.column.returned", "return.column.left", "return.column.paid", "return.column.quantity"};
        for (int i = 0; i < heads.length; i++) {
            Label head = new Label(context.text(heads[i]));
            head.getStyleClass().add("text-muted");
            grid.add(head, i, 0);
        }
        int row = 1;
        for (ReturnViewModel.Line line : model.lines()) {
            SoldLine sold = line.sold();
            TextField quantity = new TextField();
            quantity.setId("return-quantity-" + sold.lineNo());
            quantity.setPrefColumnCount(4);
            quantity.setPromptText("0");
            quantity.textProperty().bindBidirectional(line.quantityProperty());
            quantity.setDisable(sold.quantityLeft() == 0);
            grid.addRow(row++, new Label(Integer.toString(sold.lineNo())), new Label(sold.item()),
                    right(Integer.toString(sold.quantity())), right(Integer.toString(sold.returnedQuantity())),
                    right(Integer.toString(sold.quantityLeft())), right(Money.display(sold.paidCents())), quantity);
        }
    }

    private void focusFirstQuantity() {
        for (ReturnViewModel.Line line : model.lines()) {
            if (line.sold().quantityLeft() > 0) {
                Node field = grid.lookup("#return-quantity-" + line.sold().lineNo());
                if (field != null) {
                    field.requestFocus();
                }
                return;
            }
        }
    }

    private static Label right(String text) {
        Label label = new Label(text);
        GridPane.setHalignment(label, HPos.RIGHT);
        return label;
    }

    private Label label(String key, Node field) {
        Label label = new Label(context.text(key));
        label.setLabelFor(field);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static Label bound(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
