package org.memberdesk.ui.analytics;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.coupons.Target;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.dashboard.PeriodBar;
import org.memberdesk.ui.dashboard.PeriodReport;
import org.memberdesk.ui.shell.Screen;

/**
 * 分析 Analytics: for the chosen period, the funnels (AARRR and custom, saved by name), cohort
 * retention and the member distributions; every chart exports to PNG and CSV, and the period's
 * one-page PDF report is saved or printed from here. The numbers are the analytics engine's,
 * computed in the background. The Predictions tab shows the latest model, whatever the period.
 */
public final class AnalyticsScreen implements Screen {
    private final UiContext context;
    private final AnalyticsViewModel model;
    private final Consumer<Target> campaign;

    /** {@code campaign} opens the campaign wizard for a funnel step's members (null: no such button). */
    public AnalyticsScreen(UiContext context, Consumer<Target> campaign) {
        this.context = context;
        this.model = model(context);
        this.campaign = campaign;
    }

    /** The screen's view model, each tab's model given the few services it needs: the one place they are wired. */
    static AnalyticsViewModel model(UiContext context) {
        var app = context.app();
        return new AnalyticsViewModel(app.clock(), context.messages(),
                new FunnelsViewModel(app.analytics(), app.stores(), app.savedFunnels(), app.rules(), context.tasks(),
                        context.messages()),
                new CohortsViewModel(app.analytics(), app.stores(), app.clock(), context.tasks(), context.messages()),
                new DistributionsViewModel(app.analyticsCharts(), context.tasks(), context.messages()),
                predictions(context));
    }

    /** The Predictions tab's model. */
    static PredictionsViewModel predictions(UiContext context) {
        return new PredictionsViewModel(context.app().predictions(), context.app().members(), context.changes(),
                context.tasks(), context.messages());
    }

    @Override
    public String id() {
        return "analytics";
    }

    @Override
    public String titleKey() {
        return "nav.analytics";
    }

    @Override
    public Ikon icon() {
        return Feather.BAR_CHART_2;
    }

    @Override
    public Node view() {
        Label title = new Label(context.text("nav.analytics"));
        title.getStyleClass().add("title-2");
        Node bar = PeriodBar.build(context, model.choice(), "analytics-period", model::choose, model::apply,
                model.loadingProperty(), model.problemProperty(),
                new PeriodReport(context).button("analytics-report", () -> java.util.Optional.ofNullable(
                        model.period())));
        TabPane tabs = new TabPane(
                tab("analytics-tab-funnels", "analytics.tab.funnels",
                        new FunnelsTab(context, model.funnels(), model::period, campaign).view()),
                tab("analytics-tab-cohorts", "analytics.tab.cohorts",
                        new CohortsTab(context, model.cohorts()).view()),
                tab("analytics-tab-distributions", "analytics.tab.distributions",
                        new DistributionsTab(context, model.distributions()).view()),
                tab("analytics-tab-predictions", "predict.ui.tab",
                        new PredictionsTab(context, model.predictions()).view()));
        tabs.setId("analytics-tabs");
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) ->
                model.showing(AnalyticsViewModel.Tab.values()[now.intValue()]));
        VBox.setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);
        VBox page = new VBox(14, title, bar, tabs);
        page.setPadding(new Insets(24));
        page.getStyleClass().add("page");
        return page;
    }

    @Override
    public void shown() {
        // the numbers follow the data: recomputed each time the screen is opened
        model.funnels().loadSaved();
        model.funnels().loadStores();
        model.cohorts().loadStores();
        model.load();
    }

    private Tab tab(String id, String key, Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(12, 4, 4, 4));
        Tab tab = new Tab(context.text(key), scroll);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }
}
