package org.memberdesk.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * How far one run of long work is (an import, an export, a print, a rule count), and whether the person
 * stopped it. One per run, shared by the work and by whoever started it: the work reports and polls, the
 * starter cancels. The screens' background tasks hand the work one; the command line passes {@link #NONE}.
 * <p>
 * Work that only polls {@link #cancelled()} finishes its batch and returns; work blocked in one long call
 * (a SQL count) asks {@link #whenCancelled} to cut that call short.
 * <p>
 * Tests may override {@link #report} and {@link #cancelled()} to crash or stop work at a chosen point.
 */
public class Progress {

    /** Receives what the work reports; called on the work's own thread. */
    @FunctionalInterface
    public interface Listener {
        /**
         * {@code done} of {@code total} (a total below 1: unknown); {@code count} is the work's own tally
         * (rows read, coupons drawn) for the words shown beside the bar.
         */
        void reported(long done, long total, long count);
    }

    /** A stop registered with {@link #whenCancelled}; closing it forgets the stop (the call it guards ended). */
    @FunctionalInterface
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private static final Listener NOBODY = (done, total, count) -> { };

    /** For callers that neither show progress nor cancel (the command line): reports go nowhere, cancel is ignored. */
    public static final Progress NONE = new Progress() {
        @Override
        public void cancel() {
            // shared by every caller: one caller's cancel must not stop another's work
        }
    };

    private final Listener listener;
    private final List<Runnable> stops = new ArrayList<>();
    private volatile boolean cancelled;

    /** Progress nobody watches, which its starter may still cancel. */
    public Progress() {
        this(NOBODY);
    }

    public Progress(Listener listener) {
        this.listener = java.util.Objects.requireNonNull(listener);
    }

    /** See {@link Listener#reported}. */
    public void report(long done, long total, long count) {
        listener.reported(done, total, count);
    }

    /** {@code done} of {@code total}, the tally being {@code done} itself (coupons drawn, steps taken). */
    public final void report(long done, long total) {
        report(done, total, done);
    }

    /** Asks the work to stop; runs the stops registered by {@link #whenCancelled} that are still open. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (stops) {
            cancelled = true;
            toRun = List.copyOf(stops);
        }
        toRun.forEach(Runnable::run);
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** For work between steps: throws {@link CancellationException} once the person stopped it. */
    public final void throwIfCancelled() {
        if (cancelled()) {
            throw new CancellationException("stopped");
        }
    }

    /**
     * Runs {@code stop} if this is cancelled while the returned watch is open (e.g. cancels a running SQL
     * statement). Throws {@link CancellationException} at once when already cancelled, so no new call starts.
     */
    public final Watch whenCancelled(Runnable stop) {
        if (this == NONE) {
            return () -> { };
        }
        synchronized (stops) {
            throwIfCancelled();
            stops.add(stop);
        }
        return () -> {
            synchronized (stops) {
                stops.remove(stop);
            }
        };
    }
}
