package org.memberdesk.ui.tags;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.common.Money;
import org.memberdesk.tags.Field;
import org.memberdesk.tags.Operator;
import org.memberdesk.tags.RuleService.MatchedMember;
import org.memberdesk.tags.RuleWords;
import org.memberdesk.ui.common.IsoDates;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.shell.Screen;

/**
 * Tags &amp; Segments: the rule as text and as builder rows, live count, preview, templates, export and
 * tags; RFM and lifecycle on their own tabs ({@link RfmTabs}), whose segments, cells and stages open here.
 */
public final class SegmentsScreen implements Screen {
    private final UiContext context;
    private final SegmentsViewModel model;
    private final TagsViewModel tags;
    private final RuleWords words;
    private final RfmViewModel rfm;
    private TabPane tabs;

    public SegmentsScreen(UiContext context) {
        this.context = context;
        var app = context.app();
        this.model = new SegmentsViewModel(app.rules(), app.tags(), app.predictions(), app.session(), context.tasks(),
                context.dialogs(), context.messages(), context.changes());
        this.tags = new TagsViewModel(app.tags(), context.tasks(), context.dialogs(), context.messages(),
                context.changes());
        this.words = new RuleWords(context.messages());
        this.rfm = new RfmViewModel(app.rfm(), app.lifecycle(), app.rules().today(), context.tasks());
    }

    public SegmentsViewModel model() {
        return model;
    }

    public TagsViewModel tags() {
        return tags;
    }

    @Override
    public String id() {
        return "tags";
    }

    @Override
    public String titleKey() {
        return "nav.tags";
    }

    @Override
    public Ikon icon() {
        return Feather.TAG;
    }

    @Override
    public Node view() {
        Tab segments = new Tab(context.text("segments.tab"), segmentsPane());
        segments.setId("tab-segments");
        RfmTabs analysis = new RfmTabs(context, rfm, (rule, date) -> {
            model.show(rule, date);
            tabs.getSelectionModel().select(0);
        });
        tabs = new TabPane(segments, analysis.rfmTab(), analysis.lifecycleTab());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("segments-tabs");
        return tabs;
    }

    @Override
    public void shown() {
        tags.shown();
    }

    private Node segmentsPane() {
        MenuButton templates = new MenuButton(context.text("segments.templates"));
        templates.setId("segments-templates");
        for (SegmentsViewModel.Template template : SegmentsViewModel.Template.values()) {
            MenuItem item = new MenuItem(context.text("segments.template." + template.name().toLowerCase()));
            item.setOnAction(e -> model.useTemplate(template));
            templates.getItems().add(item);
        }
        var asOf = IsoDates.picker();
        asOf.setId("segments-as-of");
        asOf.valueProperty().bindBidirectional(model.asOfProperty());
        HBox top = new HBox(10, templates, new Label(context.text("segments.asOf")), asOf);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TextArea text = new TextArea();
        text.setId("rule-text");
        text.setPrefRowCount(2);
        text.setWrapText(true);
        text.setPromptText(context.text("segments.rule.prompt"));
        text.textProperty().bindBidirectional(model.ruleTextProperty());
        Label error = new Label();
        error.setId("rule-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());

        ChoiceBox<Boolean> join = new ChoiceBox<>();
        join.setId("builder-join");
        join.getItems().addAll(false, true);
        join.setConverter(converter(any -> context.text(any ? "segments.join.any" : "segments.join.all")));
        join.valueProperty().bindBidirectional(model.anyOfProperty());
        VBox rows = new VBox(6);
        rows.setId("builder-rows");
        model.rows().addListener((javafx.collections.ListChangeListener<ConditionRow>) c -> fillRows(rows));
        fillRows(rows);
        Button add = new Button(context.text("segments.addCondition"));
        add.setId("builder-add");
        add.setOnAction(e -> model.addRow());
        Label textOnly = new Label(context.text("segments.textOnly"));
        textOnly.setId("builder-text-only");
        textOnly.visibleProperty().bind(model.builderUsableProperty().not());
        textOnly.managedProperty().bind(textOnly.visibleProperty());
        VBox builder = new VBox(6, new HBox(8, new Label(context.text("segments.match")), join), rows, add, textOnly);
        builder.disableProperty().bind(model.builderUsableProperty().not());
        builder.getStyleClass().add("builder");

        Label count = new Label();
        count.setId("rule-count");
        count.getStyleClass().add("title-3");
        count.textProperty().bind(model.countProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.countingProperty());

        TableView<MatchedMember> table = previewTable();
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField tagName = new TextField();
        tagName.setId("tag-name");
        tagName.setPromptText(context.text("segments.tagName"));
        tagName.textProperty().bindBidirectional(model.tagNameProperty());
        Button save = new Button(context.text("segments.saveTag"));
        save.setId("save-tag");
        save.setOnAction(e -> model.saveAsTag());
        Button tagThem = new Button(context.text("segments.tagMembers"));
        tagThem.setId("tag-members");
        tagThem.setOnAction(e -> model.tagMembers());
        Button export = new Button(context.text("segments.export"));
        export.setId("segments-export");
        export.setOnAction(e -> context.chooseOutputFile(context.text("segments.export"), "segment.csv",
                "CSV", "*.csv").ifPresent(model::export));
        save.disableProperty().bind(tagName.textProperty().isEmpty().or(model.errorProperty().isNotEmpty()));
        tagThem.disableProperty().bind(save.disableProperty());
        Label status = new Label();
        status.setId("segments-status");
        status.textProperty().bind(model.statusProperty());
        // buttons keep their words whole; at a narrow window the row wraps instead of cutting them
        for (Button button : new Button[] {save, tagThem, export}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setWrapText(true);
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 6, tagName, save, tagThem, export);
        VBox actions = new VBox(6, buttons, status);

        VBox left = new VBox(10, top, text, error, builder, new HBox(8, count, busy), table, actions);
        left.setPadding(new Insets(12));
        Node right = TagsPane.build(tags, context.messages(), tag ->
                model.ruleTextProperty().set(tag.isRuleTag() ? tag.rule() : "tag = \"" + tag.name() + "\""));
        BorderPane pane = new BorderPane(left);
        pane.setRight(right);
        return pane;
    }

    private void fillRows(VBox box) {
        box.getChildren().clear();
        int index = 0;
        for (ConditionRow row : model.rows()) {
            CheckBox not = new CheckBox(context.text("segments.not"));
            not.setMinWidth(Region.USE_PREF_SIZE);
            not.selectedProperty().bindBidirectional(row.notProperty());
            ComboBox<Field> field = new ComboBox<>();
            field.getItems().addAll(Field.values());
            field.setConverter(converter(words::field));
            field.valueProperty().bindBidirectional(row.fieldProperty());
            field.setId("row-field-" + index);
            field.setPrefWidth(180);
            field.setMinWidth(110);
            ComboBox<Operator> operator = new ComboBox<>();
            operator.getItems().setAll(row.fieldProperty().get().operators());
            row.fieldProperty().addListener((o, a, f) -> {
                Operator keep = row.operatorProperty().get();
                operator.getItems().setAll(f.operators());
                operator.setValue(keep != null && f.operators().contains(keep) ? keep : Operator.EQ);
            });
            operator.setConverter(converter(words::operator));
            operator.valueProperty().bindBidirectional(row.operatorProperty());
            operator.setId("row-op-" + index);
            TextField value = new TextField();
            value.setId("row-value-" + index);
            value.setPrefColumnCount(6);
            value.textProperty().bindBidirectional(row.valueProperty());
            Label and = new Label(context.text("segments.between.and"));
            and.setMinWidth(Region.USE_PREF_SIZE);
            operator.setMinWidth(Region.USE_PREF_SIZE);
            TextField value2 = new TextField();
            value2.setId("row-value2-" + index);
            value2.setPrefColumnCount(5);
            value2.textProperty().bindBidirectional(row.value2Property());
            and.visibleProperty().bind(row.operatorProperty().isEqualTo(Operator.BETWEEN));
            and.managedProperty().bind(and.visibleProperty());
            value2.visibleProperty().bind(and.visibleProperty());
            value2.managedProperty().bind(and.visibleProperty());
            Button remove = new Button("✕");
            remove.setId("row-remove-" + index);
            remove.setOnAction(e -> model.removeRow(row));
            remove.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(6, not, field, operator, value, and, value2, remove);
            line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            line.setId("builder-row-" + index);
            box.getChildren().add(line);
            index++;
        }
    }

    private TableView<MatchedMember> previewTable() {
        TableView<MatchedMember> table = new TableView<>(model.preview());
        table.setId("segments-preview");
        table.setPlaceholder(new Label(context.text("segments.preview.empty")));
        table.getColumns().add(column("member.field.member_no", MatchedMember::memberNo));
        table.getColumns().add(column("member.field.name", MatchedMember::name));
        table.getColumns().add(column("member.field.phone", model::phoneShown));
        table.getColumns().add(column("member.field.channel", MatchedMember::channel));
        table.getColumns().add(column("segments.col.purchases", m -> Integer.toString(m.purchases())));
        table.getColumns().get(table.getColumns().size() - 1).setMinWidth(96); // "Purchases" whole
        table.getColumns().add(column("segments.col.spent", m -> Money.display(m.netCents())));
        table.getColumns().add(column("segments.col.last", m -> m.lastPurchaseAt() == null ? ""
                : m.lastPurchaseAt().substring(0, 10)));
        // every title whole: at a narrow window the preview scrolls sideways rather than cutting "Last purchase"
        for (TableColumn<MatchedMember, ?> column : table.getColumns()) {
            column.setMinWidth(Math.max(column.getMinWidth(), 84));
        }
        table.getColumns().get(table.getColumns().size() - 1).setMinWidth(112);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return table;
    }

    private TableColumn<MatchedMember, String> column(String key, Function<MatchedMember, String> value) {
        TableColumn<MatchedMember, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen from the list only");
            }
        };
    }
}
