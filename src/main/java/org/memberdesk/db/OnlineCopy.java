package org.memberdesk.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConnection;

/**
 * SQLite's online backup API (sqlite3_backup_*), the one safe way to copy a database that other
 * connections may be writing: a plain file copy of a live WAL database can miss committed pages
 * that are still in the -wal file or catch a page half-written.
 */
final class OnlineCopy {
    /** How long one busy wait lasts, and how many in a row we accept before giving up (≈ 10 s). */
    private static final int BUSY_SLEEP_MS = 100;
    private static final int BUSY_TRIES = 100;
    /**
     * All pages in one step: the copy then runs inside one read transaction and is a consistent
     * snapshot even while others write (WAL lets them). Copying in small steps would restart from
     * page one after every write by another connection, and could never finish on a busy till.
     */
    private static final int ALL_PAGES = -1;

    private OnlineCopy() {
    }

    /** Copies the database {@code source} is connected to into {@code target} (created or overwritten). */
    static void copyTo(Connection source, Path target) throws SQLException {
        int rc = native_(source).backup("main", target.toString(), (remaining, total) -> { },
                BUSY_SLEEP_MS, BUSY_TRIES, ALL_PAGES);
        if (rc != 0) {
            // the code as the vendor code: StorageFault names a full disk (13) or a folder it cannot open (14)
            throw new SQLException("the backup stopped with SQLite code " + rc, null, rc);
        }
    }

    /** Replaces the content of the database {@code target} is connected to with the file {@code source}. */
    static void copyFrom(Path source, Connection target) throws SQLException {
        int rc = native_(target).restore("main", source.toString(), (remaining, total) -> { },
                BUSY_SLEEP_MS, BUSY_TRIES, ALL_PAGES);
        if (rc != 0) {
            throw new SQLException("the restore stopped with SQLite code " + rc, null, rc);
        }
    }

    private static org.sqlite.core.DB native_(Connection connection) throws SQLException {
        return connection.unwrap(SQLiteConnection.class).getDatabase();
    }
}
