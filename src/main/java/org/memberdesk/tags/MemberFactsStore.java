package org.memberdesk.tags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.memberdesk.db.Database;
import org.memberdesk.db.Dialect;

/**
 * The SQL behind {@link MemberFacts}: whether anything happened after a date, and the temporary tables of this
 * connection (never the database file) that sum the purchases or visits on or before it. Static, like
 * {@link MemberFacts#open}, which the segments and analytics call on their own connections; it keeps no state.
 *
 * <p>On PostgreSQL the sums are a derived table in the statement instead: a read there is a read-only transaction,
 * which may not create even a temporary table, and the planner aggregates and hash-joins it in one pass anyway.
 */
final class MemberFactsStore {
    private MemberFactsStore() {
    }

    /** Whole-population passes read the file through the page cache, not one read() call per page. */
    static void mapWholeFile(Connection connection) throws SQLException {
        if (Dialect.of(connection) != Dialect.SQLITE) {
            return; // a server reads through its own shared buffers
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA mmap_size = " + Database.LARGEST_MEMORY_MAP);
        }
    }

    static boolean anyPurchaseAfter(Connection connection, LocalDate asOf) throws SQLException {
        return anyAfter(connection, "SELECT 1 FROM purchases WHERE time >= ? LIMIT 1", asOf);
    }

    static boolean anyVisitAfter(Connection connection, LocalDate asOf) throws SQLException {
        return anyAfter(connection, "SELECT 1 FROM visits WHERE time >= ? LIMIT 1", asOf);
    }

    private static boolean anyAfter(Connection connection, String sql, LocalDate asOf) throws SQLException {
        try (PreparedStatement later = connection.prepareStatement(sql)) {
            later.setString(1, asOf.plusDays(1).toString());
            try (ResultSet rs = later.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Sums each member's purchases on or before the date into {@code temp.asof_NAME} (made anew); its name.
     * A return's total is negative, so the plain sum of totals is spend net of returns.
     */
    static String purchasesUpTo(Connection connection, LocalDate asOf, String name) throws SQLException {
        if (Dialect.of(connection) == Dialect.POSTGRESQL) {
            letters(name);
            return "(" + """
                    SELECT member_id, count(CASE WHEN kind = 'sale' THEN 1 END) AS purchase_count,
                           CAST(sum(total_cents) AS BIGINT) AS net_cents,
                           min(CASE WHEN kind = 'sale' THEN time END) AS first_at,
                           max(CASE WHEN kind = 'sale' THEN time END) AS last_at
                    FROM purchases WHERE time < %s GROUP BY member_id""".formatted(dayAfter(asOf)) + ")";
        }
        String table = "temp.asof_" + letters(name);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("CREATE TABLE " + table + " " + """
                     (member_id INTEGER PRIMARY KEY, purchase_count INTEGER NOT NULL, net_cents INTEGER NOT NULL,
                      first_at TEXT, last_at TEXT)""");
        }
        try (PreparedStatement fill = connection.prepareStatement("INSERT INTO " + table + " " + """
                 SELECT member_id, sum(kind = 'sale'), sum(total_cents),
                        min(CASE WHEN kind = 'sale' THEN time END), max(CASE WHEN kind = 'sale' THEN time END)
                 FROM purchases WHERE time < ? GROUP BY member_id""")) {
            fill.setString(1, asOf.plusDays(1).toString());
            fill.executeUpdate();
        }
        return table;
    }

    /**
     * Counts each member's visits on or before the date into {@code temp.asof_visits_NAME} (made anew); its name.
     * visits_member (member_id, time) covers it: read in member order, no sort.
     */
    static String visitsUpTo(Connection connection, LocalDate asOf, String name) throws SQLException {
        if (Dialect.of(connection) == Dialect.POSTGRESQL) {
            letters(name);
            return "(SELECT member_id, count(*) AS visit_count, max(time) AS last_at FROM visits WHERE time < "
                    + dayAfter(asOf) + " GROUP BY member_id)";
        }
        String table = "temp.asof_visits_" + letters(name);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("CREATE TABLE " + table
                    + " (member_id INTEGER PRIMARY KEY, visit_count INTEGER NOT NULL, last_at TEXT)");
        }
        try (PreparedStatement fill = connection.prepareStatement("INSERT INTO " + table + " " + """
                 SELECT member_id, count(*), max(time) FROM visits WHERE time < ? GROUP BY member_id""")) {
            fill.setString(1, asOf.plusDays(1).toString());
            fill.executeUpdate();
        }
        return table;
    }

    /**
     * The day after the date as a SQL literal, for the derived tables: they sit in the FROM clause, before the
     * parameters the callers bind in order, so the date is written in. It comes from a LocalDate, never from text
     * anyone typed: digits and dashes only.
     */
    private static String dayAfter(LocalDate asOf) {
        String day = asOf.plusDays(1).toString();
        if (!day.matches("[0-9-]+")) {
            throw new IllegalArgumentException("a date beyond the year 9999: " + day);
        }
        return "'" + day + "'";
    }

    /** A table name is made of letters only: it is part of the SQL text, never a bound value. */
    private static String letters(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a table name is letters: " + name);
        }
        return name;
    }
}
