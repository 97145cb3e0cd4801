package org.memberdesk.ui.settings;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.backup.BackupFile;
import org.memberdesk.backup.BackupService;
import org.memberdesk.backup.DataCheck;
import org.memberdesk.backup.RestoredBackup;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.UiContext;

/**
 * Settings → Data: the backups of the open database (newest first), back up now, restore one
 * (after a confirmation; the current state is backed up first), how many to keep, the integrity
 * check, and the diagnostics text for support. All database work runs in the background.
 */
public final class DataSettingsViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One line of the backups list, ready to show. */
    public record BackupRow(BackupFile backup, String text) {
    }

    private final UiContext context;
    private final ObservableList<BackupRow> backups = FXCollections.observableArrayList();
    private final IntegerProperty keep = new SimpleIntegerProperty(BackupService.DEFAULT_KEEP);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty diagnostics = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public DataSettingsViewModel(UiContext context) {
        this.context = context;
    }

    public ObservableList<BackupRow> backups() {
        return backups;
    }

    public IntegerProperty keepProperty() {
        return keep;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The diagnostics text, filled by {@link #collectDiagnostics(Runnable)}. */
    public StringProperty diagnosticsProperty() {
        return diagnostics;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public Path backupsFolder() {
        return context.app().backupService().folder();
    }

    public void load() {
        run(BackgroundTask.of(() -> new Listing(context.app().backupService().list(),
                context.app().backupService().keep()))
                .onSuccess(this::show));
    }

    public void backUpNow() {
        run(BackgroundTask.of(() -> {
            BackupFile backup = context.app().backupService().take();
            return new Done(backup, listing());
        }).onSuccess(done -> {
            show(done.listing());
            status.set(context.text("backup.done", done.backup().file().getFileName(), megabytes(done.backup().bytes())));
        }));
    }

    /** Restores the chosen backup after the person confirms. */
    public void restore(BackupRow row) {
        if (row != null) {
            restoreFile(row.backup().file(), row.text());
        }
    }

    /** Restores a file picked from disk (a backup copied from another computer or a USB stick). */
    public void restoreFromFile() {
        context.dialogs().chooseOpenFile(context.text("backup.restore.choose"), context.text("file.db"), "*.db")
                .ifPresent(file -> restoreFile(file, file.toString()));
    }

    private void restoreFile(Path file, String shown) {
        if (!context.dialogs().confirm(context.text("backup.restore.confirm.title"),
                context.text("backup.restore.confirm", shown))) {
            return;
        }
        run(BackgroundTask.of(() -> new Restored(context.app().backupService().restore(file), listing()))
                .onSuccess(restored -> {
                    show(restored.listing());
                    status.set(context.text("backup.restore.done", shown,
                            restored.restored().previousState().file().getFileName()));
                    context.changes().manyChanged();
                })
                .onFailure(error -> {
                    if (BackupService.refusedTheFile(error)) {
                        String message = ErrorText.describe(error, context.messages());
                        status.set(message);
                        context.dialogs().showError(context.text("backup.restore.refused.title"), message);
                    } else {
                        context.dialogs().showError(error);
                    }
                }));
    }

    public void saveKeep() {
        int chosen = keep.get();
        run(BackgroundTask.of(() -> {
            context.app().backupService().setKeep(chosen);
            return listing();
        }).onSuccess(this::show));
    }

    public void checkIntegrity() {
        run(BackgroundTask.of(() -> context.app().backupService().checkIntegrity()).onSuccess(this::showCheck));
    }

    private void showCheck(DataCheck report) {
        if (report.ok()) {
            status.set(context.text("backup.check.ok"));
        } else {
            String message = context.text("backup.check.damaged", String.join("\n", report.problems()));
            status.set(message);
            context.dialogs().showError(context.text("backup.check.title"), message);
        }
    }

    /** Gathers the diagnostics in the background, then runs {@code then} (the view copies them). */
    public void collectDiagnostics(Runnable then) {
        run(BackgroundTask.of(() -> context.app().diagnostics().text()).onSuccess(text -> {
            diagnostics.set(text);
            status.set(context.text("about.diagnostics.copied"));
            then.run();
        }));
    }

    private record Listing(List<BackupFile> backups, int keep) {
    }

    private record Done(BackupFile backup, Listing listing) {
    }

    private record Restored(RestoredBackup restored, Listing listing) {
    }

    private Listing listing() {
        return new Listing(context.app().backupService().list(), context.app().backupService().keep());
    }

    private void show(Listing listing) {
        backups.setAll(listing.backups().stream().map(b -> new BackupRow(b, context.text("backup.row",
                b.takenAt().format(TIME), context.text("backup.reason." + b.reason()), megabytes(b.bytes()))))
                .toList());
        keep.set(listing.keep());
    }

    private <T> void run(BackgroundTask<T> task) {
        busy.set(true);
        context.tasks().execute(task.onFinished(() -> busy.set(false)));
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
