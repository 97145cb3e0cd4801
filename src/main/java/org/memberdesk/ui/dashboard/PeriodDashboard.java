package org.memberdesk.ui.dashboard;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.memberdesk.analytics.Funnel;
import org.memberdesk.analytics.charts.AnalyticsCharts;
import org.memberdesk.coupons.Target;
import org.memberdesk.ui.common.UiContext;

/**
 * The period part of the dashboard: the period picker, KPI cards with the change against the previous
 * period, the revenue decomposition, the trend chart (exportable to PNG) and the AARRR funnel whose
 * steps open their members. All numbers come from {@link DashboardViewModel}, computed off the FX thread.
 */
final class PeriodDashboard {
    private final UiContext context;
    private final DashboardViewModel model;
    private final AnalyticsCharts charts;
    /** Opens the campaign wizard for a step's members; null where the screen cannot. */
    private final Consumer<Target> campaign;

    /** The most stores the per-store table shows at once (a chain's demo has up to ten); more scroll. */
    static final int STORE_ROWS_SHOWN = 10;

    PeriodDashboard(UiContext context, DashboardViewModel model, Consumer<Target> campaign) {
        this.context = context;
        this.model = model;
        this.campaign = campaign;
        this.charts = new AnalyticsCharts(context.messages());
    }

    Node view() {
        VBox page = new VBox(16, storePicker(), periodBar(), cards(), storeTable(), decomposition(), cashByMethod(),
                trend(), funnel());
        page.setId("period-dashboard");
        return page;
    }

    private Node periodBar() {
        Button export = new Button(context.text("analytics.ui.exportPng"));
        export.setId("dashboard-export-png");
        export.disableProperty().bind(model.dashboardProperty().isNull());
        export.setOnAction(e -> context.chooseOutputFile(context.text("analytics.ui.exportPng"),
                        "dashboard.png", "PNG", "*.png")
                .ifPresent(file -> model.exportTrend(file, written -> context.dialogs().showInfo(
                        context.text("analytics.ui.exportPng"), context.text("analytics.ui.exported", written)))));
        return PeriodBar.build(context, model.choice(), "period", model::choose,
                () -> model.chooseDays(model.fromProperty().get(), model.toProperty().get()),
                model.loadingProperty(), model.problemProperty(), export,
                new PeriodReport(context).button("dashboard-report", () -> model.choice().period(),
                        model::shownStore));
    }

    /** All stores / 本店 / 二店…: only in a shop of two or more stores (a single shop never sees stores). */
    private Node storePicker() {
        ComboBox<DashboardViewModel.StoreChoice> stores = new ComboBox<>(model.storeChoices());
        stores.setId("dashboard-store");
        stores.setValue(model.storeProperty().get());
        model.storeProperty().addListener((obs, old, now) -> stores.setValue(now));
        stores.setOnAction(e -> model.chooseStore(stores.getValue()));
        Label label = new Label(context.text("reports.store"));
        label.setLabelFor(stores);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, label, stores);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.visibleProperty().bind(model.chainProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** The chain's period store by store, under the cards; shown only while the chain's figures are. */
    private Node storeTable() {
        TableView<DashboardViewModel.StoreRow> table = new TableView<>(model.storeRows());
        table.setId("dashboard-stores");
        table.getColumns().add(column("reports.store", DashboardViewModel.StoreRow::store));
        table.getColumns().add(column("analytics.metric.newMembers", DashboardViewModel.StoreRow::newMembers));
        table.getColumns().add(column("dashboard.purchases", DashboardViewModel.StoreRow::purchases));
        table.getColumns().add(column("analytics.metric.revenue", DashboardViewModel.StoreRow::revenue));
        table.getColumns().add(column("analytics.metric.visits", DashboardViewModel.StoreRow::visits));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // a line per store and the header, no empty rows below them and no scrollbar beside them, up to
        // STORE_ROWS_SHOWN stores; a bigger chain scrolls. The header's height is the theme's, known once the skin
        // has laid it out: a guess of it left 3 rows a few pixels short, so a scrollbar showed.
        table.setFixedCellSize(30);
        javafx.beans.property.DoubleProperty header = new javafx.beans.property.SimpleDoubleProperty();
        table.skinProperty().addListener((obs, old, skin) -> {
            if (table.lookup(".column-header-background") instanceof Region row) {
                header.bind(row.heightProperty());
            }
        });
        javafx.beans.binding.DoubleBinding height = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(model.storeRows().size(), STORE_ROWS_SHOWN) * table.getFixedCellSize()
                        + header.get() + table.snappedTopInset() + table.snappedBottomInset(),
                model.storeRows(), header, table.insetsProperty());
        table.prefHeightProperty().bind(height);
        table.minHeightProperty().bind(height);
        table.maxHeightProperty().bind(height);
        table.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.storeRows()));
        table.managedProperty().bind(table.visibleProperty());
        return table;
    }

    private TableColumn<DashboardViewModel.StoreRow, String> column(String key,
            java.util.function.Function<DashboardViewModel.StoreRow, String> value) {
        TableColumn<DashboardViewModel.StoreRow, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private Node cards() {
        FlowPane pane = new FlowPane(12, 12);
        pane.setId("dashboard-cards");
        model.cards().addListener((ListChangeListener<DashboardViewModel.Card>) change -> {
            pane.getChildren().clear();
            for (DashboardViewModel.Card card : model.cards()) {
                pane.getChildren().add(card(card));
            }
        });
        return pane;
    }

    private Node card(DashboardViewModel.Card card) {
        Label title = new Label(card.title());
        title.getStyleClass().add("text-muted");
        // long titles ("New buyers (first purchase ever)") wrap within the tile instead of ending in "…"
        title.setWrapText(true);
        Label value = new Label(card.value());
        value.setId("kpi-" + card.id() + "-value");
        value.getStyleClass().add("tile-value");
        // a big revenue must show whole, never as "¥95,083…."
        value.setMinWidth(Region.USE_PREF_SIZE);
        Label change = new Label(context.text("analytics.ui.vsPrevious", card.change()));
        change.setId("kpi-" + card.id() + "-change");
        change.getStyleClass().add(card.direction() > 0 ? "success" : card.direction() < 0 ? "danger" : "text-muted");
        change.setWrapText(true);
        VBox box = new VBox(6, title, value, change);
        box.setId("kpi-" + card.id());
        box.getStyleClass().add("tile");
        box.setPrefWidth(210);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private Node decomposition() {
        Label line = new Label();
        line.setId("dashboard-decomposition");
        line.setWrapText(true);
        line.textProperty().bind(model.decompositionProperty());
        return line;
    }

    /** Money received by way of paying (cash, WeChat …), one line under the decomposition; hidden when empty. */
    private Node cashByMethod() {
        Label line = new Label();
        line.setId("dashboard-cash-by-method");
        line.setWrapText(true);
        line.textProperty().bind(model.cashByMethodProperty());
        line.visibleProperty().bind(model.cashByMethodProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private Node trend() {
        ChartViewer viewer = ChartViewers.viewer(context, model::trendData);
        viewer.setId("dashboard-trend");
        viewer.setPrefHeight(420);
        viewer.setMinHeight(320);
        model.dashboardProperty().addListener((obs, old, now) -> {
            if (now != null) {
                // drawn from the chart data, as its PNG is: a store's figures are titled with that store
                ChartViewers.show(viewer, context.app().analyticsCharts().chart(model.trendData(), context.messages()));
            }
        });
        return viewer;
    }

    private Node funnel() {
        ChartViewer viewer = ChartViewers.viewer(context, model::funnelData);
        viewer.setId("dashboard-funnel");
        viewer.setPrefSize(720, 360);
        ListView<String> steps = new ListView<>();
        steps.setId("funnel-steps");
        steps.setPlaceholder(org.memberdesk.ui.common.Placeholders.of(context.text("analytics.funnel.loading")));
        steps.setPrefSize(320, 220);
        Button members = new Button(context.text("analytics.ui.stepMembers"));
        members.setId("funnel-show-members");
        members.disableProperty().bind(steps.getSelectionModel().selectedItemProperty().isNull());
        members.setOnAction(e -> showMembers(steps.getSelectionModel().getSelectedIndex()));
        steps.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && steps.getSelectionModel().getSelectedIndex() >= 0) {
                showMembers(steps.getSelectionModel().getSelectedIndex());
            }
        });
        model.funnelProperty().addListener((obs, old, now) -> {
            if (now == null) {
                return;
            }
            ChartViewers.show(viewer, context.app().analyticsCharts().chart(model.funnelData(), context.messages()));
            steps.getItems().clear();
            for (int i = 0; i < now.steps().size(); i++) {
                Funnel.Step step = now.steps().get(i);
                steps.getItems().add((i + 1) + ". " + charts.stepLabel(step.name()) + " — "
                        + String.format("%,d", step.count()));
            }
        });
        Label stepsTitle = new Label(context.text("analytics.ui.funnelSteps"));
        stepsTitle.setWrapText(true);
        VBox side = new VBox(8, stepsTitle, steps, members);
        // as wide as the list: the title above it wraps, the chart beside it takes the rest
        side.setPrefWidth(320);
        side.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(16, viewer, side);
        HBox.setHgrow(viewer, Priority.ALWAYS);
        // "AARRR" (in the chart's step names) is jargon: what it stands for, in the shop's words, under the funnel
        Label explained = new Label(context.text("analytics.funnel.aarrrExplained"));
        explained.setId("dashboard-funnel-explained");
        explained.getStyleClass().add("text-muted");
        explained.setWrapText(true);
        return new VBox(6, row, explained);
    }

    private void showMembers(int step) {
        Funnel shown = model.funnelProperty().get();
        StepMembersDialog.open(context, charts.stepLabel(shown.steps().get(step).name()),
                shown.steps().get(step).memberIds(), campaign);
    }
}
