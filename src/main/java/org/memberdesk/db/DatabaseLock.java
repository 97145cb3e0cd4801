package org.memberdesk.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    private final Path file;
    private final ProcessFileLock held;

    private DatabaseLock(Path file, ProcessFileLock held) {
        this.file = file;
        this.held = held;
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

    /**
     * Takes the lock, or empty when another process (or another window of this one: answered without opening the
     * file again, see {@link ProcessFileLock}) holds it.
     */
    public static Optional<DatabaseLock> tryAcquire(Path database) {
        Path file = lockFile(database);
        try {
            Files.createDirectories(file.getParent());
            return ProcessFileLock.tryLock(file, REGION, 1).map(held -> new DatabaseLock(file, held));
        } catch (IOException e) {
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
            held.channel().truncate(0);
            held.channel().write(ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8)), 0);
            held.channel().force(false);
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
        held.close();
    }
}
