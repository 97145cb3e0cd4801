package org.memberdesk.ui.tags;

import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.memberdesk.segments.LifecycleCounts;
import org.memberdesk.segments.LifecycleMoves;
import org.memberdesk.segments.LifecycleService;
import org.memberdesk.segments.LifecycleSettings;
import org.memberdesk.segments.LifecycleStage;
import org.memberdesk.segments.RfmResult;
import org.memberdesk.segments.RfmSegment;
import org.memberdesk.tags.Rule;
import org.memberdesk.segments.RfmService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.TaskExecutor;

/** RFM and lifecycle tabs: computed in the background at a date; any segment, cell or stage becomes a rule. */
public final class RfmViewModel {
    private final RfmService rfmService;
    private final LifecycleService lifecycle;
    private final TaskExecutor tasks;
    private final ObjectProperty<LocalDate> asOf;
    private final ObjectProperty<LocalDate> since;
    private final ReadOnlyObjectWrapper<RfmResult> rfm = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LifecycleCounts> stages = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LifecycleMoves> moves = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LifecycleSettings> limits =
            new ReadOnlyObjectWrapper<>(LifecycleSettings.DEFAULT);

    /** {@code today}: the shop's date, where both tabs start. */
    public RfmViewModel(RfmService rfm, LifecycleService lifecycle, LocalDate today, TaskExecutor tasks) {
        this.rfmService = rfm;
        this.lifecycle = lifecycle;
        this.tasks = tasks;
        this.asOf = new SimpleObjectProperty<>(today);
        this.since = new SimpleObjectProperty<>(today.minusDays(30));
    }

    /** Input: the date both tabs are computed at. */
    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    /** Input: the start of the lifecycle moves. */
    public ObjectProperty<LocalDate> sinceProperty() {
        return since;
    }

    public ReadOnlyObjectProperty<RfmResult> rfmProperty() {
        return rfm.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LifecycleCounts> stagesProperty() {
        return stages.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LifecycleMoves> movesProperty() {
        return moves.getReadOnlyProperty();
    }

    /** The stage limits in days (new / active / dormant) as stored for this database. */
    public ReadOnlyObjectProperty<LifecycleSettings> limitsProperty() {
        return limits.getReadOnlyProperty();
    }

    public void loadLimits() {
        tasks.execute(BackgroundTask.of(lifecycle::settings).onSuccess(limits::set));
    }

    /** Stores new limits (refused with a message when dormant is not above active) and recounts. */
    public void saveLimits(LifecycleSettings settings) {
        tasks.execute(BackgroundTask.of(() -> {
            lifecycle.save(settings);
            return settings;
        }).onSuccess(saved -> {
            limits.set(saved);
            computeLifecycle();
        }));
    }

    public void computeRfm() {
        LocalDate date = asOf.get();
        tasks.execute(BackgroundTask.of(() -> rfmService.compute(date)).onSuccess(rfm::set));
    }

    public void computeLifecycle() {
        LocalDate date = asOf.get();
        LocalDate from = since.get();
        tasks.execute(BackgroundTask.of(() -> lifecycle.counts(date))
                .onSuccess(stages::set));
        if (from != null && from.isBefore(date)) {
            tasks.execute(BackgroundTask.of(() -> lifecycle.moves(from, date))
                    .onSuccess(moves::set));
        }
    }

    public Optional<Rule> segmentRule(RfmSegment segment) {
        RfmResult result = rfm.get();
        return result == null || result.members() == 0 ? Optional.empty() : Optional.of(result.segmentRule(segment));
    }

    public Optional<Rule> cellRule(int recencyScore, int frequencyScore) {
        RfmResult result = rfm.get();
        return result == null ? Optional.empty() : result.cellRule(recencyScore, frequencyScore);
    }

    public Optional<Rule> stageRule(LifecycleStage stage) {
        LifecycleCounts counts = stages.get();
        return counts == null ? Optional.empty() : Optional.of(LifecycleService.stageRule(stage, counts.settings()));
    }

    /** Share of a part in a whole as "12.3%", computed in whole numbers (per mille), never floating point. */
    static String share(long part, long whole) {
        if (whole <= 0) {
            return "—";
        }
        long perMille = Math.floorDiv(part * 1000 + whole / 2, whole);
        return perMille / 10 + "." + perMille % 10 + "%";
    }
}
