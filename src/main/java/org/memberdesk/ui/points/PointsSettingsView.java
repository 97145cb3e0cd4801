package org.memberdesk.ui.points;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.ui.common.FieldProblems;
import org.memberdesk.ui.common.UiContext;

/**
 * Settings → Points: the points rules with the live example, the multipliers, the tiers' points
 * percents and the templates; the rewards catalog is {@link RewardsView}, beside it. Every problem
 * shows next to its field (ControlsFX's marker and the sentence under the field), as in the member form.
 */
public final class PointsSettingsView {
    private final UiContext context;
    private final PointsRulesModel model;
    private final RewardsModel rewards;
    private final FieldProblems problems;
    private final ValidationSupport validation = new ValidationSupport();
    private ValidationSupport rowValidation = new ValidationSupport();
    private final VBox multiplierRows = new VBox(6);
    private final FlowPane tierRow = new FlowPane(12, 6);

    public PointsSettingsView(UiContext context) {
        this.context = context;
        this.model = new PointsRulesModel(context.app().points(), context.app().growthTemplates(), context.tasks(),
                context.dialogs(), context.messages());
        this.problems = new FieldProblems(model::problem, "error-", 240);
        this.rewards = new RewardsModel(context.app().campaigns(), context.app().points(), context.tasks(),
                context.messages());
    }

    public PointsRulesModel model() {
        return model;
    }

    public RewardsModel rewards() {
        return rewards;
    }

    /** Reads what is stored (on showing the settings). */
    public void load() {
        model.load();
        rewards.load();
    }

    public Node view() {
        Label title = new Label(context.text("points.settings.title"));
        title.getStyleClass().add("title-3");
        MenuButton template = new MenuButton(context.text("points.settings.template"), new FontIcon(Feather.LAYERS));
        template.setId("points-template");
        for (String code : new String[] {"scenic", "gym"}) {
            MenuItem item = new MenuItem(context.text("points.settings.template." + code));
            item.setId("template-" + code);
            item.setOnAction(e -> model.applyTemplate(code));
            template.getItems().add(item);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, title, gap, template);
        header.setAlignment(Pos.CENTER_LEFT);

        Button save = new Button(context.text("points.settings.save"), new FontIcon(Feather.SAVE));
        save.setId("points-rules-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> model.save());
        Button revert = new Button(context.text("points.settings.revert"), new FontIcon(Feather.ROTATE_CCW));
        revert.setId("points-rules-revert");
        revert.setOnAction(e -> model.revert());
        revert.disableProperty().bind(model.changedProperty().not());
        save.disableProperty().bind(model.busyProperty());
        Label status = bound("points-rules-status", model.statusProperty(), "success");
        Label problem = bound("points-rules-problem", model.problemProperty(), "danger");
        HBox actions = new HBox(10, save, revert, status, problem);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox rules = new VBox(14, header, example(), actions, rulesForm(), multipliers(), tiers());
        Node catalog = new RewardsView(context, rewards).view();
        // the rules, then the rewards under them: side by side they cut the rules' words at 1024 and 1200 px
        VBox columns = new VBox(28, rules, catalog);
        rules.setMaxWidth(960);
        columns.setPadding(new Insets(20, 24, 24, 24));
        columns.getStyleClass().add("page");
        model.revisionProperty().addListener((obs, old, now) -> showProblems());
        model.onRowsChanged(this::rebuildRows);
        model.tiers().addListener((javafx.collections.ListChangeListener<PointsRulesModel.TierPercent>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    rebuildTiers();
                    return;
                }
            }
        });
        rebuildRows();
        rebuildTiers();
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setId("points-settings-scroll");
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node example() {
        TextField item = field("example-item", model.exampleItemProperty(), 6);
        TextField amount = field("example-amount", model.exampleAmountProperty(), 5);
        ComboBox<String> tier = new ComboBox<>();
        tier.setId("example-tier");
        // sized before its tiers arrive: room for a tier's name ("金卡" was "…")
        tier.setPrefWidth(130);
        tier.setMinWidth(Region.USE_PREF_SIZE);
        model.tiers().addListener((javafx.collections.ListChangeListener<PointsRulesModel.TierPercent>) c ->
                tier.getItems().setAll(model.tiers().stream().map(PointsRulesModel.TierPercent::name).toList()));
        tier.valueProperty().bindBidirectional(model.exampleTierProperty());
        CheckBox birthday = new CheckBox(context.text("points.settings.example.birthday"));
        birthday.setId("example-birthday");
        birthday.selectedProperty().bindBidirectional(model.exampleBirthdayProperty());
        HBox inputs = new HBox(8, muted("points.settings.example.title"), item, new Label("¥"), amount, tier,
                birthday);
        inputs.setAlignment(Pos.CENTER_LEFT);
        Label result = bound("points-example", model.exampleProperty(), "title-4");
        result.setWrapText(true);
        VBox card = new VBox(8, inputs, result);
        card.setPadding(new Insets(12));
        card.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;"
                + " -fx-border-color: -color-border-default; -fx-border-radius: 6;");
        return card;
    }

    private Node rulesForm() {
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        TextField points = field("points-earn-points", model.earnPointsProperty(), 4);
        TextField perYuan = field("points-earn-per-yuan", model.earnPerYuanProperty(), 4);
        HBox rate = new HBox(6, cell("earn_points", points), text("points.settings.pointsPer"),
                cell("earn_per_yuan", perYuan), text("points.settings.yuanRounded"));
        rate.setAlignment(Pos.TOP_LEFT);
        TextField months = field("points-expiry", model.expiryMonthsProperty(), 4);
        months.disableProperty().bind(model.neverExpiresProperty());
        CheckBox never = new CheckBox(context.text("points.settings.never"));
        never.setId("points-never-expires");
        never.selectedProperty().bindBidirectional(model.neverExpiresProperty());
        HBox expiry = new HBox(6, cell("expiry_months", months), text("points.settings.monthsUnit"), never);
        int row = 0;
        form.addRow(row++, label("points.settings.earn"), rate);
        form.addRow(row++, label("points.settings.expiry"), expiry);
        form.addRow(row++, label("points.settings.birthday"), withUnit("birthday_percent",
                field("points-birthday", model.birthdayPercentProperty(), 4), "%"));
        form.addRow(row++, label("points.settings.signup"), withUnit("signup_bonus",
                field("points-signup", model.signupBonusProperty(), 6), context.text("points.settings.pointsUnit")));
        form.addRow(row, label("points.settings.firstPurchase"), withUnit("first_purchase_bonus",
                field("points-first-purchase", model.firstPurchaseBonusProperty(), 6),
                context.text("points.settings.pointsUnit")));
        return form;
    }

    private Node multipliers() {
        Label heading = new Label(context.text("points.settings.multipliers"));
        heading.getStyleClass().add("title-4");
        Label hint = new Label(context.text("points.settings.multipliers.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        Button add = new Button(context.text("points.settings.multipliers.add"), new FontIcon(Feather.PLUS));
        add.setId("multiplier-add");
        add.setOnAction(e -> model.addMultiplier());
        return new VBox(6, heading, hint, multiplierRows, add);
    }

    private void rebuildRows() {
        rowValidation = new ValidationSupport();
        multiplierRows.getChildren().clear();
        problems.forget("multiplier.");
        for (int i = 0; i < model.multipliers().size(); i++) {
            Multiplier row = model.multipliers().get(i);
            ComboBox<Multiplier.Kind> kind = new ComboBox<>();
            kind.setId("multiplier-kind-" + i);
            kind.getItems().setAll(Multiplier.Kind.values());
            kind.setCellFactory(list -> kindCell());
            kind.setButtonCell(kindCell());
            kind.valueProperty().bindBidirectional(row.kind());
            kind.setPrefWidth(90);
            TextField name = field("multiplier-name-" + i, row.name(), 7);
            name.setPromptText(context.text("points.settings.multipliers.name"));
            TextField percent = field("multiplier-percent-" + i, row.percent(), 4);
            TextField items = field("multiplier-items-" + i, row.items(), 14);
            items.setPromptText(context.text("points.settings.multipliers.items"));
            items.disableProperty().bind(row.kind().isEqualTo(Multiplier.Kind.ITEM));
            Button remove = new Button(null, new FontIcon(Feather.TRASH_2));
            remove.setId("multiplier-remove-" + i);
            remove.getStyleClass().addAll("flat", "danger");
            remove.setOnAction(e -> model.removeMultiplier(row));
            HBox line = new HBox(6, kind, cell(rowValidation, "multiplier.name." + i, name),
                    cell(rowValidation, "multiplier.percent." + i, percent), unit("%"),
                    cell(rowValidation, "multiplier.items." + i, items), remove);
            line.setAlignment(Pos.TOP_LEFT);
            HBox.setHgrow(line.getChildren().get(4), Priority.ALWAYS);
            multiplierRows.getChildren().add(line);
        }
        showProblems();
    }

    /** The tiers' multipliers, shown for the example's sake; they are set where a tier is defined, on Tiers. */
    private Node tiers() {
        Label heading = new Label(context.text("points.settings.tiers"));
        heading.getStyleClass().add("title-4");
        Label hint = new Label(context.text("points.settings.tiers.where"));
        hint.setId("points-tiers-where");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        return new VBox(6, heading, tierRow, hint);
    }

    private void rebuildTiers() {
        tierRow.getChildren().clear();
        for (int i = 0; i < model.tiers().size(); i++) {
            PointsRulesModel.TierPercent tier = model.tiers().get(i);
            Label shown = new Label(context.text("points.settings.tierPercent", tier.name(), tier.percent()));
            shown.setId("tier-percent-" + i);
            tierRow.getChildren().add(shown);
        }
    }

    private void showProblems() {
        problems.show();
        validation.revalidate();
        rowValidation.revalidate();
    }

    private Node withUnit(String field, TextField input, String unit) {
        HBox box = new HBox(6, cell(field, input), unit(unit));
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private VBox cell(String field, Control control) {
        return cell(validation, field, control);
    }

    private VBox cell(ValidationSupport support, String field, Control control) {
        return problems.cell(support, field, control);
    }

    private ListCell<Multiplier.Kind> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Multiplier.Kind item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : context.text("points.settings.kind." + item.name().toLowerCase(java.util.Locale.ROOT)));
            }
        };
    }

    static TextField field(String id, javafx.beans.property.StringProperty property, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private Label label(String key) {
        Label label = new Label(context.text(key));
        label.setPadding(new Insets(5, 0, 0, 0));
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        return label;
    }

    private Label text(String key) {
        Label label = new Label(context.text(key));
        label.setPadding(new Insets(5, 0, 0, 0));
        return label;
    }

    /** A unit or name beside a field, level with the field's text. */
    private static Label unit(String text) {
        Label label = new Label(text);
        label.setPadding(new Insets(5, 0, 0, 0));
        return label;
    }

    private Label muted(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("text-muted");
        return label;
    }

    static Label bound(String id, javafx.beans.value.ObservableValue<String> text, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.textProperty().bind(text);
        return label;
    }
}
