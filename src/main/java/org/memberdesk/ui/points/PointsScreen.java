package org.memberdesk.ui.points;

import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.members.Member;
import org.memberdesk.points.PointsEntry;
import org.memberdesk.points.PointsOwed;
import org.memberdesk.ui.common.PointsBalance;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.shell.Screen;

/** 积分 Points: a member's balance, tier and ledger, with the adjust and redeem forms. */
public final class PointsScreen implements Screen {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final UiContext context;
    private final PointsViewModel model;

    public PointsScreen(UiContext context) {
        this.context = context;
        this.model = new PointsViewModel(context.app().members(), context.app().points(), context.app().tiers(),
                context.tasks(), context.dialogs(), context.messages(), context.changes());
    }

    public PointsViewModel model() {
        return model;
    }

    @Override
    public String id() {
        return "points";
    }

    @Override
    public String titleKey() {
        return "nav.points";
    }

    @Override
    public Ikon icon() {
        return Feather.STAR;
    }

    @Override
    public Node view() {
        Label title = new Label(context.text("nav.points"));
        title.getStyleClass().add("title-2");

        TextField lookup = new TextField();
        lookup.setId("points-lookup");
        lookup.setPromptText(context.text("points.ui.lookup"));
        lookup.textProperty().bindBidirectional(model.lookupProperty());
        lookup.setOnAction(e -> model.find());
        lookup.setPrefColumnCount(20);
        Button find = new Button(context.text("points.ui.find"));
        find.setId("points-find");
        find.setOnAction(e -> model.find());
        HBox search = new HBox(8, lookup, find);
        search.setAlignment(Pos.CENTER_LEFT);

        Label problem = boundLabel("points-problem", model.problemProperty());
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        ListView<Member> matches = matches();
        // Down from the lookup goes to the listed matches, Enter there shows one: no mouse needed
        lookup.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !matches.getItems().isEmpty()) {
                matches.requestFocus();
                matches.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        Label status = boundLabel("points-status", model.statusProperty());
        status.getStyleClass().add("success");

        GridPane card = new GridPane();
        card.setHgap(16);
        card.setVgap(6);
        card.addRow(0, muted("points.ui.member"), memberName());
        Label balance = boundLabel("points-balance", model.balanceProperty());
        model.owingProperty().addListener((obs, was, owing) -> {
            balance.getStyleClass().remove(PointsBalance.OWED_STYLE);
            if (owing) {
                balance.getStyleClass().add(PointsBalance.OWED_STYLE);
            }
        });
        card.addRow(1, muted("points.ui.balance"), balance,
                boundLabel("points-expiring", model.expiringProperty()));
        card.addRow(2, muted("points.ui.tier"), boundLabel("points-tier", model.tierProperty()),
                boundLabel("points-next", model.nextStepProperty()));

        VBox forms = new VBox(12, adjustForm(), redeemForm());
        forms.disableProperty().bind(model.memberProperty().isNull());
        forms.setMinWidth(320);
        TableView<PointsEntry> ledger = ledger();
        HBox.setHgrow(ledger, Priority.ALWAYS);
        HBox body = new HBox(20, forms, ledger);
        VBox.setVgrow(body, Priority.ALWAYS);

        // an empty line takes no room: the form and the ledger keep their height at 1024×700
        for (Label line : new Label[] {problem, status}) {
            line.managedProperty().bind(line.textProperty().isNotEmpty());
            line.visibleProperty().bind(line.managedProperty());
        }
        VBox page = new VBox(14, title, search, problem, matches, status, card, body);
        page.setPadding(new Insets(24));
        page.getStyleClass().add("page");
        // a small window scrolls the page instead of cutting off the redeem button
        ScrollPane scroll = new ScrollPane(page);
        scroll.setId("points-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    @Override
    public void shown() {
        model.refresh();
    }

    /** The members a partly typed lookup matched (the last 4 digits of a phone, a name): Enter or a click shows one. */
    private ListView<Member> matches() {
        ListView<Member> list = new ListView<>(model.matches());
        list.setId("points-matches");
        list.setPrefHeight(120);
        list.setMinHeight(80);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Member member, boolean empty) {
                super.updateItem(member, empty);
                setText(empty || member == null ? null : member.name() + "  " + member.memberNo() + "  "
                        + context.app().session().phone(member.phone()));
            }
        });
        list.setOnMouseClicked(e -> model.pick(list.getSelectionModel().getSelectedItem()));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.pick(list.getSelectionModel().getSelectedItem());
            }
        });
        list.visibleProperty().bind(Bindings.isNotEmpty(model.matches()));
        list.managedProperty().bind(list.visibleProperty());
        return list;
    }

    private Label memberName() {
        Label name = new Label();
        name.setId("points-member");
        model.memberProperty().addListener((obs, old, member) ->
                name.setText(member == null ? "" : member.name() + "  " + member.memberNo()));
        return name;
    }

    private Node adjustForm() {
        TextField amount = field("points-adjust-amount", "points.ui.adjustAmount", model.adjustPointsProperty());
        TextField reason = field("points-adjust-reason", "points.ui.reason", model.adjustReasonProperty());
        TextField by = field("points-operator", "points.ui.operator", model.operatorProperty());
        Button adjust = new Button(context.text("points.ui.adjust"));
        adjust.setId("points-adjust");
        adjust.setOnAction(e -> model.adjust());
        Label heading = new Label(context.text("points.ui.adjustTitle"));
        heading.getStyleClass().add("title-4");
        return new VBox(6, heading, amount, reason, by, adjust);
    }

    private Node redeemForm() {
        ComboBox<String> reward = new ComboBox<>(model.rewards());
        reward.setId("points-reward");
        reward.setPromptText(context.text("points.ui.reward"));
        reward.valueProperty().bindBidirectional(model.rewardProperty());
        reward.setMaxWidth(Double.MAX_VALUE);
        TextField amount = field("points-redeem-amount", "points.ui.redeemAmount", model.redeemPointsProperty());
        TextField reason = field("points-redeem-reason", "points.ui.redeemFor", model.redeemReasonProperty());
        Button redeem = new Button(context.text("points.ui.redeem"));
        redeem.setId("points-redeem");
        redeem.setOnAction(e -> model.redeem());
        Label heading = new Label(context.text("points.ui.redeemTitle"));
        heading.getStyleClass().add("title-4");
        return new VBox(6, heading, reward, amount, reason, redeem);
    }

    private TableView<PointsEntry> ledger() {
        TableView<PointsEntry> table = new TableView<>(model.entries());
        table.setId("points-ledger");
        table.setPlaceholder(new Label(context.text("points.ui.noEntries")));
        table.getColumns().add(column("points.ui.col.time", e -> e.time().format(TIME), 130));
        table.getColumns().add(column("points.ui.col.kind", e -> context.text("points.kind." + e.kind().code()), 70));
        table.getColumns().add(column("points.ui.col.points", e -> String.format("%+,d", e.points()), 80));
        table.getColumns().add(column("points.ui.col.what", this::what, 180));
        table.getColumns().add(column("points.ui.col.operator", e -> e.operator() == null ? "" : e.operator(), 80));
        table.getColumns().add(column("points.ui.col.expires",
                e -> e.expiresOn() == null ? "" : e.expiresOn().toString(), 100));
        table.getColumns().add(column("points.ui.col.left",
                e -> e.remaining() == null ? "" : String.format("%,d", e.remaining()), 70));
        return table;
    }

    private String what(PointsEntry entry) {
        if (entry.rewardName() != null) {
            return entry.rewardName();
        }
        if (entry.purchaseNo() != null) {
            String note = "";
            if (entry.reason() != null && entry.reason().startsWith("short:")) {
                note = "  " + context.text("points.ui.short", entry.reason().substring(6)); // before points owed
            } else if (PointsOwed.owedIn(entry.reason()) > 0) {
                note = "  " + context.text("points.ui.owedByReturn", PointsOwed.owedIn(entry.reason()));
            }
            return entry.purchaseNo() + note;
        }
        if (entry.reason() == null) {
            return "";
        }
        return switch (entry.reason()) {
            case "signup", "first_purchase", "purchase" -> context.text("points.reason." + entry.reason());
            default -> entry.reason();
        };
    }

    private TableColumn<PointsEntry, String> column(String key, Function<PointsEntry, String> value, double width) {
        TableColumn<PointsEntry, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private TextField field(String id, String promptKey, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(context.text(promptKey));
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private Label muted(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static Label boundLabel(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }
}
