package org.memberdesk.ui.analytics;

import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreService;
import org.memberdesk.ui.dashboard.DashboardViewModel.StoreChoice;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.analytics.Cohort;
import org.memberdesk.analytics.charts.ChartExport;
import java.time.Clock;
import org.memberdesk.analytics.AnalyticsService;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The Cohorts tab: monthly cohorts by month of first purchase between two months (typed YYYY-MM),
 * computed in the background; by default the twelve months before the current one.
 */
public final class CohortsViewModel {
    private final AnalyticsService analytics;
    private final Messages messages;
    /** input */
    private final StringProperty from = new SimpleStringProperty();
    /** input */
    private final StringProperty to = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<List<Cohort>> cohorts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChartExport.ChartData> chartData = new ReadOnlyObjectWrapper<>();
    /** The store the cohorts shown were read for (empty: the chain's). */
    private Optional<Store> cohortsStore = Optional.empty();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final Latest<List<Cohort>> computing;
    /** input: the store whose first buyers are followed (none picked: the chain's) */
    private final StorePicker store;

    public CohortsViewModel(AnalyticsService analytics, Clock clock, TaskExecutor tasks, Messages messages) {
        this(analytics, null, clock, tasks, messages);
    }

    /** {@code stores} null: no store picker (the chain's cohorts only). */
    public CohortsViewModel(AnalyticsService analytics, StoreService stores, Clock clock, TaskExecutor tasks,
                            Messages messages) {
        this.analytics = analytics;
        this.store = new StorePicker(stores, tasks, messages);
        this.messages = messages;
        this.computing = new Latest<>(tasks, messages);
        YearMonth thisMonth = YearMonth.from(LocalDate.now(clock));
        from.set(thisMonth.minusMonths(12).toString());
        to.set(thisMonth.minusMonths(1).toString());
        cohorts.addListener((obs, old, now) -> chartData.set(now == null ? null
                : new ChartExport.CohortData(now, cohortsStore)));
    }

    /** The cohorts of the months ending with the period's last month, twelve of them; then loads. */
    public void follow(LocalDate periodEnd) {
        YearMonth last = YearMonth.from(periodEnd);
        from.set(last.minusMonths(11).toString());
        to.set(last.toString());
        load();
    }

    /** Computes the cohorts of the months typed, in the background (an older computation is dropped). */
    public void load() {
        YearMonth first;
        YearMonth last;
        try {
            first = YearMonth.parse(from.get().strip());
            last = YearMonth.parse(to.get().strip());
        } catch (DateTimeParseException | NullPointerException e) {
            problem.set(messages.get("analytics.cohorts.badMonths"));
            return;
        }
        if (last.isBefore(first)) {
            problem.set(messages.get("analytics.cohorts.badMonths"));
            return;
        }
        problem.set("");
        Optional<Store> at = store.picked();
        computing.run(() -> analytics.cohorts(first, last, at), read -> {
            // the chart (and its PNG) is titled with the store the cohorts were read for, not the one picked since
            cohortsStore = at;
            cohorts.set(read);
        }, problem::set);
    }

    /** Reads the stores in the background: the picker (all stores, then each) shows only in a chain. */
    public void loadStores() {
        store.load();
    }

    /** Input: the cohorts of the buyers whose first purchase was at one store, or the chain's. */
    public ObjectProperty<StoreChoice> storeProperty() {
        return store.storeProperty();
    }

    public ObservableList<StoreChoice> storeChoices() {
        return store.choices();
    }

    /** Two or more stores: only then is the picker shown. */
    public ReadOnlyBooleanProperty chainProperty() {
        return store.chainProperty();
    }

    /** First cohort month, YYYY-MM. */
    public StringProperty fromProperty() {
        return from;
    }

    /** Last cohort month, YYYY-MM. */
    public StringProperty toProperty() {
        return to;
    }

    public ReadOnlyObjectProperty<List<Cohort>> cohortsProperty() {
        return cohorts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartExport.ChartData> chartDataProperty() {
        return chartData.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return computing.loadingProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
