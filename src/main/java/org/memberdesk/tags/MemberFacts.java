package org.memberdesk.tags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.memberdesk.db.Database;

/**
 * Where a member's purchase statistics as of a date come from, as SQL over the members table
 * aliased {@code m}. When the date is on or after the latest stored purchase, the statistics the
 * foundation keeps on {@code members} are exact and nothing is computed. For an earlier date the
 * purchases on or before it are summed once into a temporary table of this connection (never the
 * database file), which takes seconds on millions of purchases but is exact.
 */
public final class MemberFacts {
    private final LocalDate asOf;
    private final String join;
    private final String purchases;
    private final String netCents;
    private final String firstAt;
    private final String lastAt;

    private MemberFacts(LocalDate asOf, String join, String purchases, String netCents, String firstAt,
                        String lastAt) {
        this.asOf = asOf;
        this.join = join;
        this.purchases = purchases;
        this.netCents = netCents;
        this.firstAt = firstAt;
        this.lastAt = lastAt;
    }

    /** Facts as of the date on this connection; {@code name} keeps two dates on one connection apart. */
    public static MemberFacts open(Connection connection, LocalDate asOf, String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // whole-population passes read the file through the page cache, not one read() call per page
            statement.execute("PRAGMA mmap_size = " + Database.LARGEST_MEMORY_MAP);
        }
        String dayAfter = asOf.plusDays(1).toString();
        try (PreparedStatement later = connection.prepareStatement(
                "SELECT 1 FROM purchases WHERE time >= ? LIMIT 1")) {
            later.setString(1, dayAfter);
            try (ResultSet rs = later.executeQuery()) {
                if (!rs.next()) {
                    return new MemberFacts(asOf, "", "m.purchase_count",
                            "(m.spent_cents - m.returned_cents)", "m.first_purchase_at", "m.last_purchase_at");
                }
            }
        }
        return computed(connection, asOf, name);
    }

    /** Facts summed from the purchases on or before the date, whatever later purchases exist (checks use it). */
    public static MemberFacts computed(Connection connection, LocalDate asOf, String name) throws SQLException {
        String dayAfter = asOf.plusDays(1).toString();
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a table name is letters: " + name);
        }
        String table = "temp.asof_" + name;
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("CREATE TABLE " + table + " " + """
                     (member_id INTEGER PRIMARY KEY, purchase_count INTEGER NOT NULL, net_cents INTEGER NOT NULL,
                      first_at TEXT, last_at TEXT)""");
        }
        // a return's total is negative, so the plain sum of totals is spend net of returns
        try (PreparedStatement fill = connection.prepareStatement("INSERT INTO " + table + " " + """
                 SELECT member_id, sum(kind = 'sale'), sum(total_cents),
                        min(CASE WHEN kind = 'sale' THEN time END), max(CASE WHEN kind = 'sale' THEN time END)
                 FROM purchases WHERE time < ? GROUP BY member_id""")) {
            fill.setString(1, dayAfter);
            fill.executeUpdate();
        }
        String alias = "s_" + name;
        return new MemberFacts(asOf, " LEFT JOIN " + table + " " + alias + " ON " + alias + ".member_id = m.id",
                "coalesce(" + alias + ".purchase_count, 0)", "coalesce(" + alias + ".net_cents, 0)",
                alias + ".first_at", alias + ".last_at");
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The FROM clause: members aliased m, joined with the computed statistics when needed. */
    public String from() {
        return "members m" + join;
    }

    /** Only the join this date needs after {@code members m} ("" when none), to combine two dates in one query. */
    public String join() {
        return join;
    }

    /** Purchases (not returns) on or before the date; 0 when none. */
    public String purchases() {
        return purchases;
    }

    /** Spend net of returns on or before the date, in cents; 0 when none. */
    public String netCents() {
        return netCents;
    }

    /** Time of the first purchase on or before the date, NULL when none. */
    public String firstAt() {
        return firstAt;
    }

    /** Time of the last purchase on or before the date, NULL when none. */
    public String lastAt() {
        return lastAt;
    }

    /**
     * The condition "had joined by the date", with the date to bind. The unary + keeps SQLite from
     * walking the join-date index for it: nearly every member has joined, so that index only slows a scan.
     */
    public String joined() {
        return "+m.join_date <= ?";
    }

    /** True when the kept statistics on members answer (no later purchase), so their indexes serve. */
    public boolean kept() {
        return join.isEmpty();
    }
}
