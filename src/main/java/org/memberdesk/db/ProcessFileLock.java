package org.memberdesk.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * An operating-system lock on a file beside the database, the one mechanism behind the window lock
 * ({@link DatabaseLock}), the import lock ({@link ImportLock}) and the claim on put-off indexes
 * ({@link DeferredIndexes}). The OS drops it when the process ends, even after kill -9, so it never stays stuck.
 * <p>
 * Such locks belong to the whole process, and on Linux and macOS closing ANY channel to the file drops every lock
 * the process holds on it: asking a second time in the same process must be answered from {@link #HELD}, without
 * opening the file again — else the first holder silently loses its lock. For the same reason two kinds of lock
 * never share a file.
 */
final class ProcessFileLock implements AutoCloseable {
    /**
     * The lock files this process holds. Static on purpose: the OS locks it mirrors belong to the process, not to
     * one {@link Database} object, and a check from another object of the same file must see them. Guarded by
     * itself.
     */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private ProcessFileLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock on {@code size} bytes of {@code file} from {@code position} (creating the file, private, if
     * needed), or empty when this process or another holds it.
     */
    static Optional<ProcessFileLock> tryLock(Path file, long position, long size) throws IOException {
        synchronized (HELD) {
            if (HELD.contains(file)) {
                return Optional.empty();
            }
            FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), PrivateFiles.fileAttributes(file));
            try {
                FileLock lock = channel.tryLock(position, size, false);
                if (lock == null) {
                    channel.close();
                    return Optional.empty();
                }
                HELD.add(file);
                return Optional.of(new ProcessFileLock(file, channel, lock));
            } catch (OverlappingFileLockException e) {
                closeQuietly(channel);
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                throw e;
            }
        }
    }

    /** The lock of a whole file: {@link #tryLock(Path, long, long)} from 0 on. */
    static Optional<ProcessFileLock> tryLock(Path file) throws IOException {
        return tryLock(file, 0, Long.MAX_VALUE);
    }

    /** The open channel of the locked file (the window lock keeps a note in it). */
    FileChannel channel() {
        return channel;
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
                // closing the channel below releases it all the same
            }
            closeQuietly(channel);
            HELD.remove(file);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
