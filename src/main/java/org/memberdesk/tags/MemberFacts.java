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
 *
 * <p>Visit facts (count, last visit) are added only by {@link #withVisits}, for the rules and stages that read them:
 * the kept {@code members.visit_count} / {@code last_visit_at} when no visit is later than the date, otherwise
 * summed from the visits the same way.
 */
public final class MemberFacts {
    private final LocalDate asOf;
    private final String join;
    private final String purchases;
    private final String netCents;
    private final String firstAt;
    private final String lastAt;
    private final String visitJoin;
    private final String visits;
    private final String lastVisitAt;

    private MemberFacts(LocalDate asOf, String join, String purchases, String netCents, String firstAt,
                        String lastAt) {
        this(asOf, join, purchases, netCents, firstAt, lastAt, "", null, null);
    }

    private MemberFacts(LocalDate asOf, String join, String purchases, String netCents, String firstAt,
                        String lastAt, String visitJoin, String visits, String lastVisitAt) {
        this.asOf = asOf;
        this.join = join;
        this.purchases = purchases;
        this.netCents = netCents;
        this.firstAt = firstAt;
        this.lastAt = lastAt;
        this.visitJoin = visitJoin;
        this.visits = visits;
        this.lastVisitAt = lastVisitAt;
    }

    /**
     * These facts plus the visits on or before the date. {@code name} as given to {@link #open}; the
     * temporary table is made only when a visit later than the date exists.
     */
    public MemberFacts withVisits(Connection connection, String name) throws SQLException {
        if (visits != null) {
            return this;
        }
        String dayAfter = asOf.plusDays(1).toString();
        try (PreparedStatement later = connection.prepareStatement(
                "SELECT 1 FROM visits WHERE time >= ? LIMIT 1")) {
            later.setString(1, dayAfter);
            try (ResultSet rs = later.executeQuery()) {
                if (!rs.next()) {
                    return new MemberFacts(asOf, join, purchases, netCents, firstAt, lastAt, "", "m.visit_count",
                            "m.last_visit_at");
                }
            }
        }
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a table name is letters: " + name);
        }
        String table = "temp.asof_visits_" + name;
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("CREATE TABLE " + table
                    + " (member_id INTEGER PRIMARY KEY, visit_count INTEGER NOT NULL, last_at TEXT)");
        }
        // visits_member (member_id, time) covers it: read in member order, no sort
        try (PreparedStatement fill = connection.prepareStatement("INSERT INTO " + table + " " + """
                 SELECT member_id, count(*), max(time) FROM visits WHERE time < ? GROUP BY member_id""")) {
            fill.setString(1, dayAfter);
            fill.executeUpdate();
        }
        String alias = "v_" + name;
        return new MemberFacts(asOf, join, purchases, netCents, firstAt, lastAt,
                " LEFT JOIN " + table + " " + alias + " ON " + alias + ".member_id = m.id",
                "coalesce(" + alias + ".visit_count, 0)", alias + ".last_at");
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
        return "members m" + join + visitJoin;
    }

    /** Only the join this date needs after {@code members m} ("" when none), to combine two dates in one query. */
    public String join() {
        return join + visitJoin;
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

    /** Visits (check-ins) on or before the date; 0 when none. Only after {@link #withVisits}. */
    public String visits() {
        return needVisits(visits);
    }

    /** Time of the last visit on or before the date, NULL when none. Only after {@link #withVisits}. */
    public String lastVisitAt() {
        return needVisits(lastVisitAt);
    }

    /**
     * When the member was last active — the one rule of "active" for lifecycle stages and every "last active"
     * question: the last purchase, or where visits count as activity (gyms, scenic areas: the lifecycle setting)
     * the later of the last purchase and the last visit; NULL when neither. Visits need {@link #withVisits}.
     */
    public String lastActiveAt(boolean visitsCount) {
        if (!visitsCount) {
            return lastAt;
        }
        String visit = lastVisitAt();
        return "(CASE WHEN %2$s IS NULL THEN %1$s WHEN %1$s IS NULL OR %2$s > %1$s THEN %2$s ELSE %1$s END)"
                .formatted(lastAt, visit);
    }

    private static String needVisits(String expression) {
        if (expression == null) {
            throw new IllegalStateException("visit facts are added by withVisits");
        }
        return expression;
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
        return join.isEmpty() && visitJoin.isEmpty();
    }
}
