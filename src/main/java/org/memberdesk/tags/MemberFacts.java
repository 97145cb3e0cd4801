package org.memberdesk.tags;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.memberdesk.db.Dialect;

/**
 * Where a member's purchase statistics as of a date come from, as SQL over the members table
 * aliased {@code m}. When the date is on or after the latest stored purchase, the statistics the
 * foundation keeps on {@code members} are exact and nothing is computed. For an earlier date the
 * purchases on or before it are summed once into a temporary table of this connection (never the
 * database file; on PostgreSQL a derived table of the statement, see {@link MemberFactsStore}), which takes seconds
 * on millions of purchases but is exact.
 *
 * <p>Visit facts (count, last visit) are added only by {@link #withVisits}, for the rules and stages that read them:
 * the kept {@code members.visit_count} / {@code last_visit_at} when no visit is later than the date, otherwise
 * summed from the visits the same way.
 */
public final class MemberFacts {
    private final Dialect dialect;
    private final LocalDate asOf;
    private final String join;
    private final String purchases;
    private final String netCents;
    private final String firstAt;
    private final String lastAt;
    private final String visitJoin;
    private final String visits;
    private final String lastVisitAt;

    private MemberFacts(Dialect dialect, LocalDate asOf, String join, String purchases, String netCents,
                        String firstAt, String lastAt) {
        this(dialect, asOf, join, purchases, netCents, firstAt, lastAt, "", null, null);
    }

    private MemberFacts(Dialect dialect, LocalDate asOf, String join, String purchases, String netCents,
                        String firstAt, String lastAt, String visitJoin, String visits, String lastVisitAt) {
        this.dialect = dialect;
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
     * temporary table is made only when a visit later than the date exists ({@link MemberFactsStore}).
     */
    public MemberFacts withVisits(Connection connection, String name) throws SQLException {
        if (visits != null) {
            return this;
        }
        if (!MemberFactsStore.anyVisitAfter(connection, asOf)) {
            return new MemberFacts(dialect, asOf, join, purchases, netCents, firstAt, lastAt, "", "m.visit_count",
                    "m.last_visit_at");
        }
        String alias = "v_" + name;
        String table = MemberFactsStore.visitsUpTo(connection, asOf, name);
        return new MemberFacts(dialect, asOf, join, purchases, netCents, firstAt, lastAt,
                " LEFT JOIN " + table + " " + alias + " ON " + alias + ".member_id = m.id",
                "coalesce(" + alias + ".visit_count, 0)", alias + ".last_at");
    }

    /** Facts as of the date on this connection; {@code name} keeps two dates on one connection apart. */
    public static MemberFacts open(Connection connection, LocalDate asOf, String name) throws SQLException {
        MemberFactsStore.mapWholeFile(connection);
        if (!MemberFactsStore.anyPurchaseAfter(connection, asOf)) {
            return new MemberFacts(Dialect.of(connection), asOf, "", "m.purchase_count",
                    "(m.spent_cents - m.returned_cents)", "m.first_purchase_at", "m.last_purchase_at");
        }
        return computed(connection, asOf, name);
    }

    /** Facts summed from the purchases on or before the date, whatever later purchases exist (checks use it). */
    public static MemberFacts computed(Connection connection, LocalDate asOf, String name) throws SQLException {
        String table = MemberFactsStore.purchasesUpTo(connection, asOf, name);
        String alias = "s_" + name;
        return new MemberFacts(Dialect.of(connection), asOf,
                " LEFT JOIN " + table + " " + alias + " ON " + alias + ".member_id = m.id",
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
     * PostgreSQL has no + for text, and its planner weighs the index by its statistics.
     */
    public String joined() {
        return dialect.pick("+m.join_date <= ?", "m.join_date <= ?");
    }

    /** The engine these facts are SQL for (a rule's arithmetic differs where SQLite and PostgreSQL overflow apart). */
    public Dialect dialect() {
        return dialect;
    }

    /** True when the kept statistics on members answer (no later purchase), so their indexes serve. */
    public boolean kept() {
        return join.isEmpty() && visitJoin.isEmpty();
    }
}
