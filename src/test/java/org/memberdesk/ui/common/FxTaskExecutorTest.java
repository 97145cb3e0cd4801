package org.memberdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.UiFixture;
import org.testfx.api.FxToolkit;

/** The app's executor: work off the FX thread, every callback and the progress properties on it. */
class FxTaskExecutorTest {
    private final RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
    private FxTaskExecutor tasks;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        tasks = new FxTaskExecutor(dialogs, 1);
    }

    @AfterEach
    void close() {
        tasks.shutdown();
    }

    @Test
    void viewLayer_workRunsOffTheFxThreadAndEveryCallbackLandsOnIt() {
        List<String> seen = new CopyOnWriteArrayList<>();
        BackgroundTask<Integer> task = BackgroundTask.of(progress -> {
            seen.add("work on fx: " + Platform.isFxApplicationThread());
            progress.report(3, 4, 30);
            return 7;
        }).words((done, total, rows) -> rows + " rows read")
                .onSuccess(v -> seen.add("success " + v + " on fx: " + Platform.isFxApplicationThread()))
                .onFinished(() -> seen.add("finished on fx: " + Platform.isFxApplicationThread()));
        task.messageProperty().addListener((obs, old, now) ->
                seen.add("message on fx: " + Platform.isFxApplicationThread()));
        tasks.execute(task);

        UiFixture.waitUntil(() -> task.doneProperty().get());
        assertEquals(List.of("work on fx: false", "message on fx: true", "success 7 on fx: true",
                "finished on fx: true"), seen);
        assertEquals("30 rows read", task.messageProperty().get());
        // 3 of 4 = 0.75
        assertEquals(0.75, task.progressProperty().get());
        assertFalse(task.runningProperty().get());
    }

    @Test
    void viewLayer_aCallbackSetWhileTheWorkRunsIsRefused() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        BackgroundTask<Integer> task = BackgroundTask.of(() -> {
            working.countDown();
            release.await(10, TimeUnit.SECONDS);
            return 1;
        }).onSuccess(v -> seen.add("configured"));
        tasks.execute(task);
        assertTrue(working.await(10, TimeUnit.SECONDS));
        // what CouponsScreen did: a second onSuccess after execute, which replaced printFile's callback
        assertThrows(IllegalStateException.class, () -> task.onSuccess(v -> seen.add("late")));
        release.countDown();

        UiFixture.waitUntil(() -> task.doneProperty().get());
        assertEquals(List.of("configured"), seen);
    }

    @Test
    void viewLayer_cancelCutsShortAStepThatWatchesAndEndsAsCancelled() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        BackgroundTask<Integer> task = BackgroundTask.of(progress -> {
            // a long SQL count registers its statement's cancel, as RuleService does
            try (var watch = progress.whenCancelled(stopped::countDown)) {
                blocked.countDown();
                assertTrue(stopped.await(10, TimeUnit.SECONDS));
            }
            progress.throwIfCancelled();
            return 1;
        }).onSuccess(v -> seen.add("success")).onFailure(e -> seen.add("failed"))
                .onCancelled(() -> seen.add("cancelled"));
        tasks.execute(task);
        assertTrue(blocked.await(10, TimeUnit.SECONDS));
        task.cancel();

        UiFixture.waitUntil(() -> task.doneProperty().get());
        assertEquals(List.of("cancelled"), seen);
        assertEquals(List.of(), dialogs.errors);
    }
}
