package org.memberdesk.db;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Secondary indexes an import neither reads nor needs for its checks, built once after a big load
 * instead of kept entry by entry: a million rows go into a B-tree far faster sorted in one go (CREATE
 * INDEX) than one at a time in random order, and each batch's commit writes fewer scattered pages.
 * Only when the import is big next to what is stored (see {@link #worthDeferring}).
 *
 * <p>Safe if the import stops: the indexes' SQL is kept in the settings table in the same transaction
 * that drops them, the import rebuilds them when it ends (finished, cancelled or failed), and any later
 * {@link Database#open} rebuilds what a killed import left ({@link #restore}). While an import runs with
 * indexes put off it holds an operating-system lock on {@code <db>.import-lock} (dropped by the OS when the
 * process ends, even killed), so another process opening the database meanwhile leaves them to it.
 */
public final class DeferredIndexes {
    /** Members: only the member number and phone (unique, for duplicates) are read while importing members. */
    public static final List<String> MEMBER_IMPORT = List.of("members_name", "members_join_date",
            "members_channel", "members_referrer", "members_tier", "members_phone_last4", "members_activity",
            "members_first_purchase");
    /**
     * Purchases: analytics' time-ordered covering index and the member-side index of member_items are never
     * read by an import, nor are the members' statistics indexes it rewrites for every buyer. The purchase
     * number, member/time, refund and ledger indexes stay: the import reads through them.
     */
    public static final List<String> PURCHASE_IMPORT = List.of("purchases_time_sales", "member_items_member",
            "members_activity", "members_first_purchase", "members_tier");

    private static final Logger LOG = Logger.getLogger(DeferredIndexes.class.getName());
    private static final String KEY = "deferred_index.";
    /** Loads smaller than this are not worth a rebuild of the indexes. */
    private static final long MIN_ROWS = 50_000;

    private DeferredIndexes() {
    }

    /**
     * Whether to build the indexes after the load: the file holds at least {@value #MIN_ROWS} rows and at
     * least as many as the table holds already (rebuilding costs a pass over the whole table).
     */
    public static boolean worthDeferring(long estimatedRows, long storedRows) {
        return estimatedRows >= MIN_ROWS && estimatedRows >= storedRows;
    }

    /**
     * Puts off an import's unread indexes when the file is big next to the table ({@link #worthDeferring}), and
     * this process could claim the file ({@link #claim}); the claim to close after rebuilding them, or null when
     * they stay.
     */
    public static Claim deferIfWorthIt(Database database, Connection connection, long estimatedRows, String table,
                                       List<String> indexes) throws SQLException {
        if (database.dialect() == Dialect.POSTGRESQL) {
            // SQLite only. A server's database is shared while the import runs: without these indexes another
            // counter's member search would read the whole table, CREATE INDEX afterwards would hold every sale
            // (sales update members) until it is built, and an import killed meanwhile would leave them dropped for
            // everyone (no one rebuilds them at an open, as for a file). What it would save, measured (issue 21:
            // 200,000 members by psql's \copy into the members table): 4.6 s + 1.9 s to build the four indexes,
            // against 7.7-12.6 s with them, on a loaded host — not worth those risks
            return null;
        }
        long stored;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) FROM " + table)) {
            rs.next();
            stored = rs.getLong(1);
        }
        if (!worthDeferring(estimatedRows, stored)) {
            return null;
        }
        Claim claim = claim(database);
        if (claim != null) {
            try {
                drop(connection, indexes);
            } catch (SQLException | RuntimeException e) {
                claim.close();
                throw e;
            }
        }
        return claim;
    }

    /** Drops the named indexes that exist, remembering how to build them again; one transaction. */
    public static void drop(Connection connection, List<String> names) throws SQLException {
        Database.inTransaction(connection, c -> {
            try (PreparedStatement find = c.prepareStatement(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?");
                 PreparedStatement remember = c.prepareStatement(
                         "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING");
                 Statement drop = c.createStatement()) {
                for (String name : names) {
                    find.setString(1, name);
                    String sql;
                    try (ResultSet rs = find.executeQuery()) {
                        if (!rs.next() || rs.getString(1) == null) {
                            continue;
                        }
                        sql = rs.getString(1);
                    }
                    remember.setString(1, KEY + name);
                    remember.setString(2, sql);
                    remember.executeUpdate();
                    drop.execute("DROP INDEX \"" + name.replace("\"", "") + "\"");
                }
            }
            return null;
        });
    }

    /** Builds every index a load put off (none: a cheap look at the settings); one transaction. */
    public static void restore(Connection connection) throws SQLException {
        List<String[]> pending = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'")) {
            if (!rs.next()) {
                return; // a new file: nothing was ever put off
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT key, value FROM settings WHERE key >= ? AND key < ?")) {
            statement.setString(1, KEY);
            statement.setString(2, KEY.substring(0, KEY.length() - 1) + "/");
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    pending.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        long cacheSize = pragma(connection, "cache_size");
        long threads = pragma(connection, "threads");
        long tempStore = pragma(connection, "temp_store");
        long memoryMap = pragma(connection, "mmap_size");
        try (Statement statement = connection.createStatement()) {
            // CREATE INDEX sorts in runs the size of the page cache, spilled to temporary files and merged on
            // worker threads, and reads the whole table for each index. Measured (sqlite3 shell) on the five indexes
            // a 4,000,000-purchase import puts off: 256 MB cache, one thread: 11.6 s; 4 MB cache, two threads:
            // 6.1 s; the same with temporary files in memory (our connections' default): 15.1 s; with the file
            // memory-mapped as well: 4.5-4.8 s instead of 5.8-6.3 s
            statement.execute("PRAGMA threads = " + Math.min(4, Runtime.getRuntime().availableProcessors()));
            statement.execute("PRAGMA cache_size = -4096");
            statement.execute("PRAGMA temp_store = FILE");
            statement.execute("PRAGMA mmap_size = " + Database.LARGEST_MEMORY_MAP);
            rebuild(connection, pending);
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA cache_size = " + cacheSize);
                statement.execute("PRAGMA threads = " + threads);
                statement.execute("PRAGMA temp_store = " + tempStore);
                statement.execute("PRAGMA mmap_size = " + memoryMap);
            }
        }
    }

    private static long pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void rebuild(Connection connection, List<String[]> pending) throws SQLException {
        Database.inTransaction(connection, c -> {
            try (Statement statement = c.createStatement();
                 PreparedStatement exists = c.prepareStatement(
                         "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
                 PreparedStatement forget = c.prepareStatement("DELETE FROM settings WHERE key = ?")) {
                for (String[] index : pending) {
                    exists.setString(1, index[0].substring(KEY.length()));
                    boolean there;
                    try (ResultSet rs = exists.executeQuery()) {
                        there = rs.next();
                    }
                    if (!there) {
                        statement.execute(index[1]);
                    }
                    forget.setString(1, index[0]);
                    forget.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The running import's claim on putting indexes off; close it after {@link #restore}. */
    public static final class Claim implements AutoCloseable {
        private final ProcessFileLock held;

        private Claim(ProcessFileLock held) {
            this.held = held;
        }

        @Override
        public void close() {
            held.close();
        }
    }

    /** Claims the database for an import that puts indexes off; null when another import holds it. */
    public static Claim claim(Database database) {
        Path file = database.file().resolveSibling(database.file().getFileName() + ".import-lock");
        try {
            return ProcessFileLock.tryLock(file).map(Claim::new).orElse(null);
        } catch (IOException e) {
            return null; // no lock possible here: do not put indexes off
        }
    }

    /**
     * {@link #restore} on a connection of its own when opening a database: rebuilds what a killed import
     * left, but not while an import that put them off is still running (it holds the claim). When the disk is
     * full or the folder read-only the database still opens: these indexes only make some lists faster, and
     * they stay recorded, so the next open (or the next import's end) builds them once there is room.
     */
    static void restore(Database database) {
        try (Connection connection = database.connect()) {
            if (!pending(connection)) {
                return;
            }
            try (Claim claim = claim(database)) {
                if (claim != null) {
                    restore(connection);
                }
            }
        } catch (SQLException e) {
            StorageFault fault = StorageFault.of(e, database.file()).orElse(null);
            if (fault != null && leavesThemPending(fault)) {
                // one line: the command line shows warnings, and this is no failure of the command
                LOG.warning(() -> "the indexes an import put off stay unbuilt until the next start: "
                        + fault.getMessage());
                return;
            }
            throw fault != null ? fault
                    : new DataException("Cannot rebuild the indexes an import put off: " + Database.describe(e), e);
        }
    }

    /**
     * Rebuilds the indexes an import put off, when it ends (finished, cancelled or stopped by an error), and
     * gives up {@code claim}. A full disk or read-only folder leaves them recorded for the next open instead
     * of hiding the import's own error (or failing an import whose rows are all stored): logged.
     */
    public static void restoreAfterImport(Database database, Connection connection, Claim claim)
            throws SQLException {
        if (claim == null) {
            return;
        }
        try (claim) {
            restore(connection);
        } catch (SQLException e) {
            StorageFault fault = StorageFault.of(e, database.file()).orElse(null);
            if (fault == null || !leavesThemPending(fault)) {
                throw e;
            }
            LOG.warning(() -> "the indexes the import put off stay unbuilt until the next start: "
                    + fault.getMessage());
        }
    }

    private static boolean leavesThemPending(StorageFault fault) {
        return fault.kind() == StorageFault.Kind.FULL || fault.kind() == StorageFault.Kind.READ_ONLY;
    }

    private static boolean pending(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'")) {
            if (!rs.next()) {
                return false; // a new file: nothing was ever put off
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM settings WHERE key >= ? AND key < ? LIMIT 1")) {
            statement.setString(1, KEY);
            statement.setString(2, KEY.substring(0, KEY.length() - 1) + "/");
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
