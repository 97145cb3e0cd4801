package org.memberdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;

class BackgroundTaskTest {
    private final RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
    private final TaskExecutor executor = new SameThreadTaskExecutor(dialogs);

    @Test
    void successRunsTheCallbacksInOrder() {
        List<String> calls = new ArrayList<>();
        BackgroundTask<Integer> task = executor.execute(BackgroundTask.of(progress -> {
            progress.report(1, 4, 7);
            return 42;
        }).words((done, total, count) -> count + " rows, a quarter").onSuccess(v -> calls.add("success " + v))
                .onFinished(() -> calls.add("finished")));
        assertEquals(List.of("success 42", "finished"), calls);
        assertEquals(0.25, task.progressProperty().get());
        assertEquals("7 rows, a quarter", task.messageProperty().get());
        assertTrue(task.doneProperty().get());
    }

    @Test
    void aFailureWithoutCallbackBecomesAReadableDialog() {
        executor.execute(BackgroundTask.of(() -> {
            throw new ValidationException(Problem.of("name", "member.name.missing"));
        }));
        assertEquals(List.of("Name is missing"), dialogs.errors);
    }

    @Test
    void aFailureCallbackTakesOverFromTheDialog() {
        List<Throwable> seen = new ArrayList<>();
        executor.execute(BackgroundTask.of(() -> {
            throw new IllegalStateException("boom");
        }).onFailure(seen::add));
        assertEquals(1, seen.size());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void cancelledWorkEndsInTheCancelCallback() {
        List<String> calls = new ArrayList<>();
        BackgroundTask<String> task = BackgroundTask.of(progress -> "never shown");
        task.onSuccess(v -> calls.add("success")).onCancelled(() -> calls.add("cancelled"));
        task.cancel();
        executor.execute(task);
        assertEquals(List.of("cancelled"), calls);
    }

    @Test
    void unexpectedErrorsNeverShowAStackTrace() {
        executor.execute(BackgroundTask.of(() -> {
            throw new NullPointerException();
        }));
        assertEquals(List.of("Unexpected error: NullPointerException. Your data is safe; please try again."),
                dialogs.errors);
    }

    /*
     * The view layer (issue 19): a task is configured, then executed. Before, CouponsScreen called onSuccess
     * after printFile had executed the task, silently replacing printFile's callback (its "done" line never showed).
     * Checked: with requireNotExecuted's body emptied, the two refusal tests below (and FxTaskExecutorTest's)
     * fail (no exception; the late callback replaces the first).
     */
    @Test
    void viewLayer_aCallbackSetAfterExecuteIsRefusedAndTheFirstStays() {
        List<String> calls = new ArrayList<>();
        BackgroundTask<Integer> task = executor.execute(BackgroundTask.of(() -> 1)
                .onSuccess(v -> calls.add("configured")));
        assertThrows(IllegalStateException.class, () -> task.onSuccess(v -> calls.add("late")));
        assertThrows(IllegalStateException.class, () -> task.onFailure(e -> calls.add("late")));
        assertThrows(IllegalStateException.class, () -> task.onCancelled(() -> calls.add("late")));
        assertThrows(IllegalStateException.class, () -> task.onFinished(() -> calls.add("late")));
        assertThrows(IllegalStateException.class, () -> task.words((d, t, c) -> "late"));
        assertEquals(List.of("configured"), calls);
    }

    @Test
    void viewLayer_aCallbackSetWhileTheWorkRunsIsRefused() {
        List<String> calls = new ArrayList<>();
        AtomicReference<BackgroundTask<Integer>> self = new AtomicReference<>();
        BackgroundTask<Integer> task = BackgroundTask.of(() -> {
            assertThrows(IllegalStateException.class, () -> self.get().onSuccess(v -> calls.add("late")));
            return 1;
        });
        self.set(task.onSuccess(v -> calls.add("configured " + v)));
        executor.execute(task);
        assertEquals(List.of("configured 1"), calls);
        assertTrue(task.isExecuted());
    }

    @Test
    void viewLayer_aTaskRunsOnce() {
        AtomicInteger runs = new AtomicInteger();
        BackgroundTask<Integer> task = executor.execute(BackgroundTask.of(runs::incrementAndGet));
        assertThrows(IllegalStateException.class, () -> executor.execute(task));
        assertEquals(1, runs.get());
    }

    @Test
    void viewLayer_callbacksLandOnTheCallersThreadInTests() {
        List<Thread> threads = new ArrayList<>();
        executor.execute(BackgroundTask.of(() -> {
            threads.add(Thread.currentThread());
            return 1;
        }).onSuccess(v -> threads.add(Thread.currentThread())).onFinished(() -> threads.add(Thread.currentThread())));
        assertEquals(List.of(Thread.currentThread(), Thread.currentThread(), Thread.currentThread()), threads);
    }

    @Test
    void viewLayer_cancellingStopsWorkThatChecksAndEndsAsCancelledNotFailed() {
        List<String> calls = new ArrayList<>();
        AtomicReference<BackgroundTask<Integer>> self = new AtomicReference<>();
        BackgroundTask<Integer> task = BackgroundTask.of(progress -> {
            self.get().cancel();
            progress.throwIfCancelled();
            return 1;
        });
        self.set(task.onSuccess(v -> calls.add("success")).onFailure(e -> calls.add("failed"))
                .onCancelled(() -> calls.add("cancelled")));
        executor.execute(task);
        assertEquals(List.of("cancelled"), calls);
        assertEquals(List.of(), dialogs.errors);
    }
}
