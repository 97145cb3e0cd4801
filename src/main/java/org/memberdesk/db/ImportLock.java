package org.memberdesk.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * "An import or a restore is changing this database": an operating-system lock on {@code <db>.import.lock}
 * next to the database, held for as long as one runs. A second import, or a restore, of the same database is
 * refused meanwhile — a restore under a running import would let the import go on counting rows into data that
 * was just replaced. The OS drops the lock when the process ends, even after kill -9, so it never stays stuck.
 * <p>
 * Not the file {@link DeferredIndexes} locks: on Linux and macOS a process loses every lock it holds on a file
 * as soon as it closes any channel to that file, so two kinds of lock must not share one ({@link ProcessFileLock}).
 */
public final class ImportLock implements AutoCloseable {
    private final ProcessFileLock held;

    private ImportLock(ProcessFileLock held) {
        this.held = held;
    }

    public static Path lockFile(Path database) {
        Path db = database.toAbsolutePath().normalize();
        return db.resolveSibling(db.getFileName() + ".import.lock");
    }

    /** Takes the lock for an import or a restore, or refuses when one is already running on this database. */
    public static ImportLock acquire(Path database) {
        Path file = lockFile(database);
        try {
            return new ImportLock(ProcessFileLock.tryLock(file).orElseThrow(() -> new ImportRunningException(database)));
        } catch (IOException e) {
            throw new DataException("Cannot use the lock file " + file + ": " + Backups.inWords(e), e);
        }
    }

    /** True while an import or a restore of this database runs, in this process or another. */
    public static boolean isHeld(Path database) {
        Path file = lockFile(database);
        if (!Files.exists(file)) {
            return false;
        }
        try {
            Optional<ProcessFileLock> probe = ProcessFileLock.tryLock(file);
            probe.ifPresent(ProcessFileLock::close);
            return probe.isEmpty();
        } catch (IOException e) {
            return false; // a lock file we cannot even open cannot be held by an import of ours either
        }
    }

    @Override
    public void close() {
        held.close();
    }
}
