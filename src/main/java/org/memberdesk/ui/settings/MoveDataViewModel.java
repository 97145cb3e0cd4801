package org.memberdesk.ui.settings;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.common.Messages;
import org.memberdesk.moving.MoveReport;
import org.memberdesk.moving.ShopMove;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * Settings → Data → Move the data (issue 21, item 4): a shop on one computer moves onto an empty PostgreSQL database
 * (several counters, several stores), a shop on a server moves into a new file. The copy runs in the background with
 * progress and Stop; it is checked (counts, points ledger, money, the operation log) before it is kept, and a stop or
 * a failure leaves the target empty. The shop keeps working on where it is now: the owner then connects the counters
 * to the new place (File → Connect to a server…, or Open).
 */
public final class MoveDataViewModel {
    private final ShopMove move;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public MoveDataViewModel(ShopMove move, TaskExecutor tasks, DialogService dialogs, Messages messages) {
        this.move = move;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /** True when the shop is on a server now: the move offered is into a new file. */
    public boolean fromServer() {
        return move.fromServer();
    }

    /** What the last move did, or why it did not, in the shop's words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Moves the shop onto the empty server database at {@code location} (the password as typed, or empty). */
    public void moveToServer(String location, String password) {
        run(ShopMove.withPassword(location, password), location);
    }

    /** Asks for a new file, then moves the shop from the server into it. */
    public void moveToFile() {
        dialogs.chooseSaveFile(messages.get("move.file.choose"), "memberdesk.db", messages.get("file.db"), "*.db")
                .ifPresent(file -> run(file.toString(), file.toString()));
    }

    private void run(String target, String shown) {
        busy.set(true);
        status.set("");
        BackgroundTask<MoveReport> task = BackgroundTask.of(progress -> move.to(target, progress))
                .words((done, total, tables) -> messages.get("move.progress", done, Math.max(total, done)))
                .onSuccess(report -> status.set(messages.get("move.done", report.rows(), report.to(),
                        report.took().toSeconds())))
                .onFailure(failure -> status.set(messages.get("move.failed", shown, explain(failure))))
                .onCancelled(() -> status.set(messages.get("move.stopped", shown)))
                .onFinished(() -> busy.set(false));
        tasks.execute(task);
        dialogs.showProgress(messages.get("move.title"), task);
    }

    private String explain(Throwable failure) {
        return failure instanceof org.memberdesk.common.Explained explained ? explained.explain(messages)
                : String.valueOf(failure.getMessage());
    }

    /** For tests: a file target without the chooser. */
    void moveToFile(Path file) {
        run(file.toString(), file.toString());
    }
}
