package org.memberdesk.ui.common;

/** Runs {@link BackgroundTask}s; the app's one way to do work off the JavaFX thread. */
public interface TaskExecutor {
    <T> BackgroundTask<T> execute(BackgroundTask<T> task);

    /** Stops accepting work; running work is asked to cancel. */
    void shutdown();
}
