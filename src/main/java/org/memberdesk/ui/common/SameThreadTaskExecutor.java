package org.memberdesk.ui.common;

import java.util.concurrent.CancellationException;

/**
 * Runs a task at once on the calling thread, callbacks included: view-model tests get
 * deterministic results without a JavaFX thread or sleeps.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {
    private final DialogService dialogs;

    public SameThreadTaskExecutor(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        task.begin((done, total, words) -> task.updateProgress(total > 0 ? (double) done / total : -1, words));
        task.started();
        T result;
        try {
            result = task.runWork();
        } catch (Exception | LinkageError e) {
            if (e instanceof CancellationException && task.isCancelRequested()) {
                // the work stopped where it noticed the cancel (Progress.throwIfCancelled): not a failure
                task.cancelled();
                return task;
            }
            if (!task.failed(e)) {
                dialogs.showError(e);
            }
            return task;
        }
        if (task.isCancelRequested()) {
            task.cancelled();
        } else {
            task.succeeded(result);
        }
        return task;
    }

    @Override
    public void shutdown() {
    }
}
