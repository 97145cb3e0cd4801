package org.memberdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
            progress.update(1, 4, "a quarter");
            return 42;
        }).onSuccess(v -> calls.add("success " + v)).onFinished(() -> calls.add("finished")));
        assertEquals(List.of("success 42", "finished"), calls);
        assertEquals(0.25, task.progressProperty().get());
        assertEquals("a quarter", task.messageProperty().get());
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
}
