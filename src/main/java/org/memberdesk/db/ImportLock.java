package org.memberdesk.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * "An import or a restore is changing this database": an operating-system lock on {@code <db>.import.lock}
 * next to the database, held for as long as one runs. A second import, or a restore, of the same database is
 * refused meanwhile — a restore under a running import would let the import go on counting rows into data that
 * was just replaced. The OS drops the lock when the process ends, even after kill -9, so it never stays stuck.
 * <p>
 * Not the file {@link DeferredIndexes} locks: on Linux and macOS a process loses every lock it holds on a file
 * as soon as it closes any channel to that file, so two kinds of lock must not share one. For the same reason
 * {@link #HELD} remembers the locks this process holds, and a check never opens a lock file held here.
 */
public final class ImportLock implements AutoCloseable {
    /**
     * The lock files this process holds. Static on purpose: operating-system locks belong to the whole process,
     * not to one {@link Database} object, and a check from another object of the same file must see them.
     * Guarded by itself.
     */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ImportLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static Path lockFile(Path database) {
        Path db = database.toAbsolutePath().normalize();
        return db.resolveSibling(db.getFileName() + ".import.lock");
    }

    /** Takes the lock for an import or a restore, or refuses when one is already running on this database. */
    public static ImportLock acquire(Path database) {
        Path file = lockFile(database);
        synchronized (HELD) {
            if (HELD.contains(file)) {
                throw new ImportRunningException(database);
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PrivateFiles.fileAttributes(file)); // a new lock file is private, as every file beside the data
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    throw new ImportRunningException(database);
                }
                HELD.add(file);
                return new ImportLock(file, channel, lock);
            } catch (OverlappingFileLockException e) {
                closeQuietly(channel);
                throw new ImportRunningException(database);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new DataException("Cannot use the lock file " + file + ": " + Backups.inWords(e), e);
            }
        }
    }

    /** True while an import or a restore of this database runs, in this process or another. */
    public static boolean isHeld(Path database) {
        Path file = lockFile(database);
        synchronized (HELD) {
            if (HELD.contains(file)) {
                return true;
            }
            if (!Files.exists(file)) {
                return false;
            }
            // nothing in this process holds this file, so opening and closing it drops no lock of ours
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                FileLock probe = channel.tryLock();
                if (probe == null) {
                    return true;
                }
                probe.release();
                return false;
            } catch (OverlappingFileLockException e) {
                return true;
            } catch (IOException e) {
                return false; // a lock file we cannot even open cannot be held by an import of ours either
            }
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            try {
                lock.release();
            } catch (IOException e) {
                // closing the channel below releases it all the same
            }
            closeQuietly(channel);
            HELD.remove(file);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
