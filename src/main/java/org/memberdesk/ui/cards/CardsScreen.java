package org.memberdesk.ui.cards;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.shell.Screen;

/** 会员卡 Cards: 续费提醒 (the cards ending within N days) and 负债 (what the shop owes, the renewal rate). */
public final class CardsScreen implements Screen {
    private final UiContext context;
    private final ExpiringViewModel expiring;
    private final LiabilityViewModel liability;

    public CardsScreen(UiContext context) {
        this.context = context;
        this.expiring = new ExpiringViewModel(context.app().cardReports(), context.app().cardPrinter(),
                context.tasks(), context.messages());
        this.liability = new LiabilityViewModel(context.app().cardReports(), context.tasks(), context.messages(),
                context.app().clock());
    }

    public ExpiringViewModel expiring() {
        return expiring;
    }

    public LiabilityViewModel liability() {
        return liability;
    }

    @Override
    public String id() {
        return "cards";
    }

    @Override
    public String titleKey() {
        return "nav.cards";
    }

    @Override
    public Ikon icon() {
        return Feather.CREDIT_CARD;
    }

    @Override
    public Node view() {
        TabPane tabs = new TabPane(tab("cards-tab-expiring", "cards.expiring.title", expiringPage()),
                tab("cards-tab-liability", "cards.liability.title", liabilityPage()));
        tabs.setId("cards-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    @Override
    public void shown() {
        expiring.load();
        liability.load();
    }

    private Node expiringPage() {
        Label note = new Label(context.text("cards.expiring.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        TextField within = new TextField();
        within.setId("cards-expiring-within");
        within.setPrefColumnCount(5);
        within.textProperty().bindBidirectional(expiring.withinProperty());
        within.setOnAction(e -> expiring.load());
        Button show = new Button(context.text("cards.expiring.show"), new FontIcon(Feather.REFRESH_CW));
        show.setId("cards-expiring-show");
        show.setOnAction(e -> expiring.load());
        Label status = new Label();
        status.setId("cards-expiring-status");
        status.setWrapText(true);
        status.textProperty().bind(expiring.statusProperty());
        Button print = new Button(context.text("cards.expiring.print"), new FontIcon(Feather.PRINTER));
        print.setId("cards-expiring-print");
        print.setOnAction(e -> context.chooseOutputFile(context.text("cards.expiring.print"),
                "cards-ending-" + expiring.withinDaysProperty().get() + "d.pdf", "PDF", "*.pdf")
                .ifPresent(expiring::savePdf));
        HBox bar = new HBox(10, new Label(context.text("cards.expiring.within")), within,
                new Label(context.text("cards.expiring.daysUnit")), show, print, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<ExpiringViewModel.Row> table = new TableView<>(expiring.rows());
        table.setId("cards-expiring-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(context.text("cards.expiring.none")));
        table.getColumns().setAll(List.of(
                column("cards.col.validTo", 100, 95, r -> r.validTo().toString()),
                column("cards.col.daysLeft", 80, 65, r -> Long.toString(r.daysLeft())),
                column("cards.col.member", 170, 150, r -> r.memberNo() + " " + r.name()),
                column("cards.col.phone", 115, 110, ExpiringViewModel.Row::phone),
                column("cards.col.kind", 100, 70, r -> context.text(r.kind().messageKey())),
                column("cards.col.product", 170, 80, ExpiringViewModel.Row::product),
                column("cards.col.sessionsLeft", 100, 70, r -> r.sessionsLeft() == null ? ""
                        : r.sessionsLeft().toString()),
                column("cards.col.card", 90, 85, ExpiringViewModel.Row::cardNo)));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox page = new VBox(12, note, bar, table);
        page.setPadding(new Insets(24));
        page.getStyleClass().add("page");
        return page;
    }

    private TableColumn<ExpiringViewModel.Row, String> column(String key, double width, double least,
                                                              Function<ExpiringViewModel.Row, String> text) {
        TableColumn<ExpiringViewModel.Row, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        // on a small screen dates, phones, members and card numbers stay whole; the other columns give way
        column.setMinWidth(least);
        return column;
    }

    private Node liabilityPage() {
        Label note = new Label(context.text("cards.liability.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        Label asOf = new Label();
        asOf.getStyleClass().add("text-bold");
        asOf.textProperty().bind(liability.asOfProperty());
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(10);
        int row = 0;
        row = figure(grid, row, "cards.liability.principal", "cards-liability-principal", liability.principalProperty());
        row = figure(grid, row, "cards.liability.bonus", "cards-liability-bonus", liability.bonusProperty());
        row = figure(grid, row, "cards.liability.sessionsLeft", "cards-liability-sessions",
                liability.sessionsLeftProperty());
        row = figure(grid, row, "cards.liability.sessionsValue", "cards-liability-sessions-value",
                liability.sessionsValueProperty());
        row = figure(grid, row, "cards.liability.passes", "cards-liability-passes", liability.validPassesProperty());
        Label renewalTitle = new Label(context.text("cards.renewal.title"));
        renewalTitle.getStyleClass().add("title-4");
        GridPane renewal = new GridPane();
        renewal.setHgap(24);
        renewal.setVgap(10);
        figure(renewal, 0, "cards.renewal.thisMonth", "cards-renewal-this-month", liability.renewalThisMonthProperty());
        figure(renewal, 1, "cards.renewal.lastMonth", "cards-renewal-last-month", liability.renewalLastMonthProperty());
        Label renewalNote = new Label(context.text("cards.renewal.note"));
        renewalNote.getStyleClass().add("text-muted");
        renewalNote.setWrapText(true);
        Button refresh = new Button(context.text("cards.liability.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.setId("cards-liability-refresh");
        refresh.setOnAction(e -> liability.load());
        Label status = new Label();
        status.getStyleClass().add("field-error");
        status.textProperty().bind(liability.statusProperty());
        VBox page = new VBox(14, note, asOf, grid, renewalTitle, renewal, renewalNote, refresh, status);
        page.setPadding(new Insets(24));
        page.getStyleClass().add("page");
        return page;
    }

    private int figure(GridPane grid, int row, String key, String id, ReadOnlyStringProperty value) {
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("title-4");
        number.textProperty().bind(value);
        Label label = new Label(context.text(key));
        label.setMinWidth(220);
        grid.addRow(row, label, number);
        return row + 1;
    }

    private Tab tab(String id, String key, Node content) {
        Label title = new Label(context.text(key));
        title.setId(id);
        Tab tab = new Tab();
        tab.setGraphic(title);
        tab.setContent(content);
        return tab;
    }
}
