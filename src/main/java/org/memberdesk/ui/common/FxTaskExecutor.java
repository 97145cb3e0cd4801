package org.memberdesk.ui.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.concurrent.Task;
import java.util.function.Consumer;
import org.memberdesk.staff.NotAllowedException;

/**
 * Runs tasks on a small pool of daemon threads (the machine may have two cores and SQLite serialises
 * writes anyway) and delivers every callback on the JavaFX thread.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = Logger.getLogger(FxTaskExecutor.class.getName());

    private final ExecutorService pool;
    private final DialogService dialogs;
    private final Consumer<NotAllowedException> refusals;

    public FxTaskExecutor(DialogService dialogs, int threads) {
        this(dialogs, threads, refused -> { });
    }

    /**
     * With what to do, on the task's own thread, when a service refuses the staff member acting (the windows log the
     * attempt): called after the refusal has left every transaction, before it is shown in words.
     */
    public FxTaskExecutor(DialogService dialogs, int threads, Consumer<NotAllowedException> refusals) {
        this.dialogs = dialogs;
        this.refusals = refusals;
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "memberdesk-task-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        Job<T> fxTask = new Job<>(task);
        task.begin(fxTask::reported);
        fxTask.progressProperty().addListener((obs, old, now) ->
                task.updateProgress(now.doubleValue(), fxTask.getMessage()));
        fxTask.messageProperty().addListener((obs, old, now) ->
                task.updateProgress(fxTask.getProgress(), now));
        fxTask.setOnSucceeded(event -> {
            if (task.isCancelRequested()) {
                task.cancelled();
            } else {
                task.succeeded(fxTask.getValue());
            }
        });
        fxTask.setOnCancelled(event -> task.cancelled());
        fxTask.setOnFailed(event -> {
            Throwable error = fxTask.getException();
            if (task.isCancelRequested() && error instanceof CancellationException) {
                // the work stopped where it noticed the cancel (Progress.throwIfCancelled): not a failure
                task.cancelled();
                return;
            }
            if (error instanceof NotAllowedException refused && refused.refusedActor().isEmpty()
                    && "staff.refused.nobody".equals(refused.textKey())) {
                // work a change started behind the locked window (a refit announcing new figures, another
                // screen's save) while nobody is signed in: the sign-in covers the window, and the screens read
                // again once someone signs in. Nothing to tell anyone.
                LOG.fine(() -> "skipped while nobody is signed in: " + refused.getMessage());
                task.failed(error);
                return;
            }
            LOG.log(Level.WARNING, "Background work failed", error);
            if (!task.failed(error)) {
                dialogs.showError(error);
            }
        });
        // Cancelling asks the work through its Progress: work that polls finishes its batch and returns;
        // interrupting a JDBC call mid-statement would leave SQLite's state to chance.
        runOnFx(task::started);
        pool.execute(fxTask);
        return task;
    }

    /** One task's run on the pool; Task hands its progress and message to the FX thread, coalesced. */
    private final class Job<T> extends Task<T> {
        private final BackgroundTask<T> task;

        Job(BackgroundTask<T> task) {
            this.task = task;
        }

        @Override
        protected T call() throws Exception {
            try {
                return task.runWork();
            } catch (NotAllowedException refused) {
                try {
                    refusals.accept(refused);
                } catch (RuntimeException notKept) {
                    refused.addSuppressed(notKept);
                }
                throw refused;
            }
        }

        void reported(long done, long total, String words) {
            if (total > 0) {
                updateProgress(done, total);
            } else {
                updateProgress(-1, 1);
            }
            if (words != null) {
                updateMessage(words);
            }
        }
    }

    private static void runOnFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
