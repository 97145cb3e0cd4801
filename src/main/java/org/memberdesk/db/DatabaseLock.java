package org.memberdesk.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * "This database is open in a MemberDesk window": an operating-system lock on {@code <db>.lock}
 * next to the database, held by the window's process for as long as it runs. The OS drops it when
 * the process ends, even after a crash or kill -9, so a stale file never locks anybody out.
 * <p>
 * The lock covers one byte far past the end of the file, never the text in it: Windows locks are
 * mandatory, and a second start must still read the note (how to reach the running window).
 * The file is never deleted: deleting it while another process is about to lock it would let two
 * processes each hold a lock on a different file of the same name.
 */
public final class DatabaseLock implements AutoCloseable {
    private static final long REGION = 1L << 62;
    /**
     * The lock files this process holds. The operating system keeps such locks per process, and on Linux closing
     * ANY channel to the file drops them all: asking a second time in the same process (a window opening the
     * database another window of this process has open) must be answered here, without opening the file again —
     * else the first window silently loses its lock and a command-line restore would run under it. State of the
     * process, like the OS locks it mirrors.
     */
    private static final java.util.Set<Path> HELD = new java.util.HashSet<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private DatabaseLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static Path lockFile(Path database) {
        Path db = database.toAbsolutePath().normalize();
        try {
            // one lock file per database, however it is reached: a window opened through a link and one opened by
            // the file's own name must keep each other out
            db = db.toRealPath();
        } catch (IOException e) {
            // not there yet: its name as given
        }
        return db.resolveSibling(db.getFileName() + ".lock");
    }

    /** Takes the lock, or empty when another process (or another window of this one) holds it. */
    public static Optional<DatabaseLock> tryAcquire(Path database) {
        Path file = lockFile(database);
        synchronized (HELD) {
            if (HELD.contains(file)) {
                return Optional.empty();
            }
            Optional<DatabaseLock> taken = open(file);
            taken.ifPresent(lock -> HELD.add(file));
            return taken;
        }
    }

    private static Optional<DatabaseLock> open(Path file) {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), PrivateFiles.fileAttributes(file));
            FileLock lock = channel.tryLock(REGION, 1, false);
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new DatabaseLock(file, channel, lock));
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DataException("Cannot use the lock file " + file + ": " + e.getMessage(), e);
        }
    }

    /** True when some process holds the lock right now (a window has this database open). */
    public static boolean isHeld(Path database) {
        if (!Files.exists(lockFile(database))) {
            return false;
        }
        Optional<DatabaseLock> probe = tryAcquire(database);
        probe.ifPresent(DatabaseLock::close);
        return probe.isEmpty();
    }

    /** Leaves a short note for a second start (e.g. the port to ask the window to come forward). */
    public void writeNote(String note) {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new DataException("Cannot write the lock file " + file + ": " + e.getMessage(), e);
        }
    }

    public static Optional<String> readNote(Path database) {
        try {
            return Optional.of(Files.readString(lockFile(database), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                lock.release();
            } catch (IOException e) {
                // the channel closes below, which releases it all the same
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
