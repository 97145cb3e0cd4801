package org.memberdesk.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * "An import or a restore is changing this database": an operating-system lock on {@code <db>.import.lock}
 * next to the database, held for as long as one runs. A second import, or a restore, of the same database is
 * refused meanwhile — a restore under a running import would let the import go on counting rows into data that
 * was just replaced. The OS drops the lock when the process ends, even after kill -9, so it never stays stuck.
 * <p>
 * On a PostgreSQL server the database is shared by several computers, so a file on one of them cannot tell: there
 * the lock is the server's, a session-level advisory lock held by a connection of its own for as long as the import
 * runs. The server lets go of it when that session ends — the import finished, or its process was killed, or its
 * computer lost the network — so it never stays stuck either.
 * <p>
 * Not the file {@link DeferredIndexes} locks: on Linux and macOS a process loses every lock it holds on a file
 * as soon as it closes any channel to that file, so two kinds of lock must not share one ({@link ProcessFileLock}).
 */
public final class ImportLock implements AutoCloseable {
    /**
     * The server's advisory lock key: "MDIM" in ASCII (MemberDesk import), next to the write lock's "MDSK"
     * ({@link ServerWrites#WRITE_LOCK}), so a DBA reading pg_locks can tell whose it is.
     */
    static final long SERVER_KEY = 0x4D44494DL;

    private final ProcessFileLock held;
    /** On a server: the session holding the advisory lock (closing it would free the lock too). */
    private final Connection session;

    private ImportLock(ProcessFileLock held, Connection session) {
        this.held = held;
        this.session = session;
    }

    public static Path lockFile(Path database) {
        Path db = database.toAbsolutePath().normalize();
        return db.resolveSibling(db.getFileName() + ".import.lock");
    }

    /**
     * Takes the lock for an import or a restore of this database — on its server when it is on one — or refuses
     * when one is already running on it (from this computer or another).
     */
    public static ImportLock acquire(Database database) {
        if (database.dialect() == Dialect.SQLITE) {
            return acquire(database.file());
        }
        Connection session = database.connect();
        try {
            if (tryServerLock(session)) {
                return new ImportLock(null, session);
            }
        } catch (SQLException e) {
            closeQuietly(session);
            throw new DataException("Cannot take the import lock on " + database.describeLocation() + ": "
                    + e.getMessage(), e);
        }
        closeQuietly(session);
        throw new ImportRunningException(database.file(), database.describeLocation());
    }

    /** Takes the lock for an import or a restore of a SQLite file, or refuses when one is already running on it. */
    public static ImportLock acquire(Path database) {
        Path file = lockFile(database);
        try {
            return new ImportLock(ProcessFileLock.tryLock(file).orElseThrow(() -> new ImportRunningException(database)),
                    null);
        } catch (IOException e) {
            throw new DataException("Cannot use the lock file " + file + ": " + Backups.inWords(e), e);
        }
    }

    /** True while an import or a restore of this database runs, in this process or another, on any computer. */
    public static boolean isHeld(Database database) {
        if (database.dialect() == Dialect.SQLITE) {
            return isHeld(database.file());
        }
        try (Connection probe = database.connect()) {
            if (tryServerLock(probe)) {
                unlockServer(probe);
                return false;
            }
            return true;
        } catch (SQLException e) {
            throw new DataException("Cannot look at the import lock on " + database.describeLocation() + ": "
                    + e.getMessage(), e);
        }
    }

    /** True while an import or a restore of this SQLite file runs, in this process or another. */
    public static boolean isHeld(Path database) {
        Path file = lockFile(database);
        if (!Files.exists(file)) {
            return false;
        }
        try {
            Optional<ProcessFileLock> probe = ProcessFileLock.tryLock(file);
            probe.ifPresent(ProcessFileLock::close);
            return probe.isEmpty();
        } catch (IOException e) {
            return false; // a lock file we cannot even open cannot be held by an import of ours either
        }
    }

    private static boolean tryServerLock(Connection session) throws SQLException {
        // a session lock is re-entrant within its session: two imports of one process take two pool connections,
        // so they are two sessions, and the second is refused as from another computer
        try (PreparedStatement statement = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, SERVER_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlockServer(Connection session) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, SERVER_KEY);
            statement.execute();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the server ends the session, and its lock with it
        }
    }

    @Override
    public void close() {
        if (session == null) {
            held.close();
            return;
        }
        try {
            unlockServer(session); // the pool keeps the session: the lock must not stay with it
        } catch (SQLException e) {
            // a session that cannot unlock is broken: the pool drops it, and the server frees the lock with it
        } finally {
            closeQuietly(session);
        }
    }
}
