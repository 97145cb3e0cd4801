package org.memberdesk.moving;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.memberdesk.common.Progress;
import org.memberdesk.db.DataException;
import org.memberdesk.db.Database;
import org.memberdesk.db.Migrations;
import org.memberdesk.db.RestoreCheck;
import org.memberdesk.db.SchemaTables;
import org.memberdesk.db.TableCopy;
import org.memberdesk.staff.AuditChain;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * Moving a shop to another engine (issue 21): a SQLite file into an empty PostgreSQL database when the shop outgrows
 * one computer, or a server's database into a new SQLite file (also file to file and server to server).
 *
 * <p>Every table the schema has is copied as it is — ids kept — in foreign-key order, from one snapshot of the source
 * into one transaction on the target, streaming (a million members never sit in memory). Before the commit the copy
 * is checked against the source: each table's rows, the money (purchases, payments, stored value), the points (the
 * balances and the ledger behind them, and the ledger's own check), the cards' check and the operation log's hash
 * chain. A copy that fails a check, a failure midway and a cancel all leave the target as empty as it was.
 *
 * <p>The owner's (it copies every phone number, like a backup). Not written to the operation log: the source is left
 * as it was (a second move of it gives the same copy), and the copy's log is the source's, entry for entry.
 */
public final class DatabaseMove {
    /** The checks a finished move passed, as the command line names them. */
    public static final List<String> CHECKS = List.of("counts", "ledger", "totals", "operation_log");

    private final StaffSession session;
    private final OperationLog log;
    private final List<RestoreCheck> checks;
    private final MoveStore store = new MoveStore();

    /** {@code checks}: the features' own proofs a copy must pass (the points ledger, the cards), as for a restore. */
    public DatabaseMove(StaffSession session, OperationLog log, List<RestoreCheck> checks) {
        this.session = Objects.requireNonNull(session);
        this.log = Objects.requireNonNull(log);
        this.checks = List.copyOf(checks);
    }

    /**
     * Copies {@code source} into {@code target} (a SQLite file that does not exist yet, or
     * {@code postgresql://USER@HOST:PORT/DATABASE} of an empty database). {@code progress}: rows done of all rows,
     * the count being the tables done; a cancel stops it with the target left empty.
     *
     * @throws MoveRefusedException when the target is not empty or the source cannot be copied by this version
     */
    public MoveReport move(Database source, String target, Progress progress) {
        session.require(Permission.BACKUP);
        int version = Migrations.appliedVersion(source);
        if (version != Migrations.LATEST_VERSION) {
            throw new MoveRefusedException("move.refused.version", source.describeLocation(), version,
                    Migrations.LATEST_VERSION);
        }
        long started = System.nanoTime();
        MoveReport report;
        try (MoveTarget to = MoveTarget.open(target, source)) {
            try {
                report = source.read(from -> copyAndCheck(from, to.database(), progress));
            } catch (RuntimeException | Error e) {
                to.discard();
                if (progress.cancelled() && !(e instanceof java.util.concurrent.CancellationException)) {
                    // the server's statement was cut short by the cancel: a stop, not a failure
                    java.util.concurrent.CancellationException stopped =
                            new java.util.concurrent.CancellationException("stopped");
                    stopped.initCause(e);
                    throw stopped;
                }
                throw e;
            }
            try (Connection connection = to.database().connect()) {
                // after a bulk load the server's planner knows nothing of the tables: the first screens would crawl
                TableCopy.analyze(connection, SchemaTables.inCopyOrder(connection));
            } catch (SQLException e) {
                throw new DataException("The copy is complete and checked, but the server's statistics could not be"
                        + " updated (" + e.getMessage() + "); it will update them itself", e);
            }
        }
        return new MoveReport(source.describeLocation(), describe(target), report.tables(), report.figures(),
                report.logEntries(), CHECKS, Duration.ofNanos(System.nanoTime() - started));
    }

    /** A location as it may be shown: a server address without its password. */
    static String describe(String location) {
        return org.memberdesk.db.Dialect.isServerLocation(location)
                ? org.memberdesk.db.ServerAddress.parse(location).toString()
                : java.nio.file.Path.of(location).toAbsolutePath().toString();
    }

    private MoveReport copyAndCheck(Connection from, Database target, Progress progress) throws SQLException {
        try (Connection bulk = target.connectForBulk()) {
            return Database.inTransaction(bulk, to -> {
                TableCopy.mayWait(from);
                TableCopy.mayWait(to);
                List<SchemaTables.Table> tables = SchemaTables.inCopyOrder(to);
                List<String> sourceTables = SchemaTables.names(from);
                List<String> targetTables = tables.stream().map(SchemaTables.Table::name).sorted().toList();
                if (!sourceTables.equals(targetTables)) {
                    throw new DataException("The two databases do not have the same tables (source: " + sourceTables
                            + "; target: " + targetTables + "), so nothing was copied");
                }
                Map<String, Long> expected = new LinkedHashMap<>();
                for (SchemaTables.Table table : tables) {
                    expected.put(table.name(), SchemaTables.rows(from, table));
                }
                TableCopy.deferForeignKeys(to);
                TableCopy.triggers(to, tables, false);
                TableCopy.clear(to, tables);
                try (Progress.Watch stop = progress.whenCancelled(() -> TableCopy.interrupt(to))) {
                    copyTables(from, to, tables, expected, progress);
                }
                TableCopy.triggers(to, tables, true);
                TableCopy.resetSequences(to);
                progress.throwIfCancelled();
                return check(from, to, tables, expected);
            });
        }
    }

    /** Every table's rows, in order; progress: rows done of all rows, the count being the tables done. */
    private static void copyTables(Connection from, Connection to, List<SchemaTables.Table> tables,
            Map<String, Long> expected, Progress progress) throws SQLException {
        long total = expected.values().stream().reduce(0L, Math::addExact);
        long done = 0;
        int tablesDone = 0;
        for (SchemaTables.Table table : tables) {
            progress.throwIfCancelled();
            long before = done;
            int count = tablesDone;
            List<String> indexes = TableCopy.putOffIndexes(to, table, expected.get(table.name()));
            done += TableCopy.copy(from, to, table, soFar -> {
                progress.throwIfCancelled();
                progress.report(before + soFar, total, count);
            });
            TableCopy.buildIndexes(to, indexes);
            progress.report(done, total, ++tablesDone);
        }
    }

    /** The copy against its source, inside the copy's transaction: a difference rolls all of it back. */
    private MoveReport check(Connection from, Connection to, List<SchemaTables.Table> tables,
            Map<String, Long> expected) throws SQLException {
        for (SchemaTables.Table table : tables) {
            long copied = SchemaTables.rows(to, table);
            if (copied != expected.get(table.name())) {
                throw failed(table.name() + " has " + copied + " rows in the copy but " + expected.get(table.name())
                        + " in the source");
            }
        }
        MoveFigures before = store.figures(from);
        MoveFigures after = store.figures(to);
        if (!before.equals(after)) {
            throw failed("its totals differ from the source's (source " + before + ", copy " + after + ")");
        }
        for (RestoreCheck check : checks) {
            List<String> problems = new ArrayList<>(check.problems(to));
            if (!problems.isEmpty()) {
                // a source that is already off is copied as it is: only what the copy added fails it
                problems.removeAll(check.problems(from));
            }
            if (!problems.isEmpty()) {
                throw failed(problems.get(0));
            }
        }
        AuditChain.Verification sourceLog = log.verify(from);
        AuditChain.Verification copiedLog = log.verify(to);
        if (!sourceLog.equals(copiedLog)) {
            throw failed("its operation log does not verify as the source's does (source: " + sourceLog.entries()
                    + " entries" + (sourceLog.intact() ? "" : ", broken at " + sourceLog.brokenAt()) + "; copy: "
                    + copiedLog.entries() + " entries" + (copiedLog.intact() ? "" : ", broken at "
                    + copiedLog.brokenAt()) + ")");
        }
        return new MoveReport("", "", expected, after, copiedLog.entries(), CHECKS, Duration.ZERO);
    }

    private static DataException failed(String what) {
        return new DataException("The copy was not kept, because " + what + "; the target is as empty as before");
    }
}
