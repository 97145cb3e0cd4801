package org.memberdesk.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads an import file's next batches on a thread of its own while the caller writes the one before:
 * reading, parsing and checking rows is Java work the second core can do while SQLite writes on the
 * first. At most {@value #AHEAD} batches wait, so memory stays bounded. A failure while reading
 * reaches the caller at the batch where it happened.
 */
final class ReadAhead<T> implements AutoCloseable {
    /** Batches read but not yet taken. */
    private static final int AHEAD = 2;

    /** Reads one batch; null at the end of the file. Runs on the reading thread. */
    @FunctionalInterface
    interface Reader<T> {
        T read() throws IOException, SQLException;
    }

    private record Failure(Throwable cause) {
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private volatile boolean closed;

    ReadAhead(String name, Reader<T> reader) {
        thread = new Thread(() -> {
            try {
                T batch;
                do {
                    batch = reader.read();
                    hand(batch == null ? END : batch);
                } while (batch != null && !closed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closed: nobody waits for more
            } catch (Throwable e) {
                try {
                    hand(new Failure(e));
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void hand(Object item) throws InterruptedException {
        while (!closed && !ready.offer(item, 100, TimeUnit.MILLISECONDS)) {
            // the writer is behind: wait, unless it has gone away
        }
    }

    /** The next batch in file order, waiting for it if needed; null after the last. */
    @SuppressWarnings("unchecked")
    T next() throws IOException, SQLException {
        Object item;
        try {
            item = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the file", e);
        }
        if (item == END) {
            ready.offer(END); // later calls see the end too
            return null;
        }
        if (item instanceof Failure failure) {
            Throwable cause = failure.cause();
            ready.offer(item);
            if (cause instanceof IOException e) {
                throw e;
            }
            if (cause instanceof UncheckedIOException e) {
                throw e.getCause();
            }
            if (cause instanceof SQLException e) {
                throw e;
            }
            if (cause instanceof RuntimeException e) {
                throw e;
            }
            if (cause instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(cause);
        }
        return (T) item;
    }

    /** Stops reading (the rest of the file is not needed: finished, cancelled or failed) and waits for the thread. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
