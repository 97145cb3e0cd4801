package org.memberdesk.db;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Copies the rows of one table from one database to another, as they are (ids kept), streaming: a batch at a time
 * is in memory, never a table. Into PostgreSQL through {@code COPY … FROM STDIN} (the driver's copy API, an ordinary
 * role may use it); into SQLite through multi-row INSERTs on the caller's bulk connection. The caller holds the source
 * in one snapshot and the target in one transaction.
 */
public final class TableCopy {
    /** Told after each batch: how many rows of this table are in so far. May throw to stop (a cancel). */
    @FunctionalInterface
    public interface Copied {
        void rows(long soFar);
    }

    /** Rows per report (and per COPY buffer flush on the server). */
    private static final int BATCH = 10_000;
    /** Bound values per INSERT into SQLite (it allows 32,766; a few hundred is past the point of paying off). */
    private static final int PARAMETERS = 900;
    private static final int COPY_BUFFER = 1 << 20;

    private TableCopy() {
    }

    /**
     * Empties the target's tables of what a new database starts with (the default tiers, the points rules, the
     * totals row …): the source's rows replace them. Last-filled first; an empty table is not touched (the
     * operation log's guard is never asked).
     */
    public static void clear(Connection target, List<SchemaTables.Table> inCopyOrder) throws SQLException {
        for (int i = inCopyOrder.size() - 1; i >= 0; i--) {
            SchemaTables.Table table = inCopyOrder.get(i);
            if (SchemaTables.rows(target, table) > 0) {
                try (Statement statement = target.createStatement()) {
                    statement.executeUpdate("DELETE FROM " + table.quoted());
                }
            }
        }
    }

    /**
     * On PostgreSQL, the tables' own triggers (the members counter of the totals row, the operation log's guard) are
     * switched off for this transaction's copy — the copied rows are already what the triggers made — and on again
     * after ({@code on}); constraints (foreign keys, checks) stay. Needs the role that owns the tables, which the
     * app's role is. SQLite: nothing (its triggers fire; {@link SchemaTables#inCopyOrder} orders for them).
     */
    public static void triggers(Connection target, List<SchemaTables.Table> tables, boolean on) throws SQLException {
        if (Dialect.of(target) != Dialect.POSTGRESQL) {
            return;
        }
        try (Statement statement = target.createStatement()) {
            for (SchemaTables.Table table : tables) {
                statement.execute("ALTER TABLE " + table.quoted() + (on ? " ENABLE" : " DISABLE") + " TRIGGER USER");
            }
        }
    }

    /**
     * On PostgreSQL, this transaction may wait longer than a counter's (60 s, {@link ServerConnections}) while the
     * other side works: a source snapshot waits while a big batch goes into SQLite, the target while the source's
     * million members are checked. Ten minutes, and only for this transaction.
     */
    public static void mayWait(Connection connection) throws SQLException {
        if (Dialect.of(connection) == Dialect.POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL idle_in_transaction_session_timeout = '10min'");
            }
            // and every statement on it reads its result in parts, the checks' too (the ledger's whole-table scan):
            // the driver otherwise holds a whole result in memory. Harmless later: outside a transaction it is unused
            connection.unwrap(PGConnection.class).setDefaultFetchSize(BATCH);
        }
    }

    /** Tables smaller than this keep their indexes while filled (a rebuild costs a pass over the table). */
    private static final long INDEXES_AFTER = 50_000;

    /**
     * For a big table, its secondary indexes (not those behind a primary key or UNIQUE constraint: duplicates must
     * still be refused row by row) are dropped before the copy and built after it in one sorted pass each — far
     * faster than a million entries put into each B-tree one at a time — and on PostgreSQL its foreign keys likewise
     * (below). Inside the move's transaction, so a failure or a killed process leaves them as they were. Returns the
     * statements that build them again, for {@link #buildIndexes}.
     */
    public static List<String> putOffIndexes(Connection target, SchemaTables.Table table, long rows)
            throws SQLException {
        if (rows < INDEXES_AFTER) {
            return List.of();
        }
        Dialect dialect = Dialect.of(target);
        List<String[]> indexes = new ArrayList<>();
        try (PreparedStatement statement = target.prepareStatement(dialect.pick("""
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
                ORDER BY name""", """
                SELECT i.relname, pg_get_indexdef(i.oid)
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND t.relname = ?
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
                ORDER BY i.relname"""))) {
            statement.setString(1, table.name());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        List<String> builds = new ArrayList<>();
        try (Statement statement = target.createStatement()) {
            for (String[] index : indexes) {
                statement.execute("DROP INDEX " + SchemaTables.quote(index[0]));
                builds.add(index[1]);
            }
        }
        if (dialect == Dialect.POSTGRESQL) {
            builds.addAll(putOffForeignKeys(target, table));
        }
        return builds;
    }

    /**
     * On PostgreSQL a foreign key is checked by a trigger per row, queued until the end of the COPY (minutes for
     * millions of purchases); added again after the copy, the server checks it in one join, as pg_restore does. The
     * referenced tables' keys stay, and a row naming a missing member still fails the move.
     */
    private static List<String> putOffForeignKeys(Connection target, SchemaTables.Table table) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement statement = target.prepareStatement("""
                SELECT c.conname, pg_get_constraintdef(c.oid)
                FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND t.relname = ? AND c.contype = 'f'
                ORDER BY c.conname""")) {
            statement.setString(1, table.name());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    keys.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        List<String> builds = new ArrayList<>();
        try (Statement statement = target.createStatement()) {
            for (String[] key : keys) {
                statement.execute("ALTER TABLE " + table.quoted() + " DROP CONSTRAINT " + SchemaTables.quote(key[0]));
                builds.add("ALTER TABLE " + table.quoted() + " ADD CONSTRAINT " + SchemaTables.quote(key[0]) + " "
                        + key[1]);
            }
        }
        return builds;
    }

    /** Builds the indexes {@link #putOffIndexes} dropped. */
    public static void buildIndexes(Connection target, List<String> builds) throws SQLException {
        if (builds.isEmpty()) {
            return;
        }
        try (Statement statement = target.createStatement()) {
            if (Dialect.of(target) == Dialect.POSTGRESQL) {
                // sorting a million keys in memory rather than in temporary files; for this transaction only
                statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
            }
            for (String build : builds) {
                statement.execute(build);
            }
        }
    }

    /**
     * Cuts short what the server is doing for {@code connection} (a COPY's end, an index being built), from another
     * thread: a cancel need not wait minutes for the statement to end. SQLite's side stops at the next batch anyway.
     */
    public static void interrupt(Connection connection) {
        if (Dialect.of(connection) == Dialect.POSTGRESQL) {
            try {
                connection.unwrap(PGConnection.class).cancelQuery();
            } catch (SQLException e) {
                // the statement ends by itself; the cancel is seen at the next batch
            }
        }
    }

    /** SQLite checks foreign keys at the commit, so no row waits on the order of another in its own table. */
    public static void deferForeignKeys(Connection target) throws SQLException {
        if (Dialect.of(target) == Dialect.SQLITE) {
            try (Statement statement = target.createStatement()) {
                statement.execute("PRAGMA defer_foreign_keys = ON");
            }
        }
    }

    /** Copies every row of {@code table}; returns how many. */
    public static long copy(Connection source, Connection target, SchemaTables.Table table, Copied copied)
            throws SQLException {
        try (PreparedStatement select = source.prepareStatement("SELECT " + table.columnList() + " FROM "
                + table.quoted() + " ORDER BY " + table.orderBy())) {
            // the PostgreSQL driver reads a whole result into memory unless told to fetch it in parts
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                return Dialect.of(target) == Dialect.POSTGRESQL ? copyIn(rows, target, table, copied)
                        : insert(rows, target, table, copied);
            }
        } catch (SQLException e) {
            throw new SQLException(table.name() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static long copyIn(ResultSet rows, Connection target, SchemaTables.Table table, Copied copied)
            throws SQLException {
        int width = table.columns().size();
        CopyIn in = target.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table.quoted() + " ("
                + table.columnList() + ") FROM STDIN (FORMAT csv)");
        long count = 0;
        StringBuilder csv = new StringBuilder(COPY_BUFFER + 64 * 1024);
        try {
            while (rows.next()) {
                for (int i = 1; i <= width; i++) {
                    if (i > 1) {
                        csv.append(',');
                    }
                    csvValue(csv, rows.getObject(i));
                }
                csv.append('\n');
                count++;
                if (csv.length() >= COPY_BUFFER) {
                    send(in, csv);
                }
                if (count % BATCH == 0) {
                    copied.rows(count);
                }
            }
            send(in, csv);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        copied.rows(count);
        return count;
    }

    private static void send(CopyIn in, StringBuilder csv) throws SQLException {
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        csv.setLength(0);
    }

    /** One value in COPY's CSV: NULL unquoted and empty, text always quoted (so '' stays an empty text, not NULL). */
    static void csvValue(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else if (value instanceof byte[] bytes) {
            csv.append("\\x").append(HexFormat.of().formatHex(bytes));
        } else if (value instanceof BigDecimal decimal) {
            csv.append(decimal.toPlainString());
        } else if (value instanceof Boolean flag) {
            csv.append(flag ? '1' : '0');
        } else {
            // Integer, Long, Double: Java's text of a double reads back as the same double
            csv.append(value);
        }
    }

    private static long insert(ResultSet rows, Connection target, SchemaTables.Table table, Copied copied)
            throws SQLException {
        int width = table.columns().size();
        int perStatement = Math.max(1, PARAMETERS / width);
        String head = "INSERT INTO " + table.quoted() + " (" + table.columnList() + ") VALUES ";
        String one = "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
        long count = 0;
        List<Object[]> pending = new ArrayList<>(perStatement);
        try (PreparedStatement full = target.prepareStatement(head
                + String.join(", ", java.util.Collections.nCopies(perStatement, one)))) {
            while (rows.next()) {
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    row[i] = sqliteValue(rows.getObject(i + 1));
                }
                pending.add(row);
                count++;
                if (pending.size() == perStatement) {
                    bind(full, pending);
                    full.executeUpdate();
                    pending.clear();
                }
                if (count % BATCH == 0) {
                    copied.rows(count);
                }
            }
        }
        if (!pending.isEmpty()) {
            try (PreparedStatement rest = target.prepareStatement(head
                    + String.join(", ", java.util.Collections.nCopies(pending.size(), one)))) {
                bind(rest, pending);
                rest.executeUpdate();
            }
        }
        copied.rows(count);
        return count;
    }

    private static void bind(PreparedStatement statement, List<Object[]> rows) throws SQLException {
        int parameter = 1;
        for (Object[] row : rows) {
            for (Object value : row) {
                statement.setObject(parameter++, value);
            }
        }
    }

    /** A server's value as SQLite stores it: whole numbers as integers, flags as 0/1. */
    private static Object sqliteValue(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.scale() <= 0 || decimal.stripTrailingZeros().scale() <= 0
                    ? (Object) decimal.longValueExact() : (Object) decimal.doubleValue();
        }
        if (value instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        if (value instanceof Short || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        return value;
    }

    /**
     * On PostgreSQL, every identity (or serial) column's sequence set past the highest id copied, so the next row the
     * app adds gets a new id instead of colliding with a copied one. SQLite needs nothing: its next id is max + 1.
     */
    public static void resetSequences(Connection target) throws SQLException {
        if (Dialect.of(target) != Dialect.POSTGRESQL) {
            return;
        }
        List<String[]> sequences = new ArrayList<>();
        try (Statement statement = target.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT table_name, column_name,
                            pg_get_serial_sequence(quote_ident(table_schema) || '.' || quote_ident(table_name), column_name)
                     FROM information_schema.columns
                     WHERE table_schema = current_schema()
                       AND pg_get_serial_sequence(quote_ident(table_schema) || '.' || quote_ident(table_name),
                                                  column_name) IS NOT NULL""")) {
            while (rs.next()) {
                sequences.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        for (String[] sequence : sequences) {
            try (PreparedStatement statement = target.prepareStatement("SELECT setval(CAST(? AS regclass),"
                    + " coalesce(max(" + SchemaTables.quote(sequence[1]) + "), 1), max(" + SchemaTables.quote(sequence[1])
                    + ") IS NOT NULL) FROM " + SchemaTables.quote(sequence[0]))) {
                statement.setString(1, sequence[2]);
                statement.executeQuery().close();
            }
        }
    }

    /** On PostgreSQL, the planner's statistics of every table brought up to date after the bulk load. */
    public static void analyze(Connection target, List<SchemaTables.Table> tables) throws SQLException {
        if (Dialect.of(target) != Dialect.POSTGRESQL) {
            return;
        }
        try (Statement statement = target.createStatement()) {
            for (SchemaTables.Table table : tables) {
                statement.execute("ANALYZE " + table.quoted());
            }
        }
    }
}
