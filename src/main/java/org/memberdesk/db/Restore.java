package org.memberdesk.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One restore of {@link Backups#restore}. The chosen file is tried on a copy first ({@link RestoreTrial}: history,
 * migration to this version, integrity, every table, the features' checks); a file that fails is refused with
 * {@link RestoreRefusedException} before anything was changed or backed up. Refused too: the open database itself
 * (by any path: {@code ..}, a symlink, a hard link, its -wal/-shm), and any restore while an import runs
 * ({@link ImportLock}, held for the whole restore so no import starts under it). Then the current state is backed
 * up (reason {@code before-restore}) and the checked, already up-to-date copy is put in with the online backup API
 * (other open connections see the new data, no file is swapped under them, no migration is left to do). On a file
 * opened for rescue that SQLite cannot even write into, the copy replaces the file whole, with the window lock held.
 */
final class Restore {
    private static final Logger LOG = Logger.getLogger(Restore.class.getName());

    private final Database database;
    private final Backups backups;
    private final List<RestoreCheck> checks;
    private final Clock clock;

    Restore(Database database, Backups backups, List<RestoreCheck> checks, Clock clock) {
        this.database = database;
        this.backups = backups;
        this.checks = checks;
        this.clock = clock;
    }

    Backups.Restored run(Path file) {
        Path chosen = file.toAbsolutePath().normalize();
        String shown = chosen.toString();
        if (!Files.isRegularFile(chosen)) {
            throw new RestoreRefusedException("restore.refused.missing", shown);
        }
        refuseTheDatabaseItself(chosen, shown);
        ImportLock running;
        try {
            running = ImportLock.acquire(database.file());
        } catch (ImportRunningException e) {
            throw new RestoreRefusedException("restore.refused.importRunning", shown);
        }
        Path folder = null;
        try (running) {
            folder = Leftovers.newRestoreFolder(database.file());
            Path ready = RestoreTrial.prepare(chosen, folder, shown, checks);
            Backup safety = keepCurrentState();
            replaceWith(ready, safety);
            backups.rotateQuietly();
            LOG.info(() -> "restored " + shown + " (previous state in " + safety.file() + ")");
            return new Backups.Restored(chosen, safety);
        } catch (IOException e) {
            throw new DataException("Cannot restore " + shown + ": " + Backups.inWords(e) + ". Nothing was changed.", e);
        } finally {
            Leftovers.deleteTree(folder);
        }
    }

    /** The live database, its journal files, by whatever path: a restore would read what it overwrites. */
    private void refuseTheDatabaseItself(Path chosen, String shown) {
        Path live = database.file();
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Path part = live.resolveSibling(live.getFileName() + suffix);
            if (chosen.equals(part.normalize()) || sameFile(chosen, part)) {
                throw new RestoreRefusedException("restore.refused.same", shown);
            }
        }
    }

    /** Same file through symlinks and hard links (same device and inode), as the operating system sees it. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The before-restore backup. SQLite's online copy where it can read the file; a file opened for rescue that
     * SQLite cannot read is kept byte for byte instead (nobody else writes it then). If neither works the restore
     * stops here, before anything changed.
     */
    private Backup keepCurrentState() {
        try {
            return backups.copy(BackupReason.BEFORE_RESTORE);
        } catch (DataException e) {
            if (!database.rescue()) {
                throw new DataException("The restore did not start: the current data could not be backed up first ("
                        + e.getMessage() + "). Nothing was changed.", e);
            }
            try {
                return copyAsIs(BackupReason.BEFORE_RESTORE);
            } catch (IOException io) {
                throw new DataException("The restore did not start: the current data could not be backed up first ("
                        + Backups.inWords(io) + "). Nothing was changed.", io);
            }
        }
    }

    private void replaceWith(Path ready, Backup safety) {
        SQLException online;
        try (Connection connection = database.connectToReplace()) {
            OnlineCopy.copyFrom(ready, connection);
            return;
        } catch (SQLException e) {
            online = e;
        } catch (DataException e) {
            online = e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
        }
        if (!database.rescue()) {
            // SQLite copies in one transaction: a copy that stops is rolled back, and the state before is kept too
            throw new DataException("The restore stopped: " + Database.describe(online)
                    + ". The data before the restore is in " + safety.file(), online);
        }
        replaceFile(ready, safety, online);
    }

    /** The rescue's last resort: the file SQLite cannot write into is replaced whole by the checked copy. */
    private void replaceFile(Path ready, Backup safety, SQLException why) {
        Path live = database.file();
        Optional<DatabaseLock> window = DatabaseLock.tryAcquire(live);
        if (window.isEmpty()) {
            throw new DataException("The restore stopped: " + Database.describe(why) + ", and the database is open"
                    + " in a MemberDesk window. The data before the restore is in " + safety.file(), why);
        }
        List<Path[]> movedAside = new ArrayList<>();
        try (DatabaseLock held = window.get()) {
            // the old journal belongs to the old file: applied to the new one it would damage it. It goes aside
            // (beside the copy, same disk) and comes back if the file cannot be replaced
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                Path journal = live.resolveSibling(live.getFileName() + suffix);
                if (Files.exists(journal)) {
                    Path aside = ready.resolveSibling("old" + suffix);
                    Files.move(journal, aside, StandardCopyOption.ATOMIC_MOVE);
                    movedAside.add(new Path[] {aside, journal});
                }
            }
            Files.move(ready, live, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info(() -> "replaced " + live + " as a whole (" + why.getMessage() + ")");
        } catch (IOException e) {
            boolean putBack = true;
            for (Path[] move : movedAside) {
                try {
                    Files.move(move[0], move[1], StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException again) {
                    putBack = false;
                }
            }
            throw new DataException("The restore stopped: the file " + live + " could not be replaced ("
                    + Backups.inWords(e) + ")" + (putBack ? "; it is as it was" : "")
                    + ". The data before the restore is in " + safety.file(), e);
        }
    }

    /** The database file (and its -wal) byte for byte, for a file SQLite cannot read; only when no one writes it. */
    private Backup copyAsIs(BackupReason reason) throws IOException {
        LocalDateTime now = LocalDateTime.now(clock);
        Files.createDirectories(backups.folder());
        Path target = backups.freeName(now, reason);
        Path partial = Leftovers.partial(target);
        Path live = database.file();
        Path wal = live.resolveSibling(live.getFileName() + "-wal");
        try {
            Files.copy(live, partial, StandardCopyOption.REPLACE_EXISTING);
            if (Files.isRegularFile(wal)) {
                Files.copy(wal, target.resolveSibling(target.getFileName() + "-wal"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new Backup(target, now, reason, Files.size(target));
    }
}
