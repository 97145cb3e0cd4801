package org.memberdesk.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.memberdesk.db.Backup;
import org.memberdesk.db.BackupReason;
import org.memberdesk.db.Backups;
import org.memberdesk.db.Database;
import org.memberdesk.db.IntegrityReport;
import org.memberdesk.db.RestoreRefusedException;
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
 */
public final class BackupService {
    /** How many backups are kept unless a person chooses (Settings → Data, {@code backups --keep}). */
    public static final int DEFAULT_KEEP = Backups.DEFAULT_KEEP;
    /** The most a person may choose to keep. */
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

    /** Backups are kept per database: this folder beside it. */
    public Path folder() {
        return backups.folder();
    }

    /** The backups in the folder, newest first. */
    public List<BackupFile> list() {
        return backups.list().stream().map(BackupFile::of).toList();
    }

    /** How many backups are kept (older ones are removed when a new one is taken). */
    public int keep() {
        return backups.keep();
    }

    /** Checks the open database file; reads only, so anyone at the computer may. */
    public DataCheck checkIntegrity() {
        IntegrityReport report = backups.checkIntegrity();
        return new DataCheck(report.ok(), report.problems());
    }

    /** "Back up now": a manual backup, logged with its file and size. */
    public BackupFile take() {
        session.require(Permission.BACKUP);
        Backup backup = backups.take(BackupReason.MANUAL);
        if (!database.rescue()) { // a damaged file opened read-only takes no entry; its backup matters more
            log.record(OperationLog.Entry.of(Operation.BACKUP, null, String.valueOf(backup.file().getFileName()),
                    backup.bytes() + " bytes"));
        }
        return BackupFile.of(backup);
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
        return new RestoredBackup(restored.from(), BackupFile.of(restored.previousState()));
    }

    /**
     * Whether a restore stopped because of the file itself (damaged, not a MemberDesk database, made by a newer
     * version): nothing was changed, and the windows say so under their own title.
     */
    public static boolean refusedTheFile(Throwable error) {
        return error instanceof RestoreRefusedException;
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
