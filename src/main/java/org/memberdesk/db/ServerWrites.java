package org.memberdesk.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * How writes on PostgreSQL keep every invariant SQLite keeps with one file, with several counters at once.
 *
 * <p>Every write transaction first takes one transaction-level advisory lock: writes to a shop's database run one at
 * a time, exactly as SQLite's {@code BEGIN IMMEDIATE} makes them, while reads (one REPEATABLE READ snapshot each)
 * never wait. Why not row locks per table: every write appends to the operation log, whose entries form one hash
 * chain (each holds the previous entry's hash), and most touch the kept totals — a single row every sale updates —
 * so writes are serial in effect anyway; taking that in one place first makes them deadlock-free and gives the loser
 * of a race the same answer SQLite gives (the coupon is already used), with no retry logic in any service. The lock is
 * the server's, held only inside the transaction: a counter that crashes or loses its network lets go of it when
 * the server ends its session. A serialization failure or deadlock that still happens (another program writing
 * under other rules) is retried by {@link Database#write}, never shown.
 */
final class ServerWrites {
    /** The advisory lock's key: "MDSK" in ASCII, so a DBA reading pg_locks can tell whose it is. */
    static final long WRITE_LOCK = 0x4D44534BL;

    private ServerWrites() {
    }

    /** On a PostgreSQL connection in a transaction: waits for, then holds until commit or rollback, the write lock. */
    static void takeTheWriteLock(Connection connection) throws SQLException {
        if (connection instanceof org.sqlite.SQLiteConnection || !connection.isWrapperFor(PGConnection.class)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
        }
    }

    /** A serialization failure (40001) or deadlock (40P01), wherever it is in the chain of causes. */
    static boolean isWorthRetrying(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(200, 5L << attempt) + java.util.concurrent.ThreadLocalRandom.current().nextInt(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("Stopped while waiting to store a change again", e);
        }
    }

    /** A failed statement on the server, in one line; a lost connection says that nothing of the change was kept. */
    static String describe(ServerAddress address, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return "Lost the connection to the PostgreSQL server at " + address.host() + ":" + address.port()
                    + "; nothing of this change was kept: try again when the network is back";
        }
        if ("55P03".equals(state)) {
            // the write lock was not free within the wait SQLite gives a busy file: the same words
            return "The database is busy in another window or program; try again in a moment.";
        }
        if (state.startsWith("28") || "3D000".equals(state)) {
            return ServerConnections.describe(address, e);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message).replaceFirst("^ERROR: ", "");
    }
}
