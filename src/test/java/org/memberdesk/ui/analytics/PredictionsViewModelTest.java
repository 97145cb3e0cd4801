package org.memberdesk.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.predictions.PredictionModel;
import org.memberdesk.predictions.FitCheck;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.predictions.TimeUnit;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.SameThreadTaskExecutor;
import org.memberdesk.ui.common.UiContext;

/**
 * The daily refit and "Refit now" without a screen: on the CDNOW sample with "today" moved by hand from
 * 1997-09-30 (the literature's calibration end) on, and on an empty shop, whose refusal is a reason in the tab,
 * not an error.
 */
class PredictionsViewModelTest {
    @TempDir
    static Path cdnowFolder;
    @TempDir
    Path folder;
    private final RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
    private final List<Optional<ValidationException>> ended = new ArrayList<>();

    @BeforeAll
    static void importCdnow() throws Exception {
        CdnowShop.importInto(cdnowFolder);
    }

    /** A clock the test moves, as days pass while the window stays open. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(LocalDateTime start) {
            now = start.toInstant(ZoneOffset.UTC);
        }

        void set(LocalDateTime time) {
            now = time.toInstant(ZoneOffset.UTC);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private UiContext context(Path database, Clock clock) {
        return new UiContext(new AppContext(Database.open(database), clock), Messages.english(),
                new SameThreadTaskExecutor(dialogs), dialogs, new DataChanges());
    }

    @Test
    void finding4_theDailyRefitFitsOncePerDayAndAgainWhenTheDateChanges() {
        MovingClock clock = new MovingClock(LocalDateTime.of(1997, 9, 30, 9, 0));
        UiContext context = context(cdnowFolder.resolve("test.db"), clock);
        var predictions = context.app().predictions();
        PredictionsViewModel tab = AnalyticsScreen.predictions(context);
        DailyRefit daily = new DailyRefit(predictions, context.tasks(), refusal -> {
            ended.add(refusal);
            context.changes().predictionsRefitted(refusal);
        });
        // (the database is shared with the other CDNOW test, which keeps a model of 1997-10-15)
        int before = predictions.models().size();
        tab.load();
        assertTrue(tab.emptyProperty().get());

        assertTrue(daily.runIfDue());
        assertEquals(List.of(Optional.empty()), ended);
        // the tab, read before, reloads with the new model
        assertEquals(LocalDate.of(1997, 9, 30), tab.modelProperty().get().asOf());
        assertFalse(tab.emptyProperty().get());
        assertEquals(before + 1, predictions.models().size());
        assertEquals(0.243, predictions.model(LocalDate.of(1997, 9, 30), TimeUnit.WEEK).orElseThrow().bgnbd().r(),
                0.001);
        // the hourly looks of the same day start nothing
        clock.set(LocalDateTime.of(1997, 9, 30, 10, 0));
        assertFalse(daily.runIfDue());
        clock.set(LocalDateTime.of(1997, 9, 30, 23, 59));
        assertFalse(daily.runIfDue());
        assertEquals(before + 1, predictions.models().size());

        // past midnight, the window still open: the next day's model
        clock.set(LocalDateTime.of(1997, 10, 1, 0, 30));
        assertTrue(daily.runIfDue());
        assertEquals(List.of(Optional.empty(), Optional.empty()), ended);
        assertEquals(before + 2, predictions.models().size());
        assertTrue(predictions.model(LocalDate.of(1997, 10, 1), TimeUnit.WEEK).isPresent());

        // a second window (another start the same day) finds today's model and fits nothing
        DailyRefit another = new DailyRefit(predictions, context.tasks(), ended::add);
        assertTrue(another.runIfDue());
        assertEquals(before + 2, predictions.models().size());
        assertEquals(2, ended.size());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void finding5_aRefusedDailyRefitIsNoErrorTheTabSaysWhyAndItIsNotRetriedThatDay() {
        MovingClock clock = new MovingClock(LocalDateTime.of(2026, 11, 22, 9, 0));
        UiContext context = context(folder.resolve("empty.db"), clock);
        PredictionsViewModel tab = AnalyticsScreen.predictions(context);
        DailyRefit daily = new DailyRefit(context.app().predictions(), context.tasks(), refusal -> {
            ended.add(refusal);
            context.changes().predictionsRefitted(refusal);
        });

        assertTrue(daily.runIfDue());
        assertEquals("predict.tooFewRepeatBuyers", ended.get(0).orElseThrow().problems().get(0).key());
        assertEquals("Only 0 members have bought on more than one day; the models need at least 50 such repeat "
                + "buyers to say anything reliable, so no prediction was made.", tab.refusedProperty().get());
        assertTrue(daily.lastRefusal().isPresent());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        clock.set(LocalDateTime.of(2026, 11, 22, 10, 0));
        assertFalse(daily.runIfDue());
        assertEquals(1, ended.size());

        tab.load();
        assertTrue(tab.emptyProperty().get());
    }

    @Test
    void finding4_refitNowCancelledBetweenStepsKeepsNothingThenFitsAndReloads() {
        MovingClock clock = new MovingClock(LocalDateTime.of(1997, 10, 15, 9, 0));
        UiContext context = context(cdnowFolder.resolve("test.db"), clock);
        PredictionsViewModel tab = AnalyticsScreen.predictions(context);
        List<String> steps = new ArrayList<>();
        // the person presses Cancel while the models are being fitted
        tab.progressTextProperty().addListener((obs, old, now) -> {
            steps.add(now);
            if (now.equals("Fitting the models…")) {
                tab.cancelRefit();
            }
        });
        tab.refit();
        assertEquals("Refit cancelled: nothing was saved, the earlier model is still used.",
                tab.messageProperty().get());
        assertEquals(Optional.empty(), context.app().predictions().model(LocalDate.of(1997, 10, 15), TimeUnit.WEEK));
        assertFalse(tab.refittingProperty().get());

        assertTrue(steps.contains("Reading the purchases…"), steps.toString());
        PredictionsViewModel again = AnalyticsScreen.predictions(context);
        again.refit();
        assertEquals("Fitted a new model as of 1997-10-15.", again.messageProperty().get());
        assertEquals(LocalDate.of(1997, 10, 15), again.modelProperty().get().asOf());
        assertEquals(PredictionsViewModel.WIN_BACK_ROWS, again.winBack().size());
        assertEquals(8, again.fitCheckProperty().get().actual().length);
        assertEquals("", again.refusedProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void theFitCheckIsReadOncePerModelNotOnEveryReload() throws Exception {
        // a CDNOW shop of its own (the shared one's models are counted by the other tests), "today" 1997-10-01
        CdnowShop.importInto(folder);
        MovingClock clock = new MovingClock(LocalDateTime.of(1997, 10, 1, 9, 0));
        UiContext context = context(folder.resolve("test.db"), clock);
        PredictionModel fitted = context.app().predictions().modelOrFit(LocalDate.of(1997, 9, 30), TimeUnit.WEEK);
        PredictionsViewModel tab = AnalyticsScreen.predictions(context);
        tab.load();
        FitCheck first = tab.fitCheckProperty().get();
        assertEquals(8, first.actual().length);
        // the analytics period changed, or the tab was opened again: the same model, so the same check (the
        // purchases are not read again); before, each reload read every buyer's purchases once more
        tab.load();
        assertSame(first, tab.fitCheckProperty().get());
        assertEquals(fitted.id(), tab.modelProperty().get().id());
    }
}
