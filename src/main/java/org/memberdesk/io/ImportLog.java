package org.memberdesk.io;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;

/**
 * The imports table: one row per import run, so purchases know which import brought them, and the rows of
 * each file that imports stored ({@code import_rows}); its SQL is {@link ImportLogStore}'s. A run's counts are
 * written with every batch, in the batch's transaction, so a run that was killed still says what it stored; its
 * {@code finished_at} stays empty: an interrupted run (as is a run the person stopped). A finished run is logged
 * here, with its operation log entry.
 */
final class ImportLog {
    private ImportLog() {
    }

    /**
     * The run's end and its one operation log entry, in one transaction: the import's counts as the imports table
     * keeps them and the entry naming who ran it are kept together or not at all. A run that was killed or stopped
     * by an error never gets here: it has no entry, and the run that finishes it logs its own counts (the rows the
     * killed run stored are counted there as already imported, i.e. duplicates).
     */
    static void finish(Connection connection, long id, ImportResult result, String kind, Path file, OperationLog log,
                       Actor actor) throws SQLException {
        Database.inTransaction(connection, c -> {
            ImportLogStore.finish(c, id, result);
            log.record(c, OperationLog.Entry.of(Operation.IMPORT, null, String.valueOf(file.getFileName()),
                    summary(kind, result)), actor);
            return null;
        });
    }

    /** The log's words for a run: {@code members: 120 stored, 3 duplicates, 2 rejected, 0 updated}. */
    static String summary(String kind, ImportResult result) {
        return kind + ": " + result.imported() + " stored, " + result.duplicates() + " duplicates, "
                + result.rejected() + " rejected, " + result.updated() + " updated"
                + (result.resumed() ? ", finishing an interrupted run" : "")
                + (result.cancelled() ? ", stopped part way" : "");
    }

}
