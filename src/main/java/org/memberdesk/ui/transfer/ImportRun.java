package org.memberdesk.ui.transfer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Progress;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.io.ImportResult;
import org.memberdesk.io.ImportResult.RejectedReason;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.UiContext;

/**
 * The wizard's import run: in the background through the context's task runner, with progress, a stop that keeps
 * the batches already saved, and the result with why rows were rejected. The mapping used is remembered by the
 * file's header when the importer returns (finished or stopped).
 */
final class ImportRun {
    private static final Logger LOG = Logger.getLogger(ImportRun.class.getName());

    private final UiContext context;
    private final ReportOpener reportOpener;
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObjectProperty<ImportResult> result = new SimpleObjectProperty<>();
    private final BooleanProperty cancelRequested = new SimpleBooleanProperty(false);
    private final ObservableList<RejectedReason> rejectedReasons = FXCollections.observableArrayList();
    private BackgroundTask<ImportResult> running;

    ImportRun(UiContext context, ReportOpener reportOpener) {
        this.context = context;
        this.reportOpener = reportOpener;
    }

    /**
     * Starts the import; {@code ended} gets true on the FX thread when there is a result to show (finished or
     * stopped), false when the import failed (the error is shown) or was stopped before it returned anything.
     */
    void start(ImportKind kind, Path path, ImportOptions options, List<String> header, Map<String, String> chosen,
               Consumer<Boolean> ended) {
        AtomicReference<ImportResult> finished = new AtomicReference<>();
        result.set(null);
        rejectedReasons.clear();
        cancelRequested.set(false);
        progress.set(-1);
        progressText.set(context.text("wizard.run.starting"));
        BackgroundTask<ImportResult> task = BackgroundTask.of((Progress importProgress) -> {
            ImportResult done = switch (kind) {
                case MEMBERS -> context.app().memberImporter().importFile(path, options, importProgress,
                        context.messages());
                case PURCHASES -> context.app().purchaseImporter().importFile(path, options, importProgress,
                        context.messages());
                case CARDS -> context.app().cardImporter().importFile(path, options, importProgress,
                        context.messages());
            };
            remember(kind, header, chosen);
            finished.set(done);
            return done;
        });
        task.progressProperty().addListener((obs, old, now) -> progress.set(now.doubleValue()));
        task.messageProperty().addListener((obs, old, now) -> progressText.set(now));
        task.words(rowsRead(context))
                .onSuccess(done -> ended.accept(finish(done)))
                // the importer returns its counts even when cancelled; the executor reports a cancel without them
                .onCancelled(() -> ended.accept(finish(finished.get())))
                .onFailure(error -> {
                    context.dialogs().showError(error);
                    ended.accept(false);
                })
                .onFinished(() -> running = null);
        running = task;
        context.tasks().execute(task);
    }

    /** The next file with this header gets this mapping: the person's choice, not the guess. */
    private void remember(ImportKind kind, List<String> header, Map<String, String> chosen) {
        try {
            context.app().importMappings().remember(kind.code(), header, chosen);
        } catch (RuntimeException e) {
            // a convenience for next time: the import itself is done, its summary must not be lost over this
            LOG.log(Level.WARNING, "the column mapping could not be remembered", e);
        }
    }

    /** Keeps a finished (or stopped) import's result and why its rows were rejected; false when there is none. */
    boolean finish(ImportResult done) {
        if (done == null) {
            return false;
        }
        rejectedReasons.setAll(done.rejectedByReason());
        result.set(done);
        if (done.imported() > 0) {
            context.changes().manyChanged();
        }
        return true;
    }

    /** How an import's or export's progress reads beside the bar: the rows read so far. */
    static BackgroundTask.Words rowsRead(UiContext context) {
        return (done, total, rows) -> context.text("import.progress.rows", rows);
    }

    /** Stops the running import after rolling back the batch it is in. */
    void cancel() {
        if (running != null) {
            cancelRequested.set(true);
            progressText.set(context.text("task.cancelling"));
            running.cancel();
        }
    }

    boolean isRunning() {
        return running != null;
    }

    boolean hasReport() {
        ImportResult done = result.get();
        return done != null && done.rejected() > 0 && done.report() != null;
    }

    void openReport() {
        if (hasReport()) {
            reportOpener.open(result.get().report());
        }
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    StringProperty progressTextProperty() {
        return progressText;
    }

    BooleanProperty cancelRequestedProperty() {
        return cancelRequested;
    }

    ObservableList<RejectedReason> rejectedReasons() {
        return rejectedReasons;
    }

    ObjectProperty<ImportResult> resultProperty() {
        return result;
    }
}
