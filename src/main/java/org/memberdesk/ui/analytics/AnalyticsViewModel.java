package org.memberdesk.ui.analytics;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.analytics.Period;
import java.time.Clock;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.dashboard.PeriodChoice;

/**
 * The Analytics screen's state: the chosen period (the Dashboard's picker), and the models of its
 * tabs. A new period recomputes the funnel, the cohorts ending with the period's month and the
 * distributions as of its last day, each when its tab is shown; each tab drops its older computation.
 */
public final class AnalyticsViewModel {
    /** The screen's tabs: only the one shown is computed; the others catch up when opened. */
    public enum Tab { FUNNELS, COHORTS, DISTRIBUTIONS, PREDICTIONS }

    private final Messages messages;
    private final PeriodChoice choice;
    private final FunnelsViewModel funnels;
    private final CohortsViewModel cohorts;
    private final DistributionsViewModel distributions;
    private final PredictionsViewModel predictions;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding loading;
    private Tab showing = Tab.FUNNELS;
    /** The period each tab last computed; a tab whose period is not the chosen one is stale. */
    private final java.util.EnumMap<Tab, Period> computedFor = new java.util.EnumMap<>(Tab.class);

    /** The tabs' models, built with the services each needs (see {@code AnalyticsScreen.model}). */
    public AnalyticsViewModel(Clock clock, Messages messages, FunnelsViewModel funnels, CohortsViewModel cohorts,
                              DistributionsViewModel distributions, PredictionsViewModel predictions) {
        this.messages = messages;
        this.choice = new PeriodChoice(clock);
        this.funnels = funnels;
        this.cohorts = cohorts;
        this.distributions = distributions;
        this.predictions = predictions;
        this.loading = Bindings.or(funnels.loadingProperty(), Bindings.or(cohorts.loadingProperty(),
                distributions.loadingProperty()));
    }

    /** This week / month / quarter, then everything recomputed. */
    public void choose(PeriodChoice.Range range) {
        choice.choose(range);
        load();
    }

    /** The days in the pickers (custom), then everything recomputed. */
    public void apply() {
        choice.days(choice.fromProperty().get(), choice.toProperty().get());
        load();
    }

    /**
     * Recomputes the shown tab for the chosen period, in the background; the other tabs recompute when
     * they are opened (RFM on a million members takes seconds: no work for a tab nobody looks at).
     */
    public void load() {
        java.util.Optional<Period> chosen = choice.period(problem::set, messages);
        if (chosen.isEmpty()) {
            return;
        }
        computedFor.clear();
        compute(showing, chosen.get());
    }

    /** The screen shows {@code tab}: computed now if the period changed since it last was. */
    public void showing(Tab tab) {
        showing = tab;
        Period period = choice.period().orElse(null);
        if (period != null && !period.equals(computedFor.get(tab))) {
            compute(tab, period);
        }
    }

    private void compute(Tab tab, Period period) {
        computedFor.put(tab, period);
        switch (tab) {
            case FUNNELS -> funnels.compute(period);
            case COHORTS -> cohorts.follow(period.to());
            case DISTRIBUTIONS -> distributions.load(period.to());
            // the latest model, whatever the period: the one the rule fields read today
            case PREDICTIONS -> predictions.load();
        }
    }

    /** The chosen period, or null while the days do not make one. */
    public Period period() {
        return choice.period().orElse(null);
    }

    public PeriodChoice choice() {
        return choice;
    }

    public FunnelsViewModel funnels() {
        return funnels;
    }

    public CohortsViewModel cohorts() {
        return cohorts;
    }

    public DistributionsViewModel distributions() {
        return distributions;
    }

    public PredictionsViewModel predictions() {
        return predictions;
    }

    public BooleanBinding loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
