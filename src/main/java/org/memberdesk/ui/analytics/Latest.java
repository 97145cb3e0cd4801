package org.memberdesk.ui.analytics;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * One computation of a view model at a time, in the background: a newer one cancels the older, whose
 * answer (or failure) is then ignored, so a slow answer never overwrites a newer choice. Loading while
 * the newest runs.
 */
final class Latest<T> {
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private BackgroundTask<T> running;

    Latest(TaskExecutor tasks, Messages messages) {
        this.tasks = tasks;
        this.messages = messages;
    }

    /** Starts {@code work}; {@code result} or {@code problem} (a readable sentence) get its end, if still the newest. */
    void run(Callable<T> work, Consumer<T> result, Consumer<String> problem) {
        if (running != null) {
            running.cancel();
        }
        BackgroundTask<T> mine = BackgroundTask.of(work);
        running = mine;
        loading.set(true);
        mine.onSuccess(answer -> {
            if (mine == running) {
                result.accept(answer);
            }
        }).onFailure(e -> {
            if (mine == running) {
                problem.accept(ErrorText.describe(e, messages));
            }
        }).onFinished(() -> {
            if (mine == running) {
                loading.set(false);
            }
        });
        tasks.execute(mine);
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
