package org.memberdesk.ui.counter;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.common.Money;
import org.memberdesk.members.Member;
import org.memberdesk.members.Phones;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.members.MemberFormDialog;
import org.memberdesk.ui.shell.Screen;

/**
 * 收银台 Counter: member on the left, the purchase on the right. Typing order is the screen's
 * order: lookup ⏎, item ⏎, amount ⏎ saves. Ctrl+Enter adds another line, Ctrl+N (File ▸ New member…) adds a
 * new member with the typed phone, Ctrl+R returns a past sale, Ctrl+D voids the last sale, Esc starts over after
 * a confirmation (Enter yes, Esc no). See docs/desktop.md for each flow's keys.
 */
public final class CounterScreen implements Screen {
    private static final KeyCombination ANOTHER_LINE = new KeyCodeCombination(KeyCode.ENTER,
            KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COUPON = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RETURN = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination VOID = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);

    private final UiContext context;
    private final CounterViewModel model;
    private final TextField lookup = new TextField();
    private final ListView<Member> matches = new ListView<>();
    private final TextField item = new TextField();
    private final TextField quantity = new TextField();
    private final TextField amount = new TextField();
    private final TextField code = new TextField();
    private final CheckInPane checkIn;
    private final PaymentRow payment;
    private final CardActions cardActions;
    private final SaleCorrections corrections;
    private boolean started;
    /** The counter was off screen (another screen open) since it was last shown: entering it starts clean. */
    private boolean away = true;
    /** A member handed over by another screen ({@link #serve}) just before the counter opens. */
    private boolean handedOver;

    public CounterScreen(UiContext context) {
        this.context = context;
        this.model = model(context);
        this.checkIn = new CheckInPane(context, model.checkIn());
        this.payment = new PaymentRow(context, model);
        this.cardActions = new CardActions(context, model, () -> lookup.getScene().getWindow());
        this.corrections = new SaleCorrections(context, model, () -> lookup.getScene().getWindow());
    }

    /** The counter's view model on this window's services (the tests build it so too). */
    public static CounterViewModel model(UiContext context) {
        return new CounterViewModel(CounterServices.of(context.app()), context.tasks(), context.messages(),
                context.changes());
    }

    @Override
    public String id() {
        return "counter";
    }

    @Override
    public String titleKey() {
        return "nav.counter";
    }

    @Override
    public Ikon icon() {
        return Feather.SHOPPING_CART;
    }

    public CounterViewModel model() {
        return model;
    }

    /** Opens the counter for a member chosen elsewhere (the members screen's "record purchase"). */
    public void serve(Member member) {
        handedOver = true;
        model.serve(member);
    }

    @Override
    public Node view() {
        Label title = new Label(context.text("nav.counter"));
        title.getStyleClass().add("title-2");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label keys = new Label(context.text("counter.keys") + " · " + context.text("counter.keys.sales") + " · "
                + context.text("counter.keys.cards"));
        keys.getStyleClass().add("key-hint");
        keys.setWrapText(true);
        keys.setMinHeight(Region.USE_PREF_SIZE);
        HBox columns = new HBox(20, memberColumn(), purchaseColumn());
        HBox.setHgrow(columns.getChildren().get(1), Priority.ALWAYS);
        VBox.setVgrow(columns, Priority.ALWAYS);
        Node checkInStrip = checkIn.view();
        HBox.setHgrow(checkInStrip, Priority.ALWAYS);
        HBox top = new HBox(28, title, checkInStrip);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox page = new VBox(10, top, keys, clearConfirmation(), columns);
        page.setPadding(new Insets(20, 24, 20, 24));
        page.getStyleClass().add("page");
        page.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (model.confirmingClearProperty().get()) {
                // "start over?" is asked: Enter yes, Esc no; other keys wait for the answer
                if (event.getCode() == KeyCode.ENTER) {
                    model.confirmClear();
                } else if (event.getCode() == KeyCode.ESCAPE) {
                    model.escape();
                }
                if (!event.getCode().isModifierKey()) {
                    event.consume();
                }
            } else if (event.getCode() == KeyCode.ESCAPE) {
                model.escape();
                event.consume();
            } else if (COUPON.match(event)) {
                focus(CounterViewModel.Focus.CODE);
                event.consume();
            } else if (RETURN.match(event)) {
                corrections.giveBack();
                event.consume();
            } else if (VOID.match(event)) {
                corrections.voidLast();
                event.consume();
            } else if (cardKey(event.getCode())) {
                event.consume();
            }
        });
        model.focusProperty().addListener((obs, old, now) -> {
            if (now != null) {
                Platform.runLater(() -> focus(now));
            }
        });
        return page;
    }

    /**
     * Entered from another screen: clean for the next customer (a half-typed sale is kept and said, see
     * {@link CounterViewModel#entered}); a member handed over by another screen is served; shown again while open
     * (F2 on the counter): the keyboard goes to the lookup.
     */
    @Override
    public void shown() {
        if (!started) {
            started = true;
            model.start();
        }
        boolean entering = away;
        away = false;
        if (handedOver) {
            handedOver = false;
            Platform.runLater(() -> focus(CounterViewModel.Focus.ITEM));
        } else if (entering) {
            model.entered();
            Platform.runLater(() -> focus(model.unsaved() ? CounterViewModel.Focus.ITEM
                    : CounterViewModel.Focus.LOOKUP));
        } else {
            Platform.runLater(() -> focus(CounterViewModel.Focus.LOOKUP));
        }
    }

    @Override
    public void left() {
        away = true;
    }

    /** The question Esc asks when a member or a sale is loaded: one line above the columns, answered by key. */
    private Node clearConfirmation() {
        FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
        Label question = new Label(context.text("counter.clear.confirm"), icon);
        question.setId("counter-confirm-clear");
        question.getStyleClass().addAll("confirm-bar", "text-bold");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        question.visibleProperty().bind(model.confirmingClearProperty());
        question.managedProperty().bind(question.visibleProperty());
        return question;
    }

    /** F3 check in, F4 sell a card, F5 top up, F6 how to pay; false for any other key. */
    private boolean cardKey(KeyCode key) {
        switch (key) {
            case F3 -> checkIn.focus();
            case F4 -> cardActions.sellCard();
            case F5 -> cardActions.topUp();
            case F6 -> payment.focus();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void focus(CounterViewModel.Focus where) {
        switch (where) {
            case LOOKUP -> {
                lookup.requestFocus();
                lookup.selectAll();
            }
            case MATCHES -> {
                matches.requestFocus();
                matches.getSelectionModel().select(0);
            }
            case ITEM -> item.requestFocus();
            case AMOUNT -> amount.requestFocus();
            case CODE -> {
                code.requestFocus();
                code.selectAll();
            }
        }
    }

    private Node memberColumn() {
        lookup.setId("counter-lookup");
        lookup.setPromptText(context.text("counter.lookup.prompt"));
        lookup.textProperty().bindBidirectional(model.lookupProperty());
        lookup.setOnAction(event -> model.lookupEntered());
        lookup.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN && !model.matches().isEmpty()) {
                focus(CounterViewModel.Focus.MATCHES);
                event.consume();
            }
        });
        FontIcon search = new FontIcon(Feather.SEARCH);
        HBox lookupRow = new HBox(6, search, lookup);
        lookupRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(lookup, Priority.ALWAYS);

        matches.setId("counter-matches");
        matches.setItems(model.matches());
        matches.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Member m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null
                        : m.name() + "  " + m.memberNo() + "  " + Phones.mask(m.phone()));
            }
        });
        matches.setPrefHeight(180);
        matches.visibleProperty().bind(Bindings.isNotEmpty(model.matches()).and(model.memberProperty().isNull()
                .or(Bindings.isNotEmpty(model.matches()))));
        matches.managedProperty().bind(matches.visibleProperty());
        matches.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && matches.getSelectionModel().getSelectedItem() != null) {
                model.choose(matches.getSelectionModel().getSelectedItem());
                event.consume();
            } else if (event.getCode() == KeyCode.UP && matches.getSelectionModel().getSelectedIndex() <= 0) {
                focus(CounterViewModel.Focus.LOOKUP);
                event.consume();
            }
        });
        matches.setOnMouseClicked(event -> {
            if (matches.getSelectionModel().getSelectedItem() != null) {
                model.choose(matches.getSelectionModel().getSelectedItem());
            }
        });

        Button add = new Button(context.text("counter.newMember"), new FontIcon(Feather.USER_PLUS));
        add.setId("counter-new-member");
        add.setOnAction(event -> addMember());
        add.setFocusTraversable(false);

        VBox card = new VBox(8);
        card.setId("counter-member-card");
        card.getStyleClass().add("member-card");
        MemberCard filler = new MemberCard(context, card);
        javafx.beans.InvalidationListener refill = obs ->
                filler.fill(model.memberProperty().get(), model.recent(), model.cards().held());
        model.memberProperty().addListener(refill);
        model.recent().addListener(refill);
        model.cards().held().addListener(refill);
        // a member may be served before the counter is first built (the members screen's Enter)
        refill.invalidated(model.memberProperty());

        VBox column = new VBox(10, sectionTitle(Feather.USER, "counter.member"), lookupRow, matches, card, add);
        column.setPrefWidth(380);
        column.setMinWidth(320);
        return column;
    }

    private Node purchaseColumn() {
        item.setId("counter-item");
        item.setPromptText(context.text("counter.item.prompt"));
        item.textProperty().bindBidirectional(model.itemProperty());
        ItemSuggestions.attach(item, model);
        quantity.setId("counter-quantity");
        quantity.setPrefColumnCount(3);
        quantity.textProperty().bindBidirectional(model.quantityProperty());
        amount.setId("counter-amount");
        amount.setPromptText("0.00");
        amount.setPrefColumnCount(8);
        amount.textProperty().bindBidirectional(model.amountProperty());
        item.setOnAction(event -> model.itemEntered());
        quantity.setOnAction(event -> amount.requestFocus());
        amount.setOnAction(event -> model.save());
        for (TextField field : List.of(item, quantity, amount)) {
            field.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
                if (ANOTHER_LINE.match(event)) {
                    model.addLine();
                    event.consume();
                }
            });
        }
        GridPane entry = new GridPane();
        entry.setHgap(10);
        entry.setVgap(4);
        entry.addRow(0, muted("counter.item"), muted("counter.quantity"), muted("counter.amount"));
        entry.addRow(1, item, quantity, amount);
        GridPane.setHgrow(item, Priority.ALWAYS);
        Button another = new Button(context.text("counter.addLine"), new FontIcon(Feather.PLUS));
        another.setId("counter-add-line");
        another.setOnAction(event -> model.addLine());
        another.setFocusTraversable(false);
        another.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // whole at 1024 px, the item field gives way
        entry.add(another, 3, 1);

        TableView<PurchaseLine> table = new TableView<>(model.lines());
        table.setId("counter-lines");
        table.setFocusTraversable(false);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<PurchaseLine, String> itemColumn = new TableColumn<>(context.text("counter.item"));
        itemColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().item()));
        TableColumn<PurchaseLine, String> quantityColumn = new TableColumn<>(context.text("counter.quantity"));
        quantityColumn.setCellValueFactory(c -> new SimpleStringProperty(Integer.toString(c.getValue().quantity())));
        quantityColumn.setPrefWidth(80);
        quantityColumn.setMaxWidth(100);
        TableColumn<PurchaseLine, String> amountColumn = new TableColumn<>(context.text("counter.amount"));
        amountColumn.setCellValueFactory(c -> new SimpleStringProperty(Money.display(c.getValue().amountCents())));
        amountColumn.setStyle("-fx-alignment: CENTER-RIGHT;");
        amountColumn.setPrefWidth(140);
        amountColumn.setMaxWidth(180);
        table.getColumns().setAll(List.of(itemColumn, quantityColumn, amountColumn));
        table.setPlaceholder(new Label(context.text("counter.lines.empty")));
        table.setPrefHeight(200);
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE) {
                model.removeLine(table.getSelectionModel().getSelectedIndex());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label total = new Label();
        total.setId("counter-total");
        total.getStyleClass().add("big-total");
        // after the tier discount and a checked coupon, the big figure is what the customer pays
        total.textProperty().bind(Bindings.createStringBinding(() -> Money.display(model.payCents().get()),
                model.payCents()));
        Label problem = new Label();
        problem.setId("counter-problem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        Label status = new Label();
        status.setId("counter-status");
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        FontIcon ok = new FontIcon(Feather.CHECK_CIRCLE);
        ok.getStyleClass().add("tile-icon");
        status.graphicProperty().bind(Bindings.when(model.statusProperty().isEmpty()).then((Node) null)
                .otherwise(ok));
        Button save = new Button(context.text("counter.save"), new FontIcon(Feather.CHECK));
        save.setId("counter-save");
        save.getStyleClass().addAll("accent", "large");
        save.disableProperty().bind(model.savingProperty());
        save.setOnAction(event -> model.save());
        save.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        SaleFigures figures = new SaleFigures(context, model);
        Button giveBack = new Button(context.text("counter.return"), new FontIcon(Feather.CORNER_UP_LEFT));
        giveBack.setId("counter-return");
        giveBack.setOnAction(event -> corrections.giveBack());
        giveBack.setFocusTraversable(false);
        Button voidSale = new Button(context.text("counter.void"), new FontIcon(Feather.X_CIRCLE));
        voidSale.setId("counter-void");
        voidSale.setOnAction(event -> corrections.voidLast());
        voidSale.setFocusTraversable(false);
        voidSale.disableProperty().bind(model.lastSaleProperty().isNull());
        // what to pay and Save are never cut short (the figure is read aloud); Return… and Void… get their own row,
        // so three buttons do not squeeze the total at 1,200 px in English
        total.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        giveBack.setMinWidth(Region.USE_PREF_SIZE);
        voidSale.setMinWidth(Region.USE_PREF_SIZE);
        HBox footer = new HBox(12, new VBox(4, muted("counter.pay"), total), spacer, payment.choice(), save);
        footer.setAlignment(Pos.CENTER_LEFT);
        HBox afterSale = new HBox(8, giveBack, voidSale);
        afterSale.setAlignment(Pos.CENTER_LEFT);
        VBox column = new VBox(10, sectionTitle(Feather.SHOPPING_BAG, "counter.purchase"), entry, couponRow(), table,
                figures.priceLines(), problem, footer, payment.plan(), afterSale, status, figures.announcement());
        return column;
    }

    /** After the items, so Tab from the amount lands here; a scanner types the code and Enter. */
    private Node couponRow() {
        code.setId("counter-coupon-code");
        code.setPromptText(context.text("counter.coupon.prompt"));
        // wide enough for the whole hint in both languages (codes themselves are 8 characters)
        code.setPrefColumnCount(24);
        code.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        code.textProperty().bindBidirectional(model.codeProperty());
        code.setOnAction(event -> model.save());
        Label message = new Label();
        message.setId("counter-coupon-message");
        message.setWrapText(true);
        message.textProperty().bind(model.couponMessageProperty());
        model.couponRefusedProperty().addListener((obs, old, refused) -> {
            message.getStyleClass().removeAll("field-error", "success");
            message.getStyleClass().add(refused ? "field-error" : "success");
        });
        message.getStyleClass().add("success");
        HBox row = new HBox(10, code, message);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);
        return new VBox(4, muted("counter.coupon"), row);
    }

    @Override
    public boolean addsMembers() {
        return true;
    }

    /** File ▸ New member… (Ctrl+N) on the counter: the phone typed in the lookup is filled in. */
    @Override
    public void newMember() {
        addMember();
    }

    private void addMember() {
        MemberFormDialog form = new MemberFormDialog(lookup.getScene().getWindow(), context, null, List.of());
        String phone = model.typedPhone();
        if (!phone.isEmpty()) {
            form.model().phoneProperty().set(phone);
        }
        form.showAndWait().ifPresent(model::added);
    }

    private Label sectionTitle(Ikon icon, String key) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("tile-icon");
        Label label = new Label(context.text(key), graphic);
        label.getStyleClass().addAll("section-title", "title-4");
        return label;
    }

    private Label muted(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("text-muted");
        return label;
    }
}
