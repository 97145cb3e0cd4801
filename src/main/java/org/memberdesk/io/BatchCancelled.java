package org.memberdesk.io;

import java.sql.Connection;
import java.sql.SQLException;
import org.memberdesk.db.DataException;
import org.memberdesk.db.Database;
import org.memberdesk.db.SqlWork;

/**
 * Thrown out of an import batch's transaction when the person cancels mid-batch, so that
 * {@code Database.inTransaction} rolls the batch back: returning normally would commit the rows
 * stored so far, leaving half a batch behind.
 */
final class BatchCancelled extends RuntimeException {
    BatchCancelled() {
        super("import cancelled", null, false, false);
    }

    /** Runs one batch in a transaction of its own: what it returned, committed, or null when it was cancelled. */
    static <T> T inTransaction(Connection connection, SqlWork<T> batch) {
        try {
            return Database.inTransaction(connection, batch);
        } catch (SQLException e) {
            // the importer names a full disk or read-only folder from the SQLite error kept here
            throw new DataException("The import stopped: " + e.getMessage(), e);
        } catch (BatchCancelled e) {
            return null; // rolled back whole
        }
    }
}
