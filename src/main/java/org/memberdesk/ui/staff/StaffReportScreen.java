package org.memberdesk.ui.staff;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.ui.common.IsoDates;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.dashboard.ChartViewers;
import org.memberdesk.ui.shell.Screen;

/**
 * 员工业绩 Staff performance: pick a period, see each staff member's goods sold and returned, cards sold, top-ups
 * and check-ins as a table and a bar chart, and save the table as CSV or Excel for commission.
 */
public final class StaffReportScreen implements Screen {
    private final UiContext context;
    private final StaffReportViewModel model;
    private boolean started;

    public StaffReportScreen(UiContext context) {
        this.context = context;
        this.model = new StaffReportViewModel(context.app().staffPerformance(), context.app().stores(),
                context.app().staffPerformanceExport(), context.tasks(), context.messages(),
                java.time.LocalDate.now(context.app().clock()));
    }

    @Override
    public String id() {
        return "staff-report";
    }

    @Override
    public String titleKey() {
        return "nav.staffReport";
    }

    @Override
    public Ikon icon() {
        return Feather.TRENDING_UP;
    }

    public StaffReportViewModel model() {
        return model;
    }

    @Override
    public void shown() {
        if (!started) {
            started = true;
            model.load();
        }
    }

    @Override
    public Node view() {
        DatePicker from = IsoDates.picker();
        from.setId("staff-report-from");
        from.setPrefWidth(135);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = IsoDates.picker();
        to.setId("staff-report-to");
        to.setPrefWidth(135);
        to.valueProperty().bindBidirectional(model.toProperty());
        Button show = new Button(context.text("staffReport.ui.show"), new FontIcon(Feather.REFRESH_CW));
        show.setId("staff-report-show");
        show.setDefaultButton(true);
        show.disableProperty().bind(model.busyProperty());
        show.setOnAction(e -> model.load());
        Button export = new Button(context.text("staffReport.ui.export"), new FontIcon(Feather.DOWNLOAD));
        export.setId("staff-report-export");
        export.disableProperty().bind(model.busyProperty().or(model.reportProperty().isNull()));
        export.setOnAction(e -> context.chooseOutputFile(context.text("staffReport.ui.export"), "staff-performance.xlsx",
                context.text("staffReport.ui.exportFiles"), "*.xlsx", "*.csv").ifPresent(model::export));
        Label period = new Label(context.text("staffReport.ui.period"));
        period.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(period, from, new Label("–"), to, storePicker(), show, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("screen-toolbar");

        Label status = new Label();
        status.setId("staff-report-status");
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("screen-toolbar");
        statusBar.setStyle("-fx-padding: 0 18 8 18;");

        ChartViewer chart = ChartViewers.viewer(context);
        chart.setId("staff-report-chart");
        chart.setMinHeight(180);
        model.chartProperty().addListener((o, was, now) -> chart.setChart(now == null ? null
                : ChartViewers.onScreen(now)));
        TableView<StaffReportViewModel.Row> table = table();
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox body = new VBox(8, table, chart);
        body.setStyle("-fx-padding: 0 18 12 18;");
        BorderPane page = new BorderPane(body);
        page.setTop(new VBox(bar, statusBar));
        page.getStyleClass().add("page");
        return page;
    }

    /** All stores / 本店 / 二店…: only in a shop of two or more stores; a choice shows its figures at once. */
    private Node storePicker() {
        ComboBox<StaffReportViewModel.StoreChoice> stores = new ComboBox<>(model.storeChoices());
        stores.setId("staff-report-store");
        stores.valueProperty().bindBidirectional(model.storeProperty());
        stores.setOnAction(e -> model.load());
        stores.disableProperty().bind(model.busyProperty());
        Label label = new Label(context.text("reports.store"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(stores);
        HBox picker = new HBox(6, label, stores);
        picker.setAlignment(Pos.CENTER_LEFT);
        picker.visibleProperty().bind(model.chainProperty());
        picker.managedProperty().bind(picker.visibleProperty());
        return picker;
    }

    private TableView<StaffReportViewModel.Row> table() {
        TableView<StaffReportViewModel.Row> table = new TableView<>(model.rows());
        table.setId("staff-report-table");
        table.setFixedCellSize(30);
        table.setPrefHeight(220);
        table.setMinHeight(140);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // a count and its money in one cell ("13 · ¥4,306.50"): twelve columns do not fit a 1024-pixel screen
        table.getColumns().setAll(List.of(
                column("staffReport.column.name", 125, false, StaffReportViewModel.Row::name),
                column("staffReport.column.role", 70, false, StaffReportViewModel.Row::role),
                storeColumn(),
                column("staffReport.column.sales", 110, true, r -> both(r.sales(), r.salesAmount())),
                column("staffReport.column.returns", 95, true, r -> both(r.returns(), r.returnsAmount())),
                column("staffReport.column.net", 90, true, StaffReportViewModel.Row::net),
                column("staffReport.column.cards", 110, true, r -> both(r.cardsSold(), r.cardsAmount())),
                column("staffReport.column.topups", 95, true, r -> both(r.topups(), r.topupsAmount())),
                column("staffReport.column.checkins", 75, true, r -> Long.toString(r.checkins()))));
        Label placeholder = new Label(context.text("staffReport.ui.empty"));
        placeholder.getStyleClass().add("text-muted");
        table.setPlaceholder(placeholder);
        return table;
    }

    /** Where the row's work was done: shown only while the rows say it (a chain seen whole). */
    private TableColumn<StaffReportViewModel.Row, String> storeColumn() {
        // wide enough for "Main store" and a branch name of a few characters
        TableColumn<StaffReportViewModel.Row, String> column = column("reports.store", 110, false,
                StaffReportViewModel.Row::store);
        column.setId("staff-report-store-column");
        column.visibleProperty().bind(model.storeColumnProperty());
        return column;
    }

    private String both(long count, String amount) {
        return context.text("staffReport.ui.countAmount", count, amount);
    }

    private TableColumn<StaffReportViewModel.Row, String> column(String key, double width, boolean number,
            Function<StaffReportViewModel.Row, String> value) {
        TableColumn<StaffReportViewModel.Row, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(c -> new SimpleStringProperty(c.getValue() == null ? "" : value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 50));
        column.setSortable(false);
        if (number) {
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return column;
    }
}
