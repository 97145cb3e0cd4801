package org.memberdesk.ui.dashboard;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.analytics.CardFigures;
import org.memberdesk.analytics.Dashboard;
import org.memberdesk.analytics.Funnel;
import org.memberdesk.analytics.Granularity;
import org.memberdesk.analytics.Metrics;
import org.memberdesk.analytics.Period;
import org.memberdesk.analytics.charts.AnalyticsCharts;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.common.Money;
import org.memberdesk.ui.common.BackgroundTask;
import java.time.Clock;
import org.memberdesk.analytics.AnalyticsService;
import org.memberdesk.analytics.ShopTotals;
import org.memberdesk.common.Messages;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreService;
import org.memberdesk.ui.common.TaskExecutor;
import java.util.Optional;

/**
 * The dashboard's state: the chosen period (this week, month, quarter or custom days), the key numbers
 * against the previous period as cards, the computed dashboard for the trend chart, and the AARRR funnel
 * of the period's new members. Everything is computed in background tasks; a newer choice cancels
 * the older ones, so a slow answer never overwrites a newer period.
 */
public final class DashboardViewModel {
    /** One KPI card: what, this period's value, and the change against the previous period (+1 up, −1 down). */
    public record Card(String id, String title, String value, String change, int direction) {
    }

    /** One choice of the store picker: a store, or (store null) all stores, the chain's figures. */
    public record StoreChoice(Store store, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One store's line of the chain's table: its figures of the period, as shown. */
    public record StoreRow(String store, String newMembers, String purchases, String revenue, String visits) {
    }

    private final AnalyticsService analytics;
    private final ChartExport charts;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final NumberFormat counts;
    private final NumberFormat percent;
    private final PeriodChoice choice;
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>();
    /** The stores the dashboard and the funnel shown were read for (empty: the chain's). */
    private Optional<Store> numbersStore = Optional.empty();
    private Optional<Store> funnelStore = Optional.empty();
    private final ReadOnlyObjectWrapper<Funnel> funnel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper decomposition = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cashByMethod = new ReadOnlyStringWrapper("");
    private final ObservableList<Card> cards = FXCollections.observableArrayList();
    // kept: a view listens to the list weakly, so a listener on a fresh read-only view would be lost
    private final ObservableList<Card> cardsShown = FXCollections.unmodifiableObservableList(cards);
    private final ReadOnlyObjectWrapper<ShopTotals> totals = new ReadOnlyObjectWrapper<>();
    private final StoreService stores;
    private final ObservableList<StoreChoice> storeChoices = FXCollections.observableArrayList();
    private final ObservableList<StoreChoice> storeChoicesShown = FXCollections.unmodifiableObservableList(storeChoices);
    private final ReadOnlyObjectWrapper<StoreChoice> store = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper chain = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<StoreRow> storeRows = FXCollections.observableArrayList();
    private final ObservableList<StoreRow> storeRowsShown = FXCollections.unmodifiableObservableList(storeRows);
    private BackgroundTask<Dashboard> running;
    private BackgroundTask<Funnel> runningFunnel;

    public DashboardViewModel(AnalyticsService analytics, ChartExport charts, Clock clock, TaskExecutor tasks,
                              Messages messages) {
        this(analytics, null, charts, clock, tasks, messages);
    }

    /** {@code stores} null: no store picker (a dashboard that only ever shows the whole shop). */
    public DashboardViewModel(AnalyticsService analytics, StoreService stores, ChartExport charts, Clock clock,
                              TaskExecutor tasks, Messages messages) {
        this.analytics = analytics;
        this.stores = stores;
        this.store.set(new StoreChoice(null, messages.get("reports.store.all")));
        this.charts = charts;
        this.tasks = tasks;
        this.messages = messages;
        Locale locale = messages.locale() == Locale.ROOT ? Locale.ENGLISH : messages.locale();
        this.counts = NumberFormat.getIntegerInstance(locale);
        this.percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        this.choice = new PeriodChoice(clock);
    }

    /** Reads the shop's all-time totals (the tiles) in the background. */
    public void loadTotals() {
        tasks.execute(BackgroundTask.of(analytics::shopTotals).onSuccess(totals::set));
    }

    /**
     * Reads the shop's stores in the background: the picker (all stores, then each) shows only when there are two or
     * more. A store chosen before that is no more (a database reopened) falls back to all stores.
     */
    public void loadStores() {
        if (stores == null) {
            return;
        }
        tasks.execute(BackgroundTask.of(stores::all).onSuccess(all -> {
            List<StoreChoice> choices = new ArrayList<>();
            choices.add(new StoreChoice(null, messages.get("reports.store.all")));
            all.forEach(one -> choices.add(new StoreChoice(one, one.shownName(messages))));
            storeChoices.setAll(choices);
            chain.set(all.size() > 1);
            Store chosen = store.get().store();
            if (chosen != null && all.stream().noneMatch(one -> one.id() == chosen.id())) {
                store.set(choices.get(0));
            }
        }));
    }

    /** Shows one store's figures, or the chain's with each store's line ({@code choice.store()} null); recomputed. */
    public void chooseStore(StoreChoice choice) {
        if (choice == null || choice.equals(store.get())) {
            return;
        }
        store.set(choice);
        load();
    }

    /** Chooses this week / month / quarter (from its first day to today), or keeps the days for CUSTOM. */
    public void choose(PeriodChoice.Range range) {
        choice.choose(range);
        load();
    }

    /** Custom days, both included. */
    public void chooseDays(LocalDate first, LocalDate last) {
        choice.days(first, last);
        load();
    }

    /** Computes the chosen period in the background; the cards and charts change when it is done. */
    public void load() {
        java.util.Optional<Period> chosen = choice.period(problem::set, messages);
        if (chosen.isEmpty()) {
            return;
        }
        if (running != null) {
            running.cancel();
        }
        if (runningFunnel != null) {
            runningFunnel.cancel();
        }
        Period period = chosen.get();
        Optional<Store> at = shownStore();
        loading.set(true);
        // the cards and the trend first; the funnel (a walk over every new member) in a task of its own
        // that starts when they are done, so the numbers have both cores and show without waiting for it
        BackgroundTask<Dashboard> numbers = BackgroundTask.of(
                () -> analytics.dashboard(period, Granularity.suiting(period), at));
        BackgroundTask<Funnel> steps = BackgroundTask.of(
                () -> analytics.aarrr(period, ChartExport.DEFAULT_MIN_SPENT_CENTS, at));
        running = numbers;
        runningFunnel = steps;
        numbers.onSuccess(d -> {
            if (numbers == running) {
                numbersStore = at;
                show(d);
            }
        }).onFinished(() -> {
            if (numbers == running) {
                loading.set(false);
            }
            if (steps == runningFunnel) {
                tasks.execute(steps);
            }
        });
        steps.onSuccess(f -> {
            if (steps == runningFunnel) {
                funnelStore = at;
                funnel.set(f);
            }
        });
        tasks.execute(numbers);
    }

    /**
     * The trend chart's data: the dashboard shown, of the store it was read for (the chart and its PNG are titled
     * with that store, not with one picked since); null before the first read.
     */
    public ChartExport.ChartData trendData() {
        return dashboard.get() == null ? null : new ChartExport.DashboardData(dashboard.get(), numbersStore);
    }

    /** The funnel chart's data, as {@link #trendData()}; null before the funnel is read. */
    public ChartExport.ChartData funnelData() {
        return funnel.get() == null ? null : new ChartExport.FunnelData(funnel.get(), funnelStore);
    }

    private void show(Dashboard d) {
        Metrics now = d.current();
        Metrics before = d.previous();
        List<Card> next = new ArrayList<>();
        next.add(count("new-members", "analytics.metric.newMembers", now.newMembers(), before.newMembers()));
        next.add(count("active-members", "analytics.metric.activeMembers", now.activeMembers(),
                before.activeMembers()));
        next.add(count("new-buyers", "analytics.metric.newBuyers", now.newBuyers(), before.newBuyers()));
        next.add(new Card("revenue", messages.get("analytics.metric.revenue"), Money.display(now.revenueCents()),
                relative(Dashboard.change(now.revenueCents(), before.revenueCents())),
                direction(Dashboard.change(now.revenueCents(), before.revenueCents()))));
        next.add(new Card("avg-order", messages.get("analytics.metric.avgOrder"),
                now.avgOrderCents() == null ? "—" : Money.display(now.avgOrderCents()),
                now.avgOrderCents() == null || before.avgOrderCents() == null ? "—"
                        : relative(Dashboard.change(now.avgOrderCents(), before.avgOrderCents())),
                now.avgOrderCents() == null || before.avgOrderCents() == null ? 0
                        : direction(Dashboard.change(now.avgOrderCents(), before.avgOrderCents()))));
        next.add(rate("repurchase", "analytics.metric.repurchase", now.repurchase().share(),
                before.repurchase().share()));
        next.add(rate("paid-conversion", "analytics.metric.paidConversion", now.paidConversion().share(),
                before.paidConversion().share()));
        next.add(rate("retention-7", "analytics.metric.retention7", now.retention(7).share(),
                before.retention(7).share()));
        cardsAndVisits(d.cards(), d.previousCards(), next);
        cards.setAll(next);
        var parts = d.decomposition();
        decomposition.set(messages.get("analytics.pdf.decompositionFactors", messages.get("analytics.pdf.thisPeriod"),
                parts.members(), share(parts.conversion().share()),
                parts.avgOrderCents() == null ? "—" : Money.display(parts.avgOrderCents()),
                parts.frequency() == null ? "—" : String.format(Locale.ROOT, "%.2f", parts.frequency()))
                + "  " + messages.get("analytics.pdf.decompositionTotal", Money.display(parts.salesCents()),
                Money.display(parts.returnsCents()), Money.display(parts.revenueCents())));
        storeRows.setAll(d.stores().stream().map(column -> new StoreRow(column.store().shownName(messages),
                counts.format(column.newMembers()), counts.format(column.purchases()),
                Money.display(column.revenueCents()), counts.format(column.visits()))).toList());
        dashboard.set(d);
    }

    /**
     * What cards and visits add: the renewal rate and the visits where cards ended or members came in either period
     * (a shop without cards is not shown empty cards), money received where any was, and the money by method.
     */
    private void cardsAndVisits(CardFigures now, CardFigures before, List<Card> next) {
        if (now.renewal().ended() + before.renewal().ended() > 0) {
            next.add(rate("renewal-rate", "analytics.metric.renewalRate", now.renewalRate(), before.renewalRate()));
        }
        if (now.visits() + before.visits() > 0) {
            next.add(count("visits", "analytics.metric.visits", now.visits(), before.visits()));
            next.add(count("visitors", "analytics.metric.visitors", now.visitors(), before.visitors()));
        }
        boolean received = !now.cashInByMethod().isEmpty() || !before.cashInByMethod().isEmpty();
        if (received) {
            Double change = Dashboard.change(now.cashInCents(), before.cashInCents());
            next.add(new Card("cash-in", messages.get("analytics.metric.cashIn"), Money.display(now.cashInCents()),
                    relative(change), direction(change)));
        }
        if (now.cashInByMethod().isEmpty()) {
            cashByMethod.set(received ? messages.get("analytics.ui.cashByMethodNone") : "");
        } else {
            List<String> methods = new ArrayList<>();
            now.cashInByMethod().forEach((method, cents) -> methods.add(messages.get("pay." + method) + " "
                    + Money.display(cents)));
            cashByMethod.set(messages.get("analytics.ui.cashByMethod", String.join(" · ", methods)));
        }
    }

    /** Writes the trend chart of the shown period to a PNG file, in the background; then {@code written}. */
    public void exportTrend(Path file, java.util.function.Consumer<Path> written) {
        Dashboard shown = dashboard.get();
        if (shown == null) {
            throw new IllegalStateException("nothing to export yet");
        }
        tasks.execute(BackgroundTask.of(() -> {
            charts.writePng(new AnalyticsCharts(messages).dashboard(shown), file, 1200, 700);
            return file;
        }).onSuccess(written));
    }

    private Card count(String id, String key, long now, long before) {
        Double change = Dashboard.change(now, before);
        return new Card(id, messages.get(key), counts.format(now), relative(change), direction(change));
    }

    private Card rate(String id, String key, Double now, Double before) {
        Double points = Dashboard.change(now, before);
        return new Card(id, messages.get(key), share(now), points == null ? "—"
                : messages.get("analytics.pdf.points", (points > 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f",
                        points * 100)), direction(points));
    }

    private String relative(Double change) {
        return change == null ? "—" : (change > 0 ? "+" : "") + percent.format(change);
    }

    private String share(Double share) {
        return share == null ? "—" : percent.format(share);
    }

    private static int direction(Double change) {
        return change == null || change == 0 ? 0 : change > 0 ? 1 : -1;
    }

    public PeriodChoice choice() {
        return choice;
    }

    public ObjectProperty<PeriodChoice.Range> rangeProperty() {
        return choice.rangeProperty();
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return choice.fromProperty();
    }

    public ObjectProperty<LocalDate> toProperty() {
        return choice.toProperty();
    }

    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Funnel> funnelProperty() {
        return funnel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty decompositionProperty() {
        return decomposition.getReadOnlyProperty();
    }

    /** Money received in the period by way of paying ("" where the shop takes none through MemberDesk). */
    public ReadOnlyStringProperty cashByMethodProperty() {
        return cashByMethod.getReadOnlyProperty();
    }

    public ObservableList<Card> cards() {
        return cardsShown;
    }

    /** The store picker's choices: all stores, then each store (empty until read). */
    public ObservableList<StoreChoice> storeChoices() {
        return storeChoicesShown;
    }

    /** The store whose figures are shown (store null: the chain). */
    public ReadOnlyObjectProperty<StoreChoice> storeProperty() {
        return store.getReadOnlyProperty();
    }

    /** The store picked, whose figures are shown and printed; empty for the chain's. */
    public Optional<Store> shownStore() {
        return Optional.ofNullable(store.get().store());
    }

    /** Two or more stores: only then is the picker shown. */
    public ReadOnlyBooleanProperty chainProperty() {
        return chain.getReadOnlyProperty();
    }

    /** Each store's line of the chain's period (empty for a store's own figures or a shop of one store). */
    public ObservableList<StoreRow> storeRows() {
        return storeRowsShown;
    }

    /** The shop's all-time totals for the tiles; null until read. */
    public ReadOnlyObjectProperty<ShopTotals> totalsProperty() {
        return totals.getReadOnlyProperty();
    }
}
