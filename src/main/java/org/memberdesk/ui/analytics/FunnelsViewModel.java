package org.memberdesk.ui.analytics;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.analytics.Funnel;
import org.memberdesk.analytics.Period;
import org.memberdesk.analytics.SavedFunnel;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.common.Money;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.analytics.AnalyticsService;
import org.memberdesk.analytics.SavedFunnels;
import org.memberdesk.common.Messages;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreService;
import org.memberdesk.tags.RuleService;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.ui.dashboard.DashboardViewModel.StoreChoice;

/**
 * The Funnels tab: the AARRR funnel of the period's new members (with its spend amount) or a custom funnel whose
 * steps are rules, edited, checked by the rule parser as typed, saved by name and reopened; in a chain, either of the
 * members who joined at the store picked.
 * The funnel is computed in the background; a newer request makes an older answer be ignored.
 */
public final class FunnelsViewModel {
    /** Which funnel the tab shows. */
    public enum Kind { AARRR, CUSTOM }

    private final AnalyticsService analytics;
    private final SavedFunnels savedFunnels;
    private final RuleService rules;
    private final TaskExecutor tasks;
    private final Messages messages;
    /** input: which funnel the person picked */
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.AARRR);
    /** input */
    private final StringProperty minSpent = new SimpleStringProperty(
            Money.formatYuan(ChartExport.DEFAULT_MIN_SPENT_CENTS));
    /** input */
    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableList<FunnelStep> steps = FXCollections.observableArrayList();
    private final ObservableList<SavedFunnel> saved = FXCollections.observableArrayList();
    // one read-only view each, kept: a view listens to its list weakly, so a listener on a fresh one is lost
    private final ObservableList<FunnelStep> stepsShown = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<SavedFunnel> savedShown = FXCollections.unmodifiableObservableList(saved);
    private final ReadOnlyObjectWrapper<Funnel> funnel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChartExport.ChartData> chartData = new ReadOnlyObjectWrapper<>();
    /** The store the funnel shown was read for (empty: the chain's). */
    private Optional<Store> funnelStore = Optional.empty();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Latest<Funnel> computing;
    /** input: the store whose joiners the funnel follows (none picked: everyone who joined) */
    private final StorePicker store;

    public FunnelsViewModel(AnalyticsService analytics, SavedFunnels savedFunnels, RuleService rules,
                            TaskExecutor tasks, Messages messages) {
        this(analytics, null, savedFunnels, rules, tasks, messages);
    }

    /** {@code stores} null: no store picker (the funnel of everyone who joined). */
    public FunnelsViewModel(AnalyticsService analytics, StoreService stores, SavedFunnels savedFunnels,
                            RuleService rules, TaskExecutor tasks, Messages messages) {
        this.analytics = analytics;
        this.store = new StorePicker(stores, tasks, messages);
        this.savedFunnels = savedFunnels;
        this.rules = rules;
        this.tasks = tasks;
        this.messages = messages;
        this.computing = new Latest<>(tasks, messages);
        funnel.addListener((obs, old, now) -> chartData.set(now == null ? null
                : new ChartExport.FunnelData(now, funnelStore)));
        addStep("purchases >= 1");
    }

    /** A new last step with the rule {@code text}. */
    public FunnelStep addStep(String text) {
        FunnelStep step = new FunnelStep(text, rules, messages);
        steps.add(step);
        return step;
    }

    public void removeStep(int index) {
        steps.remove(index);
    }

    /** Moves a step one place earlier ({@code by} −1) or later (+1); at either end nothing moves. */
    public void moveStep(int index, int by) {
        int target = index + by;
        if (index < 0 || index >= steps.size() || target < 0 || target >= steps.size()) {
            return;
        }
        FunnelStep step = steps.remove(index);
        steps.add(target, step);
    }

    /** Computes the chosen funnel for the period in the background (the previous computation is dropped). */
    public void compute(Period period) {
        problem.set("");
        message.set("");
        Optional<Store> at = store.picked();
        java.util.concurrent.Callable<Funnel> work;
        if (kind.get() == Kind.AARRR) {
            long cents;
            try {
                cents = Money.parseYuan(minSpent.get());
            } catch (IllegalArgumentException e) {
                problem.set(messages.get("analytics.funnels.badAmount", minSpent.get()));
                return;
            }
            if (cents < 0) {
                problem.set(messages.get("analytics.funnels.badAmount", minSpent.get()));
                return;
            }
            work = () -> analytics.aarrr(period, cents, at);
        } else {
            if (steps.isEmpty()) {
                problem.set(messages.get("analytics.funnels.noSteps"));
                return;
            }
            steps.forEach(FunnelStep::reveal);
            if (steps.stream().anyMatch(s -> !s.valid())) {
                problem.set(messages.get("analytics.funnels.fixSteps"));
                return;
            }
            List<String> steps = rules();
            work = () -> analytics.custom(period, steps, at);
        }
        computing.run(work, read -> {
            // the chart (and its PNG) is titled with the store the funnel was read for, not the one picked since
            funnelStore = at;
            funnel.set(read);
        }, problem::set);
    }

    /** Reads the stores in the background: the picker (all stores, then each) shows only in a chain. */
    public void loadStores() {
        store.load();
    }

    /** Input: the funnel of the members who joined at one store, or of everyone who joined. */
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

    /** Loads the saved custom funnels in the background. */
    public void loadSaved() {
        tasks.execute(BackgroundTask.of(savedFunnels::all).onSuccess(saved::setAll));
    }

    /** Saves the custom funnel under its name (a funnel of that name gets these steps). */
    public void save() {
        problem.set("");
        message.set("");
        steps.forEach(FunnelStep::reveal);
        if (steps.stream().anyMatch(s -> !s.valid())) {
            problem.set(messages.get("analytics.funnels.fixSteps"));
            return;
        }
        String funnelName = name.get();
        List<String> steps = rules();
        tasks.execute(BackgroundTask.of(() -> savedFunnels.save(funnelName, steps))
                .onSuccess(done -> {
                    message.set(messages.get("analytics.funnels.saved", done.name()));
                    loadSaved();
                })
                .onFailure(e -> problem.set(ErrorText.describe(e, messages))));
    }

    /** Puts a saved funnel into the editor and computes it for the period. */
    public void open(SavedFunnel chosen, Period period) {
        kind.set(Kind.CUSTOM);
        name.set(chosen.name());
        steps.clear();
        chosen.steps().forEach(this::addStep);
        if (period != null) {
            compute(period);
        }
    }

    public void delete(SavedFunnel chosen) {
        tasks.execute(BackgroundTask.of(() -> {
            savedFunnels.delete(chosen.id());
            return chosen;
        }).onSuccess(gone -> {
            message.set(messages.get("analytics.funnels.deleted", gone.name()));
            loadSaved();
        }));
    }

    private List<String> rules() {
        return steps.stream().map(s -> s.ruleProperty().get().strip()).toList();
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** The AARRR revenue step's amount in yuan, as typed. */
    public StringProperty minSpentProperty() {
        return minSpent;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The custom funnel's steps after "joined", changed through addStep, removeStep, moveStep and open. */
    public ObservableList<FunnelStep> steps() {
        return stepsShown;
    }

    public ObservableList<SavedFunnel> saved() {
        return savedShown;
    }

    public ReadOnlyObjectProperty<Funnel> funnelProperty() {
        return funnel.getReadOnlyProperty();
    }

    /** The shown funnel's numbers for PNG / CSV export; null until one is computed. */
    public ReadOnlyObjectProperty<ChartExport.ChartData> chartDataProperty() {
        return chartData.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return computing.loadingProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the last save or delete did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
