package org.memberdesk.ui.settings;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.backup.BackupEntry;
import org.memberdesk.backup.BackupFolders;
import org.memberdesk.backup.BackupService;
import org.memberdesk.backup.RestoredBackup;
import org.memberdesk.backup.TakenBackup;
import org.memberdesk.common.Messages;
import org.memberdesk.support.Diagnostics;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * Settings → Data: the backups of the open database (newest first, with the copies found only in the chosen backup
 * folder), back up now, restore one (after a confirmation; the current state is backed up first), the folder for a
 * second copy (a USB drive, another disk), how many to keep, the integrity check, and the diagnostics text for
 * support. All database work runs in the background; what the view shows is read-only here.
 */
public final class DataSettingsViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One line of the backups list, ready to show. */
    public record BackupRow(BackupEntry backup, String text) {
    }

    private final BackupService service;
    private final Diagnostics support;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final DataChanges changes;
    private final ObservableList<BackupRow> backups = FXCollections.observableArrayList();
    private final ObservableList<BackupRow> shownBackups = FXCollections.unmodifiableObservableList(backups);
    private final IntegerProperty keep = new SimpleIntegerProperty(BackupService.DEFAULT_KEEP);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diagnostics = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper besideFolder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper copyFolder = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper copying = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper copyWarning = new ReadOnlyStringWrapper("");

    public DataSettingsViewModel(BackupService service, Diagnostics support, TaskExecutor tasks, DialogService dialogs,
                                 Messages messages, DataChanges changes) {
        this.service = service;
        this.support = support;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.changes = changes;
    }

    public ObservableList<BackupRow> backups() {
        return shownBackups;
    }

    /** Input: how many backups to keep (the spinner); {@link #saveKeep()} stores it. */
    public IntegerProperty keepProperty() {
        return keep;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The diagnostics text, filled by {@link #collectDiagnostics(Runnable)}. */
    public ReadOnlyStringProperty diagnosticsProperty() {
        return diagnostics.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Backups are kept in …": the folder beside the database. */
    public ReadOnlyStringProperty besideFolderProperty() {
        return besideFolder.getReadOnlyProperty();
    }

    /** The chosen backup folder, or the sentence that none is chosen. */
    public ReadOnlyStringProperty copyFolderProperty() {
        return copyFolder.getReadOnlyProperty();
    }

    /** True while a backup folder is chosen ("Stop copying" can be used). */
    public ReadOnlyBooleanProperty copyingProperty() {
        return copying.getReadOnlyProperty();
    }

    /** Empty, or the sentence that the chosen folder is not there now (the USB drive unplugged). */
    public ReadOnlyStringProperty copyWarningProperty() {
        return copyWarning.getReadOnlyProperty();
    }

    public void load() {
        run(BackgroundTask.of(this::listing).onSuccess(this::show));
    }

    public void backUpNow() {
        run(BackgroundTask.of(() -> new Done(service.take(), listing())).onSuccess(done -> {
            show(done.listing());
            TakenBackup taken = done.taken();
            String size = megabytes(taken.bytes());
            String text = taken.copiedTo()
                    .map(copy -> messages.get("backup.done.copied", taken.file().getFileName(), size, copy.getParent()))
                    .orElseGet(() -> messages.get("backup.done", taken.file().getFileName(), size));
            status.set(taken.copyMissed().map(missed -> text + "\n" + missed.describe(messages)).orElse(text));
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
        dialogs.chooseOpenFile(messages.get("backup.restore.choose"), messages.get("file.db"), "*" + service.fileEnding())
                .ifPresent(file -> restoreFile(file, file.toString()));
    }

    private void restoreFile(Path file, String shown) {
        if (!dialogs.confirm(messages.get("backup.restore.confirm.title"), messages.get("backup.restore.confirm", shown))) {
            return;
        }
        run(BackgroundTask.of(() -> new Restored(service.restore(file), listing()))
                .onSuccess(restored -> {
                    show(restored.listing());
                    status.set(messages.get("backup.restore.done", shown,
                            restored.restored().previousState().getFileName()));
                    changes.manyChanged();
                })
                .onFailure(error -> {
                    // a refused file (damaged, foreign, newer) says why in its own words; nothing was changed
                    String message = ErrorText.describe(error, messages);
                    status.set(message);
                    dialogs.showError(messages.get("backup.restore.refused.title"), message);
                }));
    }

    /** Asks for a folder (a USB drive, another disk) and keeps a copy of each daily and manual backup there. */
    public void chooseCopyFolder() {
        dialogs.chooseFolder(messages.get("backup.copy.chooseTitle")).ifPresent(folder -> saveCopyFolder(Optional.of(folder)));
    }

    /** No more copies in another folder; the backups beside the database go on. */
    public void stopCopying() {
        saveCopyFolder(Optional.empty());
    }

    private void saveCopyFolder(Optional<Path> folder) {
        run(BackgroundTask.of(() -> new Chosen(service.setCopyFolder(folder), listing()))
                .onSuccess(chosen -> {
                    show(chosen.listing());
                    status.set(chosen.folder().map(f -> messages.get("backup.copy.saved", f))
                            .orElseGet(() -> messages.get("backup.copy.stopped")));
                })
                .onFailure(error -> {
                    String message = ErrorText.describe(error, messages);
                    status.set(message);
                    dialogs.showError(messages.get("backup.copy.refused.title"), message);
                }));
    }

    public void saveKeep() {
        int chosen = keep.get();
        run(BackgroundTask.of(() -> {
            service.setKeep(chosen);
            return listing();
        }).onSuccess(this::show));
    }

    public void checkIntegrity() {
        run(BackgroundTask.of(service::checkIntegrity).onSuccess(this::showCheck));
    }

    private void showCheck(List<String> problems) {
        if (problems.isEmpty()) {
            status.set(messages.get("backup.check.ok"));
        } else {
            String message = messages.get("backup.check.damaged", String.join("\n", problems));
            status.set(message);
            dialogs.showError(messages.get("backup.check.title"), message);
        }
    }

    /** Gathers the diagnostics in the background, then runs {@code then} (the view copies them). */
    public void collectDiagnostics(Runnable then) {
        run(BackgroundTask.of(support::text).onSuccess(text -> {
            diagnostics.set(text);
            status.set(messages.get("about.diagnostics.copied"));
            then.run();
        }));
    }

    private record Listing(List<BackupEntry> backups, int keep, BackupFolders folders) {
    }

    private record Done(TakenBackup taken, Listing listing) {
    }

    private record Restored(RestoredBackup restored, Listing listing) {
    }

    private record Chosen(Optional<Path> folder, Listing listing) {
    }

    private Listing listing() {
        return new Listing(service.list(), service.keep(), service.folders());
    }

    private void show(Listing listing) {
        backups.setAll(listing.backups().stream().map(this::row).toList());
        keep.set(listing.keep());
        BackupFolders folders = listing.folders();
        besideFolder.set(messages.get("backup.folder", folders.besideDatabase()));
        copying.set(folders.chosen().isPresent());
        copyFolder.set(folders.chosen().map(Path::toString).orElseGet(() -> messages.get("backup.copy.none")));
        copyWarning.set(folders.chosen().filter(f -> !folders.chosenReachable())
                .map(f -> messages.get("backup.copy.absent", f)).orElse(""));
    }

    private BackupRow row(BackupEntry b) {
        String when = b.takenAt().format(TIME);
        String why = messages.get("backup.reason." + b.reason());
        String size = megabytes(b.bytes());
        return new BackupRow(b, b.onlyInChosenFolder()
                ? messages.get("backup.row.copy", when, why, size, b.file().getParent())
                : messages.get("backup.row", when, why, size));
    }

    private <T> void run(BackgroundTask<T> task) {
        busy.set(true);
        tasks.execute(task.onFinished(() -> busy.set(false)));
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
