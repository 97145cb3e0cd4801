package org.memberdesk.ui.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import org.memberdesk.members.Phones;
import org.memberdesk.predictions.FitCheck;
import org.memberdesk.predictions.FitProgress;
import org.memberdesk.predictions.MemberPrediction;
import org.memberdesk.predictions.PredictionModel;
import org.memberdesk.predictions.PredictionRefused;
import org.memberdesk.predictions.RenewalForecast;
import org.memberdesk.predictions.Predictions;
import org.memberdesk.predictions.TimeUnit;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.common.Messages;
import org.memberdesk.members.MemberService;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The Predictions tab: the latest model the rule fields read (its status and parameters), its repeat buyers per
 * tenth of P(alive), BTYD's fit check and the win-back list, each read in the background. "Refit now" fits
 * today's model in weeks with progress and cancel; a refused fit (too few repeat buyers, no convergence) is
 * not an error: its reason shows in the tab, in the shop's words, and the earlier model stays.
 */
public final class PredictionsViewModel {
    /** Rows of the win-back list: the most valuable of the slipping repeat buyers. */
    public static final int WIN_BACK_ROWS = 50;

    /** A slipping member as the list shows them: the phone already masked (138****5678). */
    public record WinBack(long memberId, String memberNo, String name, String phone, double pAlive,
                          double expectedPurchases, Long clvCents) {
    }

    /** What one read of the latest model brings: the model (null: none yet), its tenths and its win-back list. */
    record Reading(PredictionModel model, long[] tenths, List<WinBack> winBack) {
    }

    /** How "Refit now" ended: a model, or the reason there is none. */
    private record Refit(PredictionModel fitted, PredictionRefused refused) {
    }

    private final Predictions predictions;
    private final MemberService members;
    private final DataChanges changes;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<PredictionModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<long[]> tenths = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FitCheck> fitCheck = new ReadOnlyObjectWrapper<>();
    /** The id of the model whose fit check is shown or being read (0: none). */
    private long checkedModel;
    private final ReadOnlyObjectWrapper<ChartExport.ChartData> pAliveChart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChartExport.ChartData> fitCheckChart = new ReadOnlyObjectWrapper<>();
    private final ObservableList<WinBack> winBack = FXCollections.observableArrayList();
    private final ObservableList<RenewalForecast> renewals = FXCollections.observableArrayList();
    // one read-only view each, kept: a view listens to its list weakly, so a listener on a fresh one is lost
    private final ObservableList<WinBack> winBackShown = FXCollections.unmodifiableObservableList(winBack);
    private final ObservableList<RenewalForecast> renewalsShown = FXCollections.unmodifiableObservableList(renewals);
    private final ReadOnlyStringWrapper refused = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refitting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final Latest<Reading> reading;
    private final Latest<FitCheck> checking;
    private final Latest<List<RenewalForecast>> forecasting;
    private BackgroundTask<Refit> refit;
    private boolean loadedOnce;

    public PredictionsViewModel(Predictions predictions, MemberService members, DataChanges changes,
                                TaskExecutor tasks, Messages messages) {
        this.predictions = predictions;
        this.members = members;
        this.changes = changes;
        this.tasks = tasks;
        this.messages = messages;
        this.reading = new Latest<>(tasks, messages);
        this.checking = new Latest<>(tasks, messages);
        this.forecasting = new Latest<>(tasks, messages);
        fitCheck.addListener((obs, old, now) -> fitCheckChart.set(now == null ? null
                : new ChartExport.FitCheckData(now)));
        // a refit in the background (the daily one) brings a new model or its reason
        changes.onPredictionsRefitted(this::refitted);
    }

    /**
     * Reads the latest model and what the tab shows of it, in the background; the fit check follows. The period
     * passes' renewal forecasts (which need no purchase model) are read beside it.
     */
    public void load() {
        loadedOnce = true;
        problem.set("");
        reading.run(this::read, this::show, problem::set);
        forecasting.run(predictions::renewalForecasts, renewals::setAll, problem::set);
    }

    private Reading read() {
        Optional<PredictionModel> latest = predictions.forRules(predictions.today());
        if (latest.isEmpty()) {
            return new Reading(null, null, List.of());
        }
        PredictionModel m = latest.get();
        List<WinBack> rows = new ArrayList<>();
        for (MemberPrediction p : predictions.slipping(m, WIN_BACK_ROWS)) {
            Optional<Member> member = members.byId(p.memberId());
            rows.add(new WinBack(p.memberId(), member.map(Member::memberNo).orElse("—"),
                    member.map(Member::name).orElse(""), Phones.mask(member.map(Member::phone).orElse(null)),
                    p.pAlive(), p.expectedPurchases(), p.clvCents()));
        }
        return new Reading(m, predictions.pAliveTenths(m), rows);
    }

    private void show(Reading latest) {
        model.set(latest.model());
        empty.set(latest.model() == null);
        tenths.set(latest.tenths());
        pAliveChart.set(latest.model() == null ? null : new ChartExport.PAliveData(latest.tenths(),
                latest.model().buyers() - latest.model().repeatBuyers()));
        winBack.setAll(latest.winBack());
        if (latest.model() == null) {
            fitCheck.set(null);
            checkedModel = 0;
        } else if (latest.model().id() != checkedModel || fitCheck.get() == null) {
            // BTYD's check re-reads every buyer's purchases: seconds on a big shop, so it comes after the rest, and
            // only for a model not checked yet (a model never changes: a refit stores a new one, with a new id)
            fitCheck.set(null);
            PredictionModel shown = latest.model();
            checkedModel = shown.id();
            checking.run(() -> predictions.fitCheck(shown), fitCheck::set, problem::set);
        }
    }

    /** "Refit now": today's model in weeks, in the background with its steps shown; then the tab reloads. */
    public void refit() {
        if (refitting.get()) {
            return;
        }
        BackgroundTask<Refit> task = BackgroundTask.of(steps -> {
            try {
                return new Refit(predictions.refit(predictions.today(), TimeUnit.WEEK, new FitProgress() {
                    @Override
                    public void step(int done) {
                        steps.report(done, FitProgress.STEPS);
                    }

                    @Override
                    public boolean cancelled() {
                        return steps.cancelled();
                    }
                }), null);
            } catch (PredictionRefused refused) {
                // not a failure: the shop has too few repeat buyers (or an unusual pattern), and the tab says so
                return new Refit(null, refused);
            } catch (CancellationException cancelled) {
                // stopped between steps, nothing stored: the executor reports the task as cancelled
                return new Refit(null, null);
            }
        });
        refit = task;
        refitting.set(true);
        refused.set("");
        message.set("");
        progress.bind(task.progressProperty());
        progressText.set(messages.get("predict.ui.step.1"));
        task.messageProperty().addListener((obs, old, now) -> progressText.set(now));
        task.words((done, total, count) -> messages.get("predict.ui.step." + Math.min(done + 1, FitProgress.STEPS)))
                .onSuccess(done -> {
            if (done.refused() != null) {
                refused.set(ErrorText.describe(done.refused(), messages));
                return;
            }
            if (done.fitted() == null) {
                message.set(messages.get("predict.ui.cancelled"));
                return;
            }
            message.set(messages.get("predict.ui.refitted", done.fitted().asOf().toString()));
            // this tab reloads as it hears of it (it is being looked at), and so does every other view of the scores
            // (the member pane); the window refreshes the rule tags the new model made out of date
            loadedOnce = true;
            changes.predictionsRefitted(Optional.empty());
        }).onFailure(error -> problem.set(ErrorText.describe(error, messages))).onCancelled(() -> message.set(messages.get("predict.ui.cancelled"))).onFinished(() -> {
            progress.unbind();
            refitting.set(false);
            refit = null;
        });
        tasks.execute(task);
    }

    /** Stops a refit between its steps: nothing is stored, the earlier model stays. */
    public void cancelRefit() {
        if (refit != null) {
            refit.cancel();
            progressText.set(messages.get("task.cancelling"));
        }
    }

    /** A background refit ended: its model is shown (when the tab was read before), or why none was made. */
    void refitted(Optional<ValidationException> refusal) {
        if (refusal.isPresent()) {
            refused.set(ErrorText.describe(refusal.get(), messages));
            return;
        }
        refused.set("");
        if (loadedOnce) {
            load();
        }
    }

    /** The latest model; null before the first read and while there is none. */
    public ReadOnlyObjectProperty<PredictionModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** True once read and there is no model yet: the tab says what it does and what it needs. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** Repeat buyers per tenth of P(alive) under the shown model. */
    public ReadOnlyObjectProperty<long[]> tenthsProperty() {
        return tenths.getReadOnlyProperty();
    }

    /** Actual and predicted members per number of repeat purchase days; null until computed. */
    public ReadOnlyObjectProperty<FitCheck> fitCheckProperty() {
        return fitCheck.getReadOnlyProperty();
    }

    /** The P(alive) chart's numbers, for the screen and its PNG/CSV export; null without a model. */
    public ReadOnlyObjectProperty<ChartExport.ChartData> pAliveChartProperty() {
        return pAliveChart.getReadOnlyProperty();
    }

    /** The fit check's numbers, for the screen and its PNG/CSV export; null until computed. */
    public ReadOnlyObjectProperty<ChartExport.ChartData> fitCheckChartProperty() {
        return fitCheckChart.getReadOnlyProperty();
    }

    public ObservableList<WinBack> winBack() {
        return winBackShown;
    }

    /** The renewal forecast of every period pass with a whole period observed (sBG), each drawn as a curve. */
    public ObservableList<RenewalForecast> renewals() {
        return renewalsShown;
    }

    /** Why the last refit (asked for, or the daily one) made no model; empty when it did. */
    public ReadOnlyStringProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** What the last refit did ("fitted", "cancelled"). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the model could not be read. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refittingProperty() {
        return refitting.getReadOnlyProperty();
    }

    /** The refit's share done (0..1), -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The refit's current step, in words. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return reading.loadingProperty();
    }

    /** True while the fit check is computed. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.loadingProperty();
    }
}
