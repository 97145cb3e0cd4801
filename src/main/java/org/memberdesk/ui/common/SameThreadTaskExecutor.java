package org.memberdesk.ui.common;

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
        task.started();
        TaskProgress progress = new TaskProgress() {
            @Override
            public void update(long done, long total, String message) {
                task.updateProgress(total > 0 ? (double) done / total : -1, message);
            }

            @Override
            public boolean cancelled() {
                return task.isCancelRequested();
            }
        };
        T result;
        try {
            result = task.work().run(progress);
        } catch (Exception | LinkageError e) {
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
