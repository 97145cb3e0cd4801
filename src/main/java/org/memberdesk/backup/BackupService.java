package org.memberdesk.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.memberdesk.common.Problem;
import org.memberdesk.db.Backup;
import org.memberdesk.db.BackupCopies;
import org.memberdesk.db.BackupReason;
import org.memberdesk.db.Backups;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.LogStore;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * Backups a person takes and restores (Settings → Data, {@code backup}, {@code restore}, {@code backups --keep}):
 * the owner's alone ({@link Permission#BACKUP}, {@link Permission#RESTORE}, {@link Permission#SETTINGS}), refused
 * before anything is copied, and each one an entry of the operation log. {@link Backups} itself stays in {@code db},
 * which the staff package builds on, so the check and the entry live one level up, here; the app's own backups
 * (the daily one, before an import, before a migration) go straight to {@link Backups}: not a person's action,
 * neither checked nor logged.
 * <p>
 * It is also what the windows know of backups: Settings → Data reads the list, the folders and the check through
 * here, in the backup package's own records, so {@code ui} never uses {@code db}.
 */
public final class BackupService {
    public static final int DEFAULT_KEEP = Backups.DEFAULT_KEEP;
    public static final int MAX_KEEP = Backups.MAX_KEEP;

    private final Database database;
    private final Backups backups;
    private final StaffSession session;
    private final OperationLog log;
    private final Clock clock;

    public BackupService(Database database, Backups backups, StaffSession session, OperationLog log, Clock clock) {
        this.database = database;
        this.backups = backups;
        this.session = session;
        this.log = log;
        this.clock = clock;
    }

    /** "Back up now": a manual backup beside the database and its copy in the chosen folder, logged. */
    public TakenBackup take() {
        return take(Optional.empty());
    }

    /**
     * As {@link #take()}, the copy going to {@code copyTo} when given (the command line's {@code backup --to DIR},
     * this once) instead of the chosen folder. A folder that is not there leaves the backup beside the database
     * alone, and the result says so.
     */
    public TakenBackup take(Optional<Path> copyTo) {
        session.require(Permission.BACKUP);
        Backups.Taken taken = backups.take(BackupReason.MANUAL, copyTo);
        Backup backup = taken.backup();
        if (!database.rescue()) { // a damaged file opened read-only takes no entry; its backup matters more
            String copy = taken.copy().map(outcome -> outcome instanceof BackupCopies.Copied copied
                    ? "; copied to " + copied.folder() : "; not copied to " + outcome.folder()).orElse("");
            log.record(OperationLog.Entry.of(Operation.BACKUP, null, String.valueOf(backup.file().getFileName()),
                    backup.bytes() + " bytes" + copy));
        }
        Optional<Path> copiedTo = taken.copy().filter(BackupCopies.Copied.class::isInstance)
                .map(outcome -> ((BackupCopies.Copied) outcome).file());
        Optional<Problem> missed = taken.copy().filter(BackupCopies.NotCopied.class::isInstance)
                .map(outcome -> (BackupCopies.NotCopied) outcome)
                .map(not -> Problem.of("folder", not.key(), not.args()));
        return new TakenBackup(entry(backup, false), copiedTo, missed);
    }

    /**
     * The backups beside the database, then those found only in the chosen folder (when it is there), newest
     * first: a copy on the USB drive can be restored after the ones beside the database were thinned out or lost.
     */
    public List<BackupEntry> list() {
        List<BackupEntry> entries = new ArrayList<>();
        Set<String> beside = new HashSet<>();
        for (Backup backup : backups.list()) {
            entries.add(entry(backup, false));
            beside.add(backup.file().getFileName().toString());
        }
        Optional<Path> chosen = backups.copies().folder();
        if (chosen.isPresent() && backups.copies().reachable(chosen.get())) {
            for (Backup copy : backups.copies().list(chosen.get())) {
                if (!beside.contains(copy.file().getFileName().toString())) {
                    entries.add(entry(copy, true));
                }
            }
        }
        entries.sort(Comparator.comparing(BackupEntry::takenAt).reversed());
        return entries;
    }

    /** A backup file's ending: {@code .db} (a SQLite copy) or {@code .dump} (pg_dump's, for a server database). */
    public String fileEnding() {
        return backups.fileEnding();
    }

    /** How many backups are kept (beside the database, and as many copies in the chosen folder). */
    public int keep() {
        return backups.keep();
    }

    /** The folder beside the database, the chosen one and whether it is there now. */
    public BackupFolders folders() {
        Optional<Path> chosen = backups.copies().folder();
        return new BackupFolders(backups.folder(), chosen, chosen.map(backups.copies()::reachable).orElse(false));
    }

    /**
     * The folder for a second copy of the daily and manual backups (a USB drive, another disk), or none: a setting
     * of the owner's, kept in the database with its operation log entry in one transaction. A folder that is not
     * there now, cannot be written, or is the backups folder itself is refused in words and nothing changes.
     */
    public Optional<Path> setCopyFolder(Optional<Path> folder) {
        session.require(Permission.SETTINGS);
        Optional<Path> checked = folder.map(backups.copies()::checkChoice);
        Optional<Path> before = backups.copies().folder();
        if (before.equals(checked)) {
            return checked;
        }
        database.write(connection -> {
            backups.copies().storeFolder(connection, checked);
            log.record(connection, OperationLog.Entry.of(Operation.SETTINGS, null, "backup folder",
                    before.map(Path::toString).orElse("none") + " → " + checked.map(Path::toString).orElse("none")));
            return null;
        });
        return checked;
    }

    /** The live database checked (SQLite's integrity and foreign-key checks): the problems found, none when sound. */
    public List<String> checkIntegrity() {
        return backups.checkIntegrity().problems();
    }

    /**
     * Puts a backup in place of the data ({@link Backups#restore}), then logs it in the restored database: the log
     * that was replaced went with the data it described (it is in the before-restore backup), and the restored
     * log goes on from where the backup left it, so its chain still verifies. The entry names who restored by name
     * only: the staff rows are the backup's now, where their number may be someone else's or no one's.
     */
    public RestoredBackup restore(Path file) {
        session.require(Permission.RESTORE);
        Actor actor = session.current();
        Backups.Restored restored = backups.restore(file);
        Actor byName = new Actor(null, actor.name(), actor.role());
        OperationLog.Entry entry = OperationLog.Entry.of(Operation.RESTORE, null,
                String.valueOf(restored.from().getFileName()), "restored " + restored.from() + "; the data before is in "
                        + restored.previousState().file().getFileName());
        // a file opened for rescue is read-only here: the restored file, sound now, is opened again to write it
        Database into = database.rescue() ? Database.open(database.file()) : database;
        OperationLog restoredLog = into == database ? log : new OperationLog(into, new LogStore(), session, clock);
        into.write(connection -> {
            restoredLog.record(connection, entry, byName);
            return null;
        });
        return new RestoredBackup(restored.from(), restored.previousState().file());
    }

    private static BackupEntry entry(Backup backup, boolean onlyInChosenFolder) {
        return new BackupEntry(backup.file(), backup.takenAt(), backup.reason().tag(), backup.bytes(),
                onlyInChosenFolder);
    }

    /** How many backups are kept: a setting of the owner's, logged before → after. */
    public void setKeep(int keep) {
        session.require(Permission.SETTINGS);
        int before = backups.keep();
        backups.setKeep(keep);
        if (before != keep) {
            log.record(OperationLog.Entry.of(Operation.SETTINGS, null, "backups kept", before + " → " + keep));
        }
    }
}
