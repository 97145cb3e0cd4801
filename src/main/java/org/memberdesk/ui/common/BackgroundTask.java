package org.memberdesk.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A piece of work that must not run on the JavaFX thread, with what should happen when it ends.
 * Callbacks and the progress properties are only touched on the thread the {@link TaskExecutor}
 * chooses for them (the FX thread in the app, the caller's thread in tests), so views bind to them.
 */
public final class BackgroundTask<T> {

    /** The work itself; runs on a worker thread and may report progress or notice a cancel. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskProgress progress) throws Exception;
    }

    private final Work<T> work;
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private volatile boolean cancelRequested;
    private volatile Runnable canceller = () -> { };

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
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Without a failure callback the executor shows the error in a dialog. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        this.onFailure = callback;
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable callback) {
        this.onCancelled = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs after success, failure or cancel: where a view re-enables its buttons. */
    public BackgroundTask<T> onFinished(Runnable callback) {
        this.onFinished = Objects.requireNonNull(callback);
        return this;
    }

    public void cancel() {
        cancelRequested = true;
        canceller.run();
    }

    public boolean isCancelRequested() {
        return cancelRequested;
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

    Work<T> work() {
        return work;
    }

    void canceller(Runnable cancel) {
        this.canceller = cancel;
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
