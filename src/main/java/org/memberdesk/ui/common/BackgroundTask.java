package org.memberdesk.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.common.Progress;

/**
 * A piece of work that must not run on the JavaFX thread, with what should happen when it ends.
 * Callbacks and the progress properties are only touched on the thread the {@link TaskExecutor}
 * chooses for them (the FX thread in the app, the caller's thread in tests), so views bind to them.
 * <p>
 * A task is configured first (callbacks, progress words) and then executed once: its callbacks cannot be
 * replaced once it runs (a second {@code onSuccess} after {@code execute} used to silently drop the first,
 * so a print's "done" line never showed); such a call throws {@link IllegalStateException}.
 */
public final class BackgroundTask<T> {

    /** The work itself; runs on a worker thread and may report progress or notice a cancel. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** The words shown beside the bar for what the work reported (see {@link Progress.Listener}). */
    @FunctionalInterface
    public interface Words {
        String describe(long done, long total, long count);
    }

    private final Work<T> work;
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };
    private Words words = (done, total, count) -> null;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final AtomicBoolean executed = new AtomicBoolean();
    private volatile Progress.Listener reporter = (d, t, c) -> { };
    /** The one progress the work sees; cancelling the task cancels it (and any SQL statement it guards). */
    private final Progress workProgress = new Progress((d, t, c) -> reporter.reported(d, t, c));

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Work without progress reporting. */
    public static <T> BackgroundTask<T> of(java.util.concurrent.Callable<T> work) {
        return new BackgroundTask<>(progress -> work.call());
    }

    public BackgroundTask<T> onSuccess(Consumer<T> callback) {
        requireNotExecuted("onSuccess");
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Without a failure callback the executor shows the error in a dialog. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        requireNotExecuted("onFailure");
        this.onFailure = callback;
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable callback) {
        requireNotExecuted("onCancelled");
        this.onCancelled = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs after success, failure or cancel: where a view re-enables its buttons. */
    public BackgroundTask<T> onFinished(Runnable callback) {
        requireNotExecuted("onFinished");
        this.onFinished = Objects.requireNonNull(callback);
        return this;
    }

    /** How the work's reports read beside the bar (e.g. "1,200 rows read"); without it the text stays. */
    public BackgroundTask<T> words(Words describe) {
        requireNotExecuted("words");
        this.words = Objects.requireNonNull(describe);
        return this;
    }

    private void requireNotExecuted(String what) {
        if (executed.get()) {
            throw new IllegalStateException(what + " after the task was executed: configure a task before it runs");
        }
    }

    /** Asks the work to stop (it sees {@link Progress#cancelled()}); allowed before and while it runs. */
    public void cancel() {
        workProgress.cancel();
    }

    public boolean isCancelRequested() {
        return workProgress.cancelled();
    }

    /** True once the task was handed to an executor: then it can no longer be configured. */
    public boolean isExecuted() {
        return executed.get();
    }

    /** 0..1, or -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once the task succeeded, failed or was cancelled (after its callbacks ran). */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    // --- for executors ---

    /**
     * Marks the task as running from now on, so it can be neither configured nor executed again; the executor
     * calls it first, on the caller's thread. {@code sink} gets each report (on the worker thread) with its words.
     */
    void begin(ProgressSink sink) {
        if (!executed.compareAndSet(false, true)) {
            throw new IllegalStateException("a task runs once: build a new one to run it again");
        }
        Words describe = words;
        reporter = (d, t, c) -> sink.reported(d, t, describe.describe(d, t, c));
    }

    /** Where an executor receives the work's reports, already in words (null: keep the text). */
    @FunctionalInterface
    interface ProgressSink {
        void reported(long done, long total, String words);
    }

    /** Runs the work on the calling thread with the task's progress. */
    T runWork() throws Exception {
        return work.run(workProgress);
    }

    void started() {
        running.set(true);
    }

    void updateProgress(double fraction, String text) {
        progress.set(fraction);
        if (text != null) {
            message.set(text);
        }
    }

    void succeeded(T result) {
        running.set(false);
        try {
            onSuccess.accept(result);
        } finally {
            onFinished.run();
            done.set(true);
        }
    }

    /** True when the task had its own failure callback; false asks the executor to report it. */
    boolean failed(Throwable error) {
        running.set(false);
        try {
            if (onFailure != null) {
                onFailure.accept(error);
                return true;
            }
            return false;
        } finally {
            onFinished.run();
            done.set(true);
        }
    }

    void cancelled() {
        running.set(false);
        try {
            onCancelled.run();
        } finally {
            onFinished.run();
            done.set(true);
        }
    }
}
