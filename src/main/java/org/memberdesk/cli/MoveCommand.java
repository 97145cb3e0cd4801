package org.memberdesk.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.memberdesk.common.Progress;
import org.memberdesk.db.Dialect;
import org.memberdesk.db.ServerAddress;
import org.memberdesk.moving.MoveRefusedException;
import org.memberdesk.moving.MoveReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code migrate --to TARGET}: the shop moved to another engine (issue 21), a thin shell over
 * {@link org.memberdesk.moving.DatabaseMove}: progress on stderr, the figures on stdout, Ctrl-C stops it with the
 * target left empty.
 */
@Command(name = "migrate", description = "Move the shop to another engine: copy every table of --db, ids kept, into an"
        + " empty PostgreSQL database (postgresql://USER@HOST:PORT/DATABASE) or a new SQLite file, then check the rows"
        + " of each table, the points ledger, the money totals and the operation log. A target that is not empty is"
        + " refused (exit 3); a failure, or Ctrl-C, leaves it empty.")
final class MoveCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the copy to be rolled back (and a new file removed) before the process ends. */
    private static final long STOP_SECONDS = 60;
    /** A progress line at most this often. */
    private static final long LINE_NANOS = 3_000_000_000L;

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "TARGET", description = "Where to: a new SQLite file, or an"
            + " empty PostgreSQL database postgresql://USER@HOST:PORT/DATABASE (the password from PGPASSWORD or"
            + " ~/.pgpass).")
    String to;

    @Override
    public Integer call() {
        if (Dialect.isServerLocation(to)) {
            try {
                ServerAddress.parse(to);
            } catch (IllegalArgumentException e) {
                throw Cli.usage(spec, e.getMessage());
            }
        }
        Progress progress = new Progress(new Lines());
        CountDownLatch finished = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            progress.cancel();
            try {
                finished.await(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "migrate: stop and roll back");
        Runtime.getRuntime().addShutdownHook(stop);
        MoveReport report;
        try {
            report = cli.context().databaseMove().move(cli.database(), to, progress);
        } catch (MoveRefusedException e) {
            throw new CliFailure(3, e.getMessage());
        } catch (CancellationException e) {
            throw new CliFailure(1, "stopped: nothing was kept in the target");
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // the process is ending (Ctrl-C): the hook runs, and returns now that the copy is undone
            }
        }
        Map<String, Object> result = Cli.object();
        result.put("migrated", true);
        result.put("from", report.from());
        result.put("to", report.to());
        result.put("tables", report.tables());
        result.put("checked", report.checked());
        result.put("seconds", Math.round(report.took().toMillis() / 100.0) / 10.0);
        Map<String, Object> totals = Cli.object();
        totals.put("purchase_cents", report.figures().purchaseCents());
        totals.put("payment_cents", report.figures().paymentCents());
        totals.put("stored_value_cents", report.figures().storedValueCents());
        totals.put("points", report.figures().pointsBalance());
        totals.put("log_entries", report.logEntries());
        result.put("totals", totals);
        cli.print(result);
        return 0;
    }

    /** A line on stderr every few seconds (a big table takes minutes), and when the last row is in. */
    private final class Lines implements Progress.Listener {
        private long lastAt = System.nanoTime();
        private boolean last;

        @Override
        public void reported(long done, long total, long count) {
            long now = System.nanoTime();
            boolean end = done == total && !last;
            if (end || now - lastAt >= LINE_NANOS) {
                last |= end;
                lastAt = now;
                cli.err().println(String.format("migrate: %,d of %,d rows copied (%d tables done)", done, total, count));
                cli.err().flush();
            }
        }
    }
}
