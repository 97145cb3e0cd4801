package org.memberdesk.ui.analytics;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.analytics.Period;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.dashboard.PeriodChoice;

/**
 * The Analytics screen's state: the chosen period (the Dashboard's picker), and the models of its
 * tabs. A new period recomputes the funnel, the cohorts ending with the period's month and the
 * distributions as of its last day; each tab drops its older computation.
 */
public final class AnalyticsViewModel {
    private final UiContext context;
    private final PeriodChoice choice;
    private final FunnelsViewModel funnels;
    private final CohortsViewModel cohorts;
    private final DistributionsViewModel distributions;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding loading;

    public AnalyticsViewModel(UiContext context) {
        this.context = context;
        this.choice = new PeriodChoice(context.app().clock());
        this.funnels = new FunnelsViewModel(context);
        this.cohorts = new CohortsViewModel(context);
        this.distributions = new DistributionsViewModel(context);
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

    /** Recomputes every tab for the chosen period, in the background. */
    public void load() {
        java.util.Optional<Period> chosen = choice.period(problem::set, context.messages());
        if (chosen.isEmpty()) {
            return;
        }
        Period period = chosen.get();
        funnels.compute(period);
        cohorts.follow(period.to());
        distributions.load(period.to());
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

    public BooleanBinding loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
