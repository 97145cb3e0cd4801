package org.memberdesk.ui.dashboard;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.common.Money;
import org.memberdesk.analytics.ShopTotals;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.shell.Screen;

/** 概览 Dashboard: the shop's totals at a glance, then the chosen period's numbers, trend and funnel. */
public final class DashboardScreen implements Screen {
    private final UiContext context;
    private final Label members = value("dashboard-members");
    private final Label purchases = value("dashboard-purchases");
    private final Label returns = value("dashboard-returns");
    private final Label revenue = value("dashboard-revenue");

    private final DashboardViewModel period;
    private final java.util.function.Consumer<org.memberdesk.coupons.Target> campaign;

    /** A dashboard without the way to a campaign (a funnel step's members can still be tagged). */
    public DashboardScreen(UiContext context) {
        this(context, null);
    }

    /** {@code campaign} opens the campaign wizard for a funnel step's members. */
    public DashboardScreen(UiContext context, java.util.function.Consumer<org.memberdesk.coupons.Target> campaign) {
        this.context = context;
        this.period = model(context);
        this.campaign = campaign;
    }

    /** The dashboard's view model, given the few services it needs: the one place it is wired. */
    static DashboardViewModel model(UiContext context) {
        return new DashboardViewModel(context.app().analytics(), context.app().stores(),
                context.app().analyticsCharts(), context.app().clock(), context.tasks(), context.messages());
    }

    @Override
    public String id() {
        return "dashboard";
    }

    /** The chosen period's numbers, for the start-up measurement ({@code --startup-timing}). */
    public DashboardViewModel periodModel() {
        return period;
    }

    @Override
    public String titleKey() {
        return "nav.dashboard";
    }

    @Override
    public Ikon icon() {
        return Feather.HOME;
    }

    @Override
    public Node view() {
        Label title = new Label(context.text("nav.dashboard"));
        title.getStyleClass().add("title-2");
        FlowPane tiles = new FlowPane(16, 16,
                tile(Feather.USERS, "dashboard.members", members),
                tile(Feather.SHOPPING_BAG, "dashboard.purchases", purchases),
                tile(Feather.CORNER_UP_LEFT, "dashboard.returns", returns),
                tile(Feather.TRENDING_UP, "dashboard.revenue", revenue));
        period.totalsProperty().addListener((obs, old, now) -> show(now));
        VBox page = new VBox(20, title, tiles, new PeriodDashboard(context, period, campaign).view());
        page.setPadding(new Insets(24));
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return scroll;
    }

    @Override
    public void shown() {
        period.loadTotals();
        period.loadStores();
        // the period's numbers follow the data: recomputed each time the dashboard is opened
        period.load();
    }

    private void show(ShopTotals totals) {
        if (totals == null) {
            return;
        }
        members.setText(String.format("%,d", totals.members()));
        purchases.setText(String.format("%,d", totals.purchases()));
        returns.setText(String.format("%,d", totals.returns()));
        revenue.setText(Money.display(totals.revenueCents()));
    }

    private static Label value(String id) {
        Label label = new Label("…");
        label.setId(id);
        label.getStyleClass().add("tile-value");
        // a shop's whole revenue must show whole, never as "¥1,143,98…"
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private Node tile(Ikon icon, String key, Label value) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("tile-icon");
        Label caption = new Label(context.text(key), graphic);
        caption.getStyleClass().add("text-muted");
        VBox tile = new VBox(8, caption, value);
        tile.getStyleClass().add("tile");
        // at least as wide as its neighbours, wider when the number needs it
        tile.setMinWidth(220);
        return tile;
    }
}
