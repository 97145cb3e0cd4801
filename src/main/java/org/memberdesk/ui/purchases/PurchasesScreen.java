package org.memberdesk.ui.purchases;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.common.Money;
import org.memberdesk.purchases.PurchaseRow;
import org.memberdesk.ui.common.IsoDates;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.sales.ReturnDialog;
import org.memberdesk.ui.sales.VoidDialog;
import org.memberdesk.ui.shell.Screen;

/**
 * 消费 Purchases: every purchase and return, newest first, with date, member and item filters. A return names
 * its sale; for one member their voided sales are listed under the table. The selected sale can be returned
 * (Ctrl+R) or, today, voided (Ctrl+D).
 */
public final class PurchasesScreen implements Screen {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final KeyCombination RETURN = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination VOID = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);

    private final UiContext context;
    private final PurchasesViewModel model;
    private boolean started;
    private Node root;

    public PurchasesScreen(UiContext context) {
        this.context = context;
        this.model = model(context);
        context.changes().onMemberChanged(id -> {
            if (started) {
                model.refresh();
            }
        });
    }

    /** The purchases screen's view model on this window's services (the tests build it so too). */
    public static PurchasesViewModel model(UiContext context) {
        return new PurchasesViewModel(context.app().purchases(), context.app().members(), context.app().counterSales(),
                context.tasks(), context.messages());
    }

    @Override
    public String id() {
        return "purchases";
    }

    @Override
    public String titleKey() {
        return "nav.purchases";
    }

    @Override
    public Ikon icon() {
        return Feather.FILE_TEXT;
    }

    public PurchasesViewModel model() {
        return model;
    }

    @Override
    public void shown() {
        if (!started) {
            started = true;
            model.search();
        }
    }

    @Override
    public Node view() {
        DatePicker from = IsoDates.picker();
        from.setId("purchases-from");
        from.setPromptText(context.text("members.joinedFrom"));
        from.setPrefWidth(135);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = IsoDates.picker();
        to.setId("purchases-to");
        to.setPromptText(context.text("members.joinedTo"));
        to.setPrefWidth(135);
        to.valueProperty().bindBidirectional(model.toProperty());
        TextField member = new TextField();
        member.setId("purchases-member");
        member.setPromptText(context.text("purchases.member.prompt"));
        member.setPrefWidth(200);
        member.textProperty().bindBidirectional(model.memberProperty());
        TextField item = new TextField();
        item.setId("purchases-item");
        item.setPromptText(context.text("purchases.item.prompt"));
        item.setPrefWidth(160);
        item.textProperty().bindBidirectional(model.itemProperty());
        Label memberShown = new Label();
        memberShown.setId("purchases-member-shown");
        memberShown.getStyleClass().add("text-muted");
        memberShown.textProperty().bind(model.memberShownProperty());
        Button clear = new Button(context.text("purchases.clear"), new FontIcon(Feather.X));
        clear.setId("purchases-clear");
        clear.setOnAction(e -> {
            from.setValue(null);
            to.setValue(null);
            member.clear();
            item.clear();
        });
        Label count = new Label();
        count.setId("purchases-count");
        count.getStyleClass().add("text-muted");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(Bindings.createStringBinding(() -> model.countProperty().get() < 0
                ? context.text("members.counting") : context.text("purchases.count", model.countProperty().get()),
                model.countProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label date = new Label(context.text("purchases.date"));
        date.setMinWidth(Region.USE_PREF_SIZE);
        Button giveBack = new Button(context.text("purchases.return"), new FontIcon(Feather.CORNER_UP_LEFT));
        giveBack.setId("purchases-return");
        Button voidSale = new Button(context.text("purchases.void"), new FontIcon(Feather.X_CIRCLE));
        voidSale.setId("purchases-void");
        // the filters wrap onto a second line on a narrow window instead of squeezing "Clear" to "…"
        clear.setMinWidth(Region.USE_PREF_SIZE);
        HBox dates = new HBox(8, date, from, new Label("–"), to);
        dates.setAlignment(Pos.CENTER_LEFT);
        dates.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane(10, 8, dates, member, item, clear,
                memberShown);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(filters, Priority.ALWAYS);
        HBox bar = new HBox(filters, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("screen-toolbar");

        TableView<PurchaseRow> table = new TableView<>(model.rows());
        table.setId("purchases-table");
        table.setFixedCellSize(34);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // where each was made: a chain's list alone (a single shop never sees stores), as a member's history
        TableColumn<PurchaseRow, String> store = column("purchase.column.store", 72, model::storeOf);
        store.setId("purchases-store");
        store.setMinWidth(56);
        store.visibleProperty().bind(model.chainProperty());
        table.getColumns().setAll(List.of(
                column("purchase.column.time", 130, r -> r.time().format(TIME)),
                store,
                column("purchases.column.number", 150, PurchaseRow::purchaseNo),
                column("members.column.number", 104, PurchaseRow::memberNo),
                column("members.column.name", 80, PurchaseRow::memberName),
                amount(column("purchase.column.total", 100, r -> Money.display(r.totalCents()))),
                column("purchase.column.items", 240, this::items)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PurchaseRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("return-row");
                if (!empty && row != null && row.isReturn()) {
                    getStyleClass().add("return-row");
                }
            }
        });
        // nothing typed in the member and item filters: a new shop's first look, which says how sales come in
        table.setPlaceholder(org.memberdesk.ui.common.Placeholders.bound(Bindings.createStringBinding(() ->
                        isBlank(model.memberProperty().get()) && isBlank(model.itemProperty().get())
                                ? context.text("purchases.none") : context.text("purchases.empty"),
                model.memberProperty(), model.itemProperty())));
        giveBack.disableProperty().bind(Bindings.createBooleanBinding(() -> !isSale(table.getSelectionModel()
                .getSelectedItem()), table.getSelectionModel().selectedItemProperty()));
        voidSale.disableProperty().bind(giveBack.disableProperty());
        giveBack.setOnAction(e -> openReturn(table.getSelectionModel().getSelectedItem()));
        voidSale.setOnAction(e -> openVoid(table.getSelectionModel().getSelectedItem()));
        BorderPane page = new BorderPane(table);
        Label selectedHint = new Label(context.text("purchases.selected"));
        selectedHint.getStyleClass().add("text-muted");
        HBox actions = new HBox(selectedHint, giveBack, voidSale);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("screen-toolbar");
        actions.setStyle("-fx-padding: 0 18 8 18;");
        page.setTop(new javafx.scene.layout.VBox(bar, actions));
        page.setBottom(new VoidedSales(context, model.voided()).view());
        page.getStyleClass().add("page");
        root = page;
        page.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            PurchaseRow selected = table.getSelectionModel().getSelectedItem();
            if (RETURN.match(event) && isSale(selected)) {
                openReturn(selected);
                event.consume();
            } else if (VOID.match(event) && isSale(selected)) {
                openVoid(selected);
                event.consume();
            }
        });
        return page;
    }

    private static boolean isSale(PurchaseRow row) {
        return row != null && !row.isReturn();
    }

    /** A return names the sale it gave back, before its items. */
    private String items(PurchaseRow row) {
        String items = row.items() == null ? "" : row.items();
        return row.isReturn() && row.refundOfNo() != null
                ? context.text("purchases.returnOf", row.refundOfNo(), items) : items;
    }

    private void openReturn(PurchaseRow row) {
        // the return tells every screen its member changed; this one reads again then
        new ReturnDialog(ownerWindow(), context, row.purchaseNo(), null).showAndWait();
    }

    /** The void tells every screen its member changed; this one reads again then. */
    private void openVoid(PurchaseRow row) {
        new VoidDialog(ownerWindow(), context, row.purchaseNo(), 0).showAndWait();
    }

    private javafx.stage.Window ownerWindow() {
        return root.getScene().getWindow();
    }

    private TableColumn<PurchaseRow, String> column(String key, double width, Function<PurchaseRow, String> value) {
        TableColumn<PurchaseRow, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(c -> new SimpleStringProperty(c.getValue() == null ? "" : value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 104));
        column.setSortable(false);
        return column;
    }

    private static TableColumn<PurchaseRow, String> amount(TableColumn<PurchaseRow, String> column) {
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
