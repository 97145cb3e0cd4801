package org.memberdesk.ui.members;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.common.Money;
import org.memberdesk.members.Gender;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberStats;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.UiContext;

/**
 * The selected member: profile, spend summary, purchase history, then the sections features add
 * (points and tier, tags, coupons…). Built from the view model each time a member is loaded.
 */
final class MemberDetailPane {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final UiContext context;
    private final MemberDetailViewModel model;
    private final List<MemberSection<?>> sections;
    private final VBox content = new VBox(14);
    private final StackPane root = new StackPane();
    private final Runnable edit;
    private final Runnable recordPurchase;
    private final ScrollPane scroll;
    /** Each section's body as last built, for its shortcut to find the first button in. */
    private final java.util.Map<MemberSection<?>, VBox> holders = new java.util.HashMap<>();

    MemberDetailPane(UiContext context, MemberDetailViewModel model, List<MemberSection<?>> sections,
                     Runnable edit, Runnable recordPurchase) {
        this.context = context;
        this.model = model;
        this.sections = sections;
        this.edit = edit;
        this.recordPurchase = recordPurchase;
        content.setPadding(new Insets(16));
        content.setId("member-detail");
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        Label empty = new Label(context.text("member.detail.empty"), new FontIcon(Feather.USER));
        empty.getStyleClass().add("text-muted");
        empty.visibleProperty().bind(model.memberProperty().isNull());
        scroll.visibleProperty().bind(model.memberProperty().isNotNull());
        root.getChildren().addAll(empty, scroll);
        root.setMinWidth(330);
        root.setPrefWidth(370);
        model.loadsProperty().addListener((obs, old, now) -> rebuild());
        // whatever the keyboard moves to in the pane (a shortcut, Tab) is scrolled into view
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, was, now) -> reveal(now));
            }
        });
    }

    /**
     * The section whose shortcut this key is gets the keyboard on its first button; false when no section has
     * the key, or its section shows no button (no member, nothing read yet).
     */
    boolean focusSection(javafx.scene.input.KeyEvent key) {
        if (key.getEventType() != javafx.scene.input.KeyEvent.KEY_PRESSED) {
            return false;
        }
        for (MemberSection<?> section : sections) {
            if (section.shortcut() != null && section.shortcut().match(key)) {
                VBox holder = holders.get(section);
                Node first = holder == null || model.memberProperty().get() == null ? null : firstButton(holder);
                if (first != null) {
                    first.requestFocus();
                    return true;
                }
                return false;
            }
        }
        return false;
    }

    private static Node firstButton(Node node) {
        if (node instanceof javafx.scene.control.ButtonBase button) {
            return button.isFocusTraversable() && !button.isDisabled() && button.isVisible() ? button : null;
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = firstButton(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void reveal(Node node) {
        boolean inside = false;
        for (Node parent = node == null ? null : node.getParent(); parent != null; parent = parent.getParent()) {
            inside |= parent == content;
        }
        if (!inside) {
            return;
        }
        javafx.geometry.Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double viewport = scroll.getViewportBounds().getHeight();
        double extra = content.getBoundsInLocal().getHeight() - viewport;
        if (extra <= 0) {
            return;
        }
        double top = scroll.getVvalue() * extra;
        if (bounds.getMinY() < top) {
            scroll.setVvalue(Math.max(0, bounds.getMinY() - 20) / extra);
        } else if (bounds.getMaxY() > top + viewport) {
            scroll.setVvalue(Math.min(1, (bounds.getMaxY() + 20 - viewport) / extra));
        }
    }

    Node root() {
        return root;
    }

    private void rebuild() {
        Member member = model.memberProperty().get();
        if (member == null) {
            content.getChildren().clear();
            return;
        }
        holders.clear();
        content.getChildren().setAll(header(member), profile(member), spend(member.stats()), history());
        for (MemberSection<?> section : sections) {
            content.getChildren().add(section(section, member));
        }
    }

    private Node header(Member member) {
        Label name = new Label(member.name());
        name.getStyleClass().add("detail-name");
        name.setId("detail-name");
        Label number = new Label(member.memberNo());
        number.getStyleClass().add("text-muted");
        HBox title = new HBox(10, name, number);
        title.setAlignment(Pos.BASELINE_LEFT);
        if (member.archived()) {
            Label archived = new Label(context.text("member.archived"));
            archived.getStyleClass().addAll("coming-soon-badge");
            title.getChildren().add(archived);
        }
        Button editButton = new Button(context.text("member.edit"), new FontIcon(Feather.EDIT_2));
        editButton.setId("detail-edit");
        editButton.setOnAction(e -> edit.run());
        Button purchase = new Button(context.text("member.recordPurchase"), new FontIcon(Feather.SHOPPING_CART));
        purchase.setId("detail-purchase");
        purchase.getStyleClass().add("accent");
        purchase.setOnAction(e -> recordPurchase.run());
        purchase.setDisable(member.archived());
        Button archive = new Button(context.text(member.archived() ? "member.restore" : "member.archive"),
                new FontIcon(member.archived() ? Feather.ROTATE_CCW : Feather.ARCHIVE));
        archive.setId("detail-archive");
        archive.setOnAction(e -> model.toggleArchived(() -> { }));
        // what the person at the computer may not do is not offered (the service refuses it all the same)
        var session = context.app().session();
        editButton.setDisable(!session.may(org.memberdesk.staff.Permission.EDIT_MEMBER));
        archive.setDisable(!session.may(org.memberdesk.staff.Permission.ARCHIVE_MEMBER));
        HBox buttons = new HBox(8, purchase, editButton, archive);
        return new VBox(10, title, buttons);
    }

    private Node profile(Member member) {
        MemberDetails d = member.details();
        GridPane grid = grid();
        int row = 0;
        Label phone = new Label();
        phone.setId("detail-phone");
        phone.textProperty().bind(model.phoneShown());
        if (d.phone() != null && !model.mayRevealPhone()) {
            addRow(grid, row++, "phone", phone); // masked, no reveal: only the owner sees full numbers
        } else if (d.phone() != null) {
            ToggleButton reveal = new ToggleButton();
            reveal.setId("detail-reveal");
            reveal.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(
                    model.phoneRevealedProperty().get() ? Feather.EYE_OFF : Feather.EYE), model.phoneRevealedProperty()));
            reveal.selectedProperty().bindBidirectional(model.phoneRevealedProperty());
            reveal.setTooltip(new Tooltip(context.text("member.phone.reveal")));
            reveal.getStyleClass().addAll("flat", "small");
            HBox phoneRow = new HBox(6, phone, reveal);
            phoneRow.setAlignment(Pos.CENTER_LEFT);
            addRow(grid, row++, "phone", phoneRow);
        } else {
            addRow(grid, row++, "phone", value(context.text("member.none")));
        }
        addRow(grid, row++, "gender", value(d.gender() == null ? context.text("member.gender.unknown")
                : context.text(d.gender() == Gender.FEMALE ? "member.gender.female" : "member.gender.male")));
        addRow(grid, row++, "birthday", value(d.birthday() == null ? context.text("member.none")
                : d.birthday().toString()));
        addRow(grid, row++, "join_date", value(d.joinDate().toString()));
        addRow(grid, row++, "channel", value(d.channel() == null ? context.text("member.none") : d.channel()));
        if (d.referrerNo() != null) {
            addRow(grid, row++, "referrer_no", value(d.referrerNo()));
        }
        if (model.referralsProperty().get() > 0) {
            Label referrals = value(context.text("member.referrals.count", model.referralsProperty().get()));
            grid.addRow(row++, muted(context.text("member.referrals")), referrals);
        }
        if (d.notes() != null) {
            Label notes = value(d.notes());
            notes.setWrapText(true);
            addRow(grid, row++, "notes", notes);
        }
        for (var custom : d.customFields().entrySet()) {
            grid.addRow(row++, muted(custom.getKey()), value(custom.getValue()));
        }
        return section(Feather.USER, "member.section.profile", grid);
    }

    private Node spend(MemberStats stats) {
        GridPane grid = grid();
        Label net = value(Money.display(stats.netSpentCents()));
        net.setId("detail-spent");
        net.getStyleClass().add("text-bold");
        grid.addRow(0, muted(context.text("member.spend.net")), net);
        Label count = value(context.text("member.spend.visits", stats.purchases(), stats.returns()));
        count.setId("detail-visits");
        grid.addRow(1, muted(context.text("member.spend.visitsLabel")), count);
        grid.addRow(2, muted(context.text("member.spend.average")), value(stats.averageOrderCents() < 0
                ? context.text("member.none") : Money.display(stats.averageOrderCents())));
        grid.addRow(3, muted(context.text("member.spend.first")), value(stats.firstPurchaseAt() == null
                ? context.text("member.none") : stats.firstPurchaseAt().format(TIME)));
        grid.addRow(4, muted(context.text("member.spend.last")), value(stats.lastPurchaseAt() == null
                ? context.text("member.none") : stats.lastPurchaseAt().format(TIME)));
        Label forecastLabel = muted(context.text("member.forecast.label"));
        GridPane.setValignment(forecastLabel, javafx.geometry.VPos.TOP);
        grid.addRow(5, forecastLabel, forecast());
        return section(Feather.DOLLAR_SIGN, "member.section.spend", grid);
    }

    /** The prediction line under the spend: still a customer, and worth what over the next year (issue 20). */
    private Node forecast() {
        Label line = value(model.forecastText());
        line.setId("detail-forecast");
        // the line is longer than the pane is wide: it wraps in its column instead of widening the pane
        line.setWrapText(true);
        line.setMinWidth(0);
        line.setPrefWidth(1);
        line.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(line, Priority.ALWAYS);
        line.setTooltip(new Tooltip(context.text("member.forecast.explain")));
        return line;
    }

    private Node history() {
        TableView<Purchase> table = new TableView<>(model.history());
        table.setId("detail-history");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Purchase, String> time = new TableColumn<>(context.text("purchase.column.time"));
        // the date is enough in a narrow pane; the purchases screen has the full time
        time.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(
                c.getValue().time().toLocalDate().toString()));
        time.setPrefWidth(96);
        time.setMinWidth(96);
        TableColumn<Purchase, String> items = new TableColumn<>(context.text("purchase.column.items"));
        items.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(items(c.getValue())));
        TableColumn<Purchase, String> total = new TableColumn<>(context.text("purchase.column.total"));
        total.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(
                Money.display(c.getValue().totalCents())));
        total.setStyle("-fx-alignment: CENTER-RIGHT;");
        total.setPrefWidth(84);
        total.setMinWidth(76);
        // where each was made: a chain's history alone (a single shop never sees stores)
        TableColumn<Purchase, String> store = new TableColumn<>(context.text("purchase.column.store"));
        store.setId("detail-history-store");
        store.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(model.storeOf(c.getValue())));
        store.setPrefWidth(72);
        store.setMinWidth(56);
        store.visibleProperty().bind(model.chainProperty());
        table.getColumns().setAll(List.of(time, store, items, total));
        table.setPlaceholder(new Label(context.text("member.history.empty")));
        table.setFixedCellSize(30);
        table.prefHeightProperty().bind(Bindings.min(320,
                Bindings.max(120, Bindings.size(model.history()).multiply(30).add(36))));
        table.getStyleClass().add("dense");
        return section(Feather.LIST, "member.section.history", table);
    }

    private static String items(Purchase purchase) {
        return purchase.lines().stream().map(MemberDetailPane::line).collect(Collectors.joining("，"));
    }

    private static String line(PurchaseLine line) {
        return line.quantity() == 1 ? line.item() : line.item() + " ×" + line.quantity();
    }

    private <T> Node section(MemberSection<T> section, Member member) {
        VBox holder = new VBox(new Label("…"));
        holders.put(section, holder);
        context.tasks().execute(BackgroundTask.of(() -> section.read(member))
                .onSuccess(data -> holder.getChildren().setAll(section.show(member, data))));
        return section(section.icon(), section.titleKey(), holder);
    }

    private Node section(org.kordamp.ikonli.Ikon icon, String titleKey, Node body) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("tile-icon");
        Label title = new Label(context.text(titleKey), graphic);
        title.getStyleClass().add("section-title");
        VBox box = new VBox(8, title, body);
        box.getStyleClass().add("section");
        VBox.setVgrow(body, Priority.NEVER);
        return box;
    }

    private GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(5);
        return grid;
    }

    private void addRow(GridPane grid, int row, String field, Node value) {
        grid.addRow(row, muted(context.text("member.field." + field)), value);
    }

    private static Label value(String text) {
        return new Label(text);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
