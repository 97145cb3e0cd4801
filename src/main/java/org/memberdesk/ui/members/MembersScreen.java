package org.memberdesk.ui.members;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.common.Money;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.members.Phones;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.shell.Screen;

/**
 * 会员 Members: search as you type, filters, a table over every member (read a page at a time),
 * and the selected member's detail pane.
 */
public final class MembersScreen implements Screen {
    /** Edit member… on this screen (Enter on a row serves the member at the counter instead). */
    private static final javafx.scene.input.KeyCombination EDIT = new javafx.scene.input.KeyCodeCombination(
            KeyCode.E, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
    private final UiContext context;
    private final MembersViewModel model;
    private final MemberDetailViewModel detail;
    private final List<MemberSection<?>> sections;
    private final Consumer<Member> recordPurchase;
    private final TextField search = new TextField();
    private final TableView<Member> table = new TableView<>();
    private boolean started;

    public MembersScreen(UiContext context, List<MemberSection<?>> sections, Consumer<Member> recordPurchase) {
        this.context = context;
        this.model = new MembersViewModel(context.app().members(), context.tasks(), context.dialogs());
        this.detail = MembersScreen.detailModel(context);
        this.sections = List.copyOf(sections);
        this.recordPurchase = recordPurchase;
        context.changes().onMemberChanged(id -> {
            model.refresh();
            if (id == DataChanges.MANY || detail.member().map(m -> m.id() == id).orElse(false)) {
                detail.reload();
            }
        });
    }

    @Override
    public String id() {
        return "members";
    }

    @Override
    public String titleKey() {
        return "nav.members";
    }

    @Override
    public Ikon icon() {
        return Feather.USERS;
    }

    public MembersViewModel model() {
        return model;
    }

    public MemberDetailViewModel detail() {
        return detail;
    }

    @Override
    public Node view() {
        MemberDetailPane pane = new MemberDetailPane(context, detail, sections, this::editSelected,
                () -> detail.member().ifPresent(recordPurchase));
        SplitPane split = new SplitPane(table(), pane.root());
        split.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(pane.root(), false);
        BorderPane page = new BorderPane(split);
        // a section's shortcut (Alt+C: the cards) from anywhere on the screen: on the scene while the screen is in
        // it, as the keyboard may be nowhere (the button it was on is gone once the pane reads the member again)
        // (not consumed: the menu bar watches for Alt pressed and released with no key between, and would take the
        // keyboard to its first menu if it never saw the C)
        javafx.event.EventHandler<javafx.scene.input.KeyEvent> sectionKeys = event -> {
            if (EDIT.match(event) && detail.member().isPresent()) {
                event.consume();
                editSelected();
            } else {
                pane.focusSection(event);
            }
        };
        page.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, sectionKeys);
            }
            if (scene != null) {
                scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, sectionKeys);
            }
        });
        page.setTop(toolbar());
        page.getStyleClass().add("page");
        return page;
    }

    @Override
    public void shown() {
        if (!started) {
            started = true;
            model.start();
        }
        Platform.runLater(search::requestFocus);
    }

    private Node toolbar() {
        search.setId("member-search");
        search.setPromptText(context.text("members.search.prompt"));
        search.setPrefWidth(280);
        search.setMinWidth(160);
        search.textProperty().bindBidirectional(model.searchTextProperty());
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().select(0);
                }
                event.consume();
            }
        });
        // a filter: the text field itself would swallow Escape
        search.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                search.clear();
                event.consume();
            }
        });
        FontIcon searchIcon = new FontIcon(Feather.SEARCH);
        HBox searchBox = new HBox(6, searchIcon, search);
        searchBox.setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> channel = new ComboBox<>(model.channels());
        channel.setId("member-channel-filter");
        channel.setMinWidth(Region.USE_PREF_SIZE);
        channel.setPrefWidth(120);
        channel.setValue(MembersViewModel.ALL_CHANNELS);
        channel.valueProperty().bindBidirectional(model.channelProperty());
        channel.setCellFactory(list -> channelCell());
        channel.setButtonCell(channelCell());
        DatePicker from = org.memberdesk.ui.common.IsoDates.picker();
        from.setId("member-joined-from");
        from.setPromptText(context.text("members.joinedFrom"));
        from.setPrefWidth(135);
        from.valueProperty().bindBidirectional(model.joinedFromProperty());
        DatePicker to = org.memberdesk.ui.common.IsoDates.picker();
        to.setId("member-joined-to");
        to.setPromptText(context.text("members.joinedTo"));
        to.setPrefWidth(135);
        to.valueProperty().bindBidirectional(model.joinedToProperty());
        CheckBox archived = new CheckBox(context.text("members.includeArchived"));
        archived.selectedProperty().bindBidirectional(model.includeArchivedProperty());

        Label count = new Label();
        count.setId("member-count");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.countProperty().get() < 0 ? context.text("members.counting")
                        : context.text("members.count", model.countProperty().get()), model.countProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button add = new Button(context.text("member.add"), new FontIcon(Feather.USER_PLUS));
        add.setId("member-add");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> addMember());
        Label joined = new Label(context.text("members.joined"));
        joined.setMinWidth(Region.USE_PREF_SIZE);
        archived.setMinWidth(Region.USE_PREF_SIZE);
        count.setMinWidth(Region.USE_PREF_SIZE);
        add.setMinWidth(Region.USE_PREF_SIZE);
        // the filters wrap onto a second line on a narrow window (1024 px, English) instead of pushing "Add member"
        // past the edge; the count and the add button stay on the right
        HBox dates = new HBox(8, joined, from, new Label("–"), to);
        dates.setAlignment(Pos.CENTER_LEFT);
        dates.setMinWidth(Region.USE_PREF_SIZE);
        channel.setPrefWidth(Region.USE_COMPUTED_SIZE);
        javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane(10, 8, searchBox, channel, dates,
                archived);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(filters, Priority.ALWAYS);
        HBox bar = new HBox(filters, spacer, count, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("screen-toolbar");
        return bar;
    }

    private Node table() {
        table.setId("members-table");
        table.setItems(model.rows());
        table.setFixedCellSize(34);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("members.column.number", MemberQuery.Sort.MEMBER_NO, 104, Member::memberNo),
                column("members.column.name", MemberQuery.Sort.NAME, 70, Member::name),
                column("members.column.phone", null, 112, m -> Phones.mask(m.phone())),
                // wide enough for the one-word titles ("Channel", "Purchases"), which cannot wrap
                column("members.column.channel", null, 84, m -> m.details().channel()),
                column("members.column.joined", MemberQuery.Sort.JOIN_DATE, 98,
                        m -> m.details().joinDate().toString()),
                rightAligned(column("members.column.visits", MemberQuery.Sort.PURCHASES, 96,
                        m -> Integer.toString(m.stats().purchases()))),
                rightAligned(column("members.column.spent", MemberQuery.Sort.SPENT, 96,
                        m -> Money.display(m.stats().netSpentCents()))),
                column("members.column.last", MemberQuery.Sort.LAST_PURCHASE, 98,
                        m -> m.stats().lastPurchaseAt() == null ? "" : m.stats().lastPurchaseAt().toLocalDate()
                                .toString())));
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                model.sortBy(MemberQuery.Sort.MEMBER_NO, true);
            } else {
                TableColumn<Member, ?> first = t.getSortOrder().get(0);
                model.sortBy((MemberQuery.Sort) first.getUserData(),
                        first.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.query().text() == null && model.query().channel() == null
                        ? context.text("members.empty") : context.text("members.noMatch"),
                model.searchTextProperty(), model.channelProperty()));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("text-muted");
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> showSelected());
        // a selected row whose page had not arrived yet is shown as soon as it does
        model.rows().addListener((javafx.collections.ListChangeListener<Member>) change -> {
            if (detail.member().isEmpty() && table.getSelectionModel().getSelectedIndex() >= 0) {
                showSelected();
            }
        });
        // a search with exactly one match opens that member: the detail pane shows them at once
        model.searchesAnsweredProperty().addListener((obs, old, now) -> {
            if (model.countProperty().get() == 1 && model.query().text() != null) {
                table.getSelectionModel().select(0);
            }
        });
        // Enter or a double click opens the member where a cashier serves them (the counter, for a sale); editing
        // is its own, explicit action (Edit…, Ctrl+E)
        table.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                openSelected();
            }
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });
        return table;
    }

    private void showSelected() {
        int index = table.getSelectionModel().getSelectedIndex();
        Member member = index >= 0 && index < model.rows().size() ? model.rows().get(index) : null;
        if (member != null) {
            detail.show(member.id());
        } else if (index < 0) {
            detail.show(-1);
        }
    }

    private TableColumn<Member, String> column(String key, MemberQuery.Sort sort, double width,
                                               Function<Member, String> value) {
        TableColumn<Member, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(cell -> text(cell.getValue(), value));
        column.setPrefWidth(width);
        // the columns people read by (number, phone, dates) never shrink below their text
        column.setMinWidth(width);
        column.setSortable(sort != null);
        column.setUserData(sort);
        column.setReorderable(false);
        return column;
    }

    private static TableColumn<Member, String> rightAligned(TableColumn<Member, String> column) {
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    private static ObservableValue<String> text(Member member, Function<Member, String> value) {
        return new SimpleStringProperty(member == null ? "" : value.apply(member));
    }

    private ListCell<String> channelCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : item.isEmpty() ? context.text("members.allChannels") : item);
            }
        };
    }

    public void addMember() {
        // the search field, not the table: the table is in the split pane's skin, made at the first layout pass
        new MemberFormDialog(search.getScene().getWindow(), context, null, model.channels().subList(1,
                model.channels().size())).showAndWait().ifPresent(member -> {
                    search.setText(member.memberNo());
                    detail.show(member.id());
                });
    }

    /** The selected member at the counter for a sale, for those who may sell; otherwise the detail pane shows them. */
    private void openSelected() {
        int index = table.getSelectionModel().getSelectedIndex();
        Member member = index >= 0 && index < model.rows().size() ? model.rows().get(index) : null;
        if (member != null && context.app().session().may(org.memberdesk.staff.Permission.SELL)) {
            recordPurchase.accept(member);
        }
    }

    @Override
    public boolean addsMembers() {
        return true;
    }

    /** File ▸ New member… (Ctrl+N). */
    @Override
    public void newMember() {
        addMember();
    }

    private void editSelected() {
        detail.member().ifPresent(member -> new MemberFormDialog(search.getScene().getWindow(), context, member,
                model.channels().subList(1, model.channels().size())).showAndWait());
    }

    /** The view model, built with the services it uses. */
    static MemberDetailViewModel detailModel(UiContext context) {
        return new MemberDetailViewModel(context.app().members(), context.app().session(), context.app().purchases(), context.app().predictions(), context.tasks(), context.messages(), context.changes(), context.dialogs());
    }
}
