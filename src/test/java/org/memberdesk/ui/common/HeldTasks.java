package org.memberdesk.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * For tests of work that is overtaken: holds each task until {@link #runAll}, then runs them in order on the calling
 * thread, as a busy worker thread would after the person typed on, and keeps what each work threw (what the app's
 * executor would log with its stack trace).
 */
public final class HeldTasks implements TaskExecutor {
    private final List<BackgroundTask<?>> held = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        task.begin((done, total, words) -> { });
        held.add(task);
        return task;
    }

    public void runAll() {
        List<BackgroundTask<?>> now = new ArrayList<>(held);
        held.clear();
        now.forEach(this::run);
    }

    private <T> void run(BackgroundTask<T> task) {
        task.started();
        T result;
        try {
            result = task.runWork();
        } catch (Exception e) {
            failures.add(e);
            task.failed(e);
            return;
        }
        if (task.isCancelRequested()) {
            task.cancelled();
        } else {
            task.succeeded(result);
        }
    }

    /** What the works threw, in order. */
    public List<Throwable> failures() {
        return failures;
    }

    @Override
    public void shutdown() {
    }
}
