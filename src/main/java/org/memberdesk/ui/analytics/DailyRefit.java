package org.memberdesk.ui.analytics;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.memberdesk.common.ValidationException;
import org.memberdesk.predictions.PredictionModel;
import org.memberdesk.predictions.PredictionRefused;
import org.memberdesk.predictions.Predictions;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The desktop's daily refit of the predictions ({@link Predictions#refitIfDue()}): once when a database opens, on the
 * window's housekeeping thread after the day's backup and growth work (never in a screen's way), and again when the
 * date has changed while the window stays open (the window asks every hour). One try a day: a refused fit (too few
 * repeat buyers) is not an error and is not retried each hour; it is logged at INFO and its reason goes to the
 * Predictions tab, like a new model does. Called on the JavaFX thread.
 */
public final class DailyRefit {
    private static final Logger LOG = Logger.getLogger(DailyRefit.class.getName());

    /** What one try brought: a model fitted now, or none (fitted earlier today, or refused with a reason). */
    private record Outcome(Optional<PredictionModel> fitted, PredictionRefused refused) {
    }

    private final Predictions predictions;
    private final TaskExecutor executor;
    private final Consumer<Optional<ValidationException>> ended;
    private LocalDate tried;
    private PredictionRefused lastRefusal;

    /** {@code ended} hears of a model fitted (empty) or of why none could be (the refusal), on the FX thread. */
    public DailyRefit(Predictions predictions, TaskExecutor executor, Consumer<Optional<ValidationException>> ended) {
        this.predictions = predictions;
        this.executor = executor;
        this.ended = ended;
    }

    /** Starts today's refit unless today was tried already; true when it started. */
    public boolean runIfDue() {
        LocalDate today = predictions.today();
        if (today.equals(tried)) {
            return false;
        }
        tried = today;
        executor.execute(BackgroundTask.of(() -> {
            try {
                return new Outcome(predictions.refitIfDue(), null);
            } catch (PredictionRefused refused) {
                LOG.log(Level.INFO, "No prediction model for {0}: {1}", new Object[] {today,
                        refused.problems().get(0).key()});
                return new Outcome(Optional.empty(), refused);
            }
        }).onSuccess(outcome -> {
            lastRefusal = outcome.refused();
            if (outcome.refused() != null) {
                ended.accept(Optional.of(outcome.refused()));
            } else if (outcome.fitted().isPresent()) {
                ended.accept(Optional.empty());
            }
        }).onFailure(error -> LOG.log(Level.WARNING, "The daily refit of the predictions failed", error)));
        return true;
    }

    /** Why today's try made no model, if it was refused: a screen built after it shows the reason too. */
    public Optional<ValidationException> lastRefusal() {
        return Optional.ofNullable(lastRefusal);
    }
}
