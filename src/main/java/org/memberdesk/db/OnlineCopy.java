package org.memberdesk.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

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
            throw failure(rc, target);
        }
    }

    /** Replaces the content of the database {@code target} is connected to with the file {@code source}. */
    static void copyFrom(Path source, Connection target) throws SQLException {
        int rc = native_(target).restore("main", source.toString(), (remaining, total) -> { },
                BUSY_SLEEP_MS, BUSY_TRIES, ALL_PAGES);
        if (rc != 0) {
            throw failure(rc, source);
        }
    }

    /**
     * SQLite's result code in the shop's words. The code stays on the exception ({@link SQLiteException#getResultCode},
     * {@code getErrorCode}) for anything that words it more precisely, e.g. with the free space.
     */
    static SQLiteException failure(int rc, Path file) {
        SQLiteErrorCode code = SQLiteErrorCode.getErrorCode(rc & 0xff); // the primary code: SQLITE_IOERR_WRITE is an IOERR
        String words = switch (code) {
            case SQLITE_FULL -> "the disk is full";
            case SQLITE_CANTOPEN -> "the file " + file + " cannot be created or opened (its folder is missing,"
                    + " read-only or not ours to write)";
            case SQLITE_READONLY -> "the file or its folder is read-only";
            case SQLITE_IOERR -> "the disk reported a read or write error";
            case SQLITE_BUSY, SQLITE_LOCKED -> "the database is busy in another window or program; try again in a moment";
            case SQLITE_NOTADB -> "the file " + file + " is not a database";
            case SQLITE_CORRUPT -> "the file " + file + " is damaged";
            case SQLITE_PERM -> "MemberDesk may not write the file " + file;
            case SQLITE_NOMEM -> "the computer ran out of memory";
            default -> "SQLite stopped with " + code.name() + " (" + code.message + ")";
        };
        return new SQLiteException(words, code);
    }

    private static org.sqlite.core.DB native_(Connection connection) throws SQLException {
        return connection.unwrap(SQLiteConnection.class).getDatabase();
    }
}
