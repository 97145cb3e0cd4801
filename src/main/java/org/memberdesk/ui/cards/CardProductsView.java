package org.memberdesk.ui.cards;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.common.Money;
import org.memberdesk.ui.common.FieldProblems;
import org.memberdesk.ui.common.UiContext;

/** Settings → 会员卡: the products table, the form to add one (its rows follow the kind) and the top-up ladder. */
public final class CardProductsView {
    private final UiContext context;
    private final CardProductsViewModel model;
    private final FieldProblems problems;
    private final ValidationSupport validation = new ValidationSupport();

    public CardProductsView(UiContext context) {
        this.context = context;
        this.model = new CardProductsViewModel(context.app().cardProducts(), context.tasks(), context.messages());
        this.problems = new FieldProblems(model::problem, "card-product-error-", 320);
    }

    public CardProductsViewModel model() {
        return model;
    }

    public void load() {
        model.load();
    }

    public Node view() {
        Label title = new Label(context.text("cards.products.title"));
        title.getStyleClass().add("title-3");
        Label note = new Label(context.text("cards.products.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);

        TableView<CardProduct> table = table();
        Button archive = new Button(context.text("cards.products.archive"), new FontIcon(Feather.ARCHIVE));
        archive.setId("card-products-archive");
        archive.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, product) -> archive.setText(
                context.text(product != null && product.archived() ? "cards.products.unarchive"
                        : "cards.products.archive")));
        archive.setOnAction(e -> {
            CardProduct product = table.getSelectionModel().getSelectedItem();
            if (product != null) {
                model.archive(product, !product.archived());
            }
        });
        Label status = new Label();
        status.setId("card-products-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        Node form = form();
        Node ladder = ladder();
        HBox.setHgrow(ladder, javafx.scene.layout.Priority.ALWAYS);
        VBox page = new VBox(14, title, note, table, new HBox(10, archive, status), new HBox(40, form, ladder));
        page.setPadding(new Insets(24));
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private TableView<CardProduct> table() {
        TableView<CardProduct> table = new TableView<>(model.products());
        table.setId("card-products-table");
        table.setPrefHeight(170);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(context.text("cards.products.none")));
        table.getColumns().setAll(List.of(
                column("cards.col.kind", p -> context.text(p.kind().messageKey())),
                column("cards.col.name", p -> p.name() + (p.archived() ? " (" + context.text("cards.products.off")
                        + ")" : "")),
                column("cards.col.price", p -> Money.display(p.priceCents())),
                column("cards.col.bonus", p -> p.kind() == CardKind.STORED_VALUE ? Money.display(p.bonusCents()) : ""),
                column("cards.col.sessions", p -> p.sessions() == null ? "" : p.sessions().toString()),
                column("cards.col.days", p -> p.days() == null ? "" : p.days().toString()),
                column("cards.col.perDay", p -> p.perDay() == null ? "" : p.perDay().toString()),
                column("cards.col.freezes", p -> p.maxFreezes() == 0 ? context.text("cards.products.noFreeze")
                        : context.text("cards.products.freezes", p.maxFreezes(), p.maxFreezeDays())),
                column("cards.col.refundable", p -> context.text(p.refundable() ? "cards.yes" : "cards.no"))));
        double[] widths = {110, 170, 100, 90, 80, 70, 80, 170, 100};
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
            // room for a one-word title ("Refundable"), which cannot wrap
            table.getColumns().get(i).setMinWidth(Math.min(widths[i], 100));
        }
        // where its cards are sold and used: a column only in a shop of several stores
        TableColumn<CardProduct, String> store = column("cards.col.store", model::storeOf);
        store.setPrefWidth(110);
        store.setMinWidth(80);
        model.chainProperty().addListener((obs, was, chain) -> {
            if (chain && !table.getColumns().contains(store)) {
                table.getColumns().add(2, store);
            } else if (!chain) {
                table.getColumns().remove(store);
            }
        });
        return table;
    }

    private TableColumn<CardProduct, String> column(String key, Function<CardProduct, String> text) {
        TableColumn<CardProduct, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private Node form() {
        Label title = new Label(context.text("cards.products.new"));
        title.getStyleClass().add("text-bold");
        ComboBox<CardKind> kind = new ComboBox<>();
        kind.setId("card-product-kind");
        kind.getItems().setAll(CardKind.values());
        kind.setCellFactory(list -> kindCell());
        kind.setButtonCell(kindCell());
        kind.valueProperty().bindBidirectional(model.kindProperty());

        TextField perDay = field("card-product-per-day", model.perDayProperty());
        perDay.setPromptText(context.text("cards.form.noLimit"));
        TextField freezes = field("card-product-freezes", model.maxFreezesProperty());
        TextField freezeDays = field("card-product-freeze-days", model.maxFreezeDaysProperty());
        freezes.setPrefColumnCount(4);
        freezeDays.setPrefColumnCount(4);
        // the problem label under both fields: the cell is made with the first, then the pair takes its place
        VBox freezeCell = problems.cell(validation, "freeze", freezes);
        HBox freezeBox = new HBox(8, freezes, fixed(new Label(context.text("cards.form.times"))), freezeDays,
                fixed(new Label(context.text("cards.form.daysUnit"))));
        freezeBox.setAlignment(Pos.CENTER_LEFT);
        freezeCell.getChildren().add(0, freezeBox);
        ComboBox<CardProductsViewModel.StoreOption> store = new ComboBox<>(model.storeOptions());
        store.setId("card-product-store");
        store.valueProperty().bindBidirectional(model.onlyStoreProperty());
        CheckBox refundable = new CheckBox(context.text("cards.form.refundable"));
        refundable.setId("card-product-refundable");
        refundable.selectedProperty().bindBidirectional(model.refundableProperty());
        CheckBox tier = new CheckBox(context.text("cards.form.tierDiscount"));
        tier.setId("card-product-tier");
        tier.selectedProperty().bindBidirectional(model.tierDiscountProperty());
        Button add = new Button(context.text("cards.products.add"), new FontIcon(Feather.PLUS));
        add.setId("card-product-add");
        add.disableProperty().bind(model.workingProperty());
        add.setOnAction(e -> model.add());

        List<FormRow> rows = List.of(
                new FormRow("kind", "cards.col.kind", kind),
                new FormRow("name", "cards.col.name", cell("name", field("card-product-name", model.nameProperty()))),
                new FormRow("price", "cards.form.price",
                        cell("price", field("card-product-price", model.priceProperty()))),
                new FormRow("bonus", "cards.form.bonus",
                        cell("bonus", field("card-product-bonus", model.bonusProperty()))),
                new FormRow("sessions", "cards.col.sessions",
                        cell("sessions", field("card-product-sessions", model.sessionsProperty()))),
                new FormRow("days", "cards.form.days", cell("days", field("card-product-days", model.daysProperty()))),
                new FormRow("per_day", "cards.form.perDay", cell("per_day", perDay)),
                new FormRow("freeze", "cards.form.freeze", freezeCell),
                new FormRow("store", "cards.form.store", store),
                new FormRow("refundable", null, refundable),
                new FormRow("tier", null, tier),
                new FormRow("add", null, add));
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        // only the rows the kind asks for are laid out (hidden rows would still take the grid's gaps)
        Runnable layout = () -> {
            grid.getChildren().clear();
            int row = 0;
            for (FormRow line : rows) {
                // the store row only in a shop of several stores
                boolean asked = line.field().equals("store") ? model.chainProperty().get()
                        : CardProductsViewModel.asks(model.kindProperty().get(), line.field());
                if (asked) {
                    if (line.labelKey() != null) {
                        grid.add(fixed(new Label(context.text(line.labelKey()))), 0, row);
                    }
                    grid.add(line.content(), 1, row++);
                }
            }
        };
        model.kindProperty().addListener((obs, was, now) -> layout.run());
        model.chainProperty().addListener((obs, was, now) -> layout.run());
        layout.run();
        model.problemsChangedProperty().addListener((obs, was, now) -> {
            problems.show();
            validation.revalidate();
        });
        return new VBox(8, title, grid);
    }

    private record FormRow(String field, String labelKey, Node content) {
    }

    private VBox cell(String field, Control control) {
        return problems.cell(validation, field, control);
    }

    /** A label that keeps its whole text rather than shortening it with "…". */
    private static Label fixed(Label label) {
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private Node ladder() {
        Label title = new Label(context.text("cards.topup.title"));
        title.getStyleClass().add("title-3");
        Label note = new Label(context.text("cards.topup.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        VBox rows = new VBox(6);
        rows.setId("topup-steps");
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            int i = 0;
            for (CardProductsViewModel.TopupStep step : model.steps()) {
                TextField amount = field("topup-amount-" + i, step.amountProperty());
                TextField bonus = field("topup-bonus-" + i, step.bonusProperty());
                amount.setPrefColumnCount(7);
                bonus.setPrefColumnCount(7);
                amount.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                bonus.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Button remove = new Button(null, new FontIcon(Feather.X));
                remove.setId("topup-remove-" + i);
                remove.getStyleClass().add("flat");
                remove.setOnAction(e -> model.removeStep(step));
                HBox line = new HBox(8, fixed(new Label(context.text("cards.topup.from"))), amount,
                        fixed(new Label(context.text("cards.topup.gets"))), bonus, remove);
                line.setAlignment(Pos.CENTER_LEFT);
                rows.getChildren().add(line);
                i++;
            }
        };
        model.steps().addListener((ListChangeListener<CardProductsViewModel.TopupStep>) change -> rebuild.run());
        rebuild.run();
        Button addStep = new Button(context.text("cards.topup.add"), new FontIcon(Feather.PLUS));
        addStep.setId("topup-add");
        addStep.setOnAction(e -> model.addStep());
        Button save = new Button(context.text("cards.topup.save"), new FontIcon(Feather.CHECK));
        save.setId("topup-save");
        save.setOnAction(e -> model.saveSteps());
        Label status = new Label();
        status.setId("topup-status");
        status.setWrapText(true);
        status.textProperty().bind(model.stepsStatusProperty());
        model.stepsRefusedProperty().addListener((obs, was, refused) -> {
            status.getStyleClass().remove("field-error");
            if (refused) {
                status.getStyleClass().add("field-error");
            }
        });
        VBox box = new VBox(10, title, note, rows, new HBox(10, addStep, save), status);
        box.setMaxWidth(520);
        return box;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(14);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private ListCell<CardKind> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(CardKind item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : context.text(item.messageKey()));
            }
        };
    }

}
