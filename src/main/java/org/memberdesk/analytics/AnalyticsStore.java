package org.memberdesk.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.memberdesk.db.Dialect;

/**
 * The analytics queries. Read-only; every method works on the caller's connection. Period bounds are
 * bound as text (see {@link Period}); the member statistics columns (first purchase) spare a scan of
 * all purchases wherever "first purchase ever" is asked.
 *
 * <p>Stores (门店, V15): a method that takes a {@code store} (a store id; null: the whole chain) counts what happened
 * there — purchases, check-ins and payments made in it, members who joined in it. With null its text is the one it
 * always was, so the chain's reports keep their covering indexes; the text for one store only adds
 * {@code store_id = ?}, which those indexes do not hold (one store's report reads the rows of the period).
 */
public final class AnalyticsStore {

    /**
     * The ids of a set of rows as one comma-separated text ("12,7,12"), for {@link #parseIds}: SQLite's group_concat;
     * PostgreSQL's string_agg, in the order SQLite's index walk gives them (its time or date index, then the row id).
     * No caller depends on the order within one text (each text is one day's or one month's set), but both engines
     * hand over the same text for the same rows. Purchases are ordered by time and member only: rows that tie on
     * both name the same member, so the text is SQLite's, and PostgreSQL reads them from the time index without
     * sorting by id too (a month of 361,000 sales: 1.1 s instead of 2.1–3.0 s).
     */
    private static String ids(Connection connection, String column, String order) {
        return Dialect.of(connection).pick("group_concat(" + column + ")",
                "string_agg(CAST(" + column + " AS TEXT), ',' ORDER BY " + order + ")");
    }

    /** Receives a period's purchases day by day, in day order. */
    public interface SalesByDay {
        /** The day's totals: purchases, their money, and money given back by returns (positive). */
        void day(int epochDay, long purchases, long salesCents, long returnsCents);

        /** One purchase (not return) of the day by a member; a member buying twice comes twice. */
        void sale(long memberId, int epochDay);

        /** One check-in of the day, after the day's sales (only when asked for); a member coming twice comes twice. */
        default void visit(long memberId, int epochDay) {
        }

        /**
         * With a store asked for: a purchase (not return) made, or (visits asked for) a check-in, at another store
         * that day. Only retention reads it: whether a member came back is asked of the whole chain.
         */
        default void elsewhere(long memberId, int epochDay) {
        }
    }

    /** The highest member id (0 when there are none): the size of the per-member counters. */
    public long maxMemberId(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(max(id), 0) FROM members")) {
            return single(statement);
        }
    }

    /**
     * The period's purchases, one query per day over V5's covering index on time: the day's totals,
     * and its buyers as one comma-separated text built inside SQLite (see {@link #buyersIn} for why).
     */
    public void salesByDay(Connection connection, Period period, SalesByDay sales) throws SQLException {
        salesByDay(connection, period, false, sales);
    }

    /** The same, with each day's check-ins after its sales when {@code withVisits} (visits_time covers them). */
    public void salesByDay(Connection connection, Period period, boolean withVisits, SalesByDay sales)
            throws SQLException {
        salesByDay(connection, period, withVisits, null, sales);
    }

    /**
     * The same for one store ({@code store} null: the chain): the day's totals, sales and check-ins made there, then
     * the purchases and check-ins made at other stores as {@link SalesByDay#elsewhere}.
     */
    public void salesByDay(Connection connection, Period period, boolean withVisits, Long store, SalesByDay sales)
            throws SQLException {
        if (store != null) {
            salesAtStore(connection, period, withVisits, store, sales);
            return;
        }
        try (PreparedStatement visitors = connection.prepareStatement(
                "SELECT " + ids(connection, "member_id", "time, id") + " FROM visits WHERE time >= ? AND time < ?");
             PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE kind = 'sale'), coalesce(sum(total_cents) FILTER (WHERE kind = 'sale'), 0),
                       coalesce(-sum(total_cents) FILTER (WHERE kind = 'return'), 0),
                       %s FILTER (WHERE kind = 'sale')
                FROM purchases WHERE time >= ? AND time < ?""".formatted(
                        ids(connection, "member_id", "time, member_id")))) {
            for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
                int epochDay = (int) day.toEpochDay();
                statement.setString(1, day.toString());
                statement.setString(2, day.plusDays(1).toString());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    sales.day(epochDay, rs.getLong(1), rs.getLong(2), rs.getLong(3));
                    parseIds(rs.getString(4), member -> sales.sale(member, epochDay));
                }
                if (withVisits) {
                    visitors.setString(1, day.toString());
                    visitors.setString(2, day.plusDays(1).toString());
                    forEachId(visitors, member -> sales.visit(member, epochDay));
                }
            }
        }
    }

    private void salesAtStore(Connection connection, Period period, boolean withVisits, long store,
                              SalesByDay sales) throws SQLException {
        String sold = ids(connection, "member_id", "time, member_id");
        try (PreparedStatement visitors = connection.prepareStatement("SELECT "
                + ids(connection, "member_id", "time, id") + " FILTER (WHERE store_id = ?), "
                + ids(connection, "member_id", "time, id") + " FILTER (WHERE store_id <> ?)"
                + " FROM visits WHERE time >= ? AND time < ?");
             PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE kind = 'sale' AND store_id = ?),
                       coalesce(sum(total_cents) FILTER (WHERE kind = 'sale' AND store_id = ?), 0),
                       coalesce(-sum(total_cents) FILTER (WHERE kind = 'return' AND store_id = ?), 0),
                       %s FILTER (WHERE kind = 'sale' AND store_id = ?),
                       %s FILTER (WHERE kind = 'sale' AND store_id <> ?)
                FROM purchases WHERE time >= ? AND time < ?""".formatted(sold, sold))) {
            for (int i = 1; i <= 5; i++) {
                statement.setLong(i, store);
            }
            visitors.setLong(1, store);
            visitors.setLong(2, store);
            for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
                int epochDay = (int) day.toEpochDay();
                statement.setString(6, day.toString());
                statement.setString(7, day.plusDays(1).toString());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    sales.day(epochDay, rs.getLong(1), rs.getLong(2), rs.getLong(3));
                    parseIds(rs.getString(4), member -> sales.sale(member, epochDay));
                    parseIds(rs.getString(5), member -> sales.elsewhere(member, epochDay));
                }
                if (withVisits) {
                    visitors.setString(3, day.toString());
                    visitors.setString(4, day.plusDays(1).toString());
                    try (ResultSet rs = visitors.executeQuery()) {
                        rs.next();
                        parseIds(rs.getString(1), member -> sales.visit(member, epochDay));
                        parseIds(rs.getString(2), member -> sales.elsewhere(member, epochDay));
                    }
                }
            }
        }
    }

    /** Visits (check-ins) in the period and the distinct members who made them: {visits, visitors}. */
    public long[] visits(Connection connection, Period period) throws SQLException {
        return visits(connection, period, null);
    }

    /** The same, made at one store ({@code store} null: the chain). */
    public long[] visits(Connection connection, Period period, Long store) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*), count(DISTINCT member_id) FROM visits WHERE time >= ? AND time < ?" + at(store))) {
            bind(statement, 1, period.firstTime(), period.endTime(), store);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /**
     * Money received in the period by method, refunds paid out taken off (their rows are negative). Stored value
     * is left out: paying from a card moves money received earlier (at its sale or top-up), it brings none in.
     * Methods in the order of their names; a method with no rows is absent.
     */
    public Map<String, Long> cashInByMethod(Connection connection, Period period) throws SQLException {
        return cashInByMethod(connection, period, null);
    }

    /** The same, received at one store ({@code store} null: the chain). */
    public Map<String, Long> cashInByMethod(Connection connection, Period period, Long store) throws SQLException {
        Map<String, Long> methods = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT method, sum(amount_cents) FROM payments
                WHERE time >= ? AND time < ? AND method <> 'stored-value'""" + at(store) + """

                GROUP BY method ORDER BY method""")) {
            bind(statement, 1, period.firstTime(), period.endTime(), store);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    methods.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return methods;
    }

    /** Ids of the members who joined on each day of the period (the join_date index covers it). */
    public void joinedIn(Connection connection, Period period, MemberDay member) throws SQLException {
        joinedIn(connection, period, null, member);
    }

    /** The same, of the members who joined at one store ({@code store} null: anywhere). */
    public void joinedIn(Connection connection, Period period, Long store, MemberDay member) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + ids(connection, "id", "id") + " FROM members WHERE join_date = ?" + at(store))) {
            if (store != null) {
                statement.setLong(2, store);
            }
            for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
                int epochDay = (int) day.toEpochDay();
                statement.setString(1, day.toString());
                forEachId(statement, id -> member.accept(id, epochDay));
            }
        }
    }

    /** Ids of the members whose first purchase ever is on each day of the period (V5's index covers it). */
    public void firstPurchasesIn(Connection connection, Period period, MemberDay member) throws SQLException {
        firstPurchasesIn(connection, period, null, member);
    }

    /**
     * The same, of the members whose first purchase ever was made at one store ({@code store} null: anywhere; see
     * {@link AnalyticsService} on what retention means for one store).
     */
    public void firstPurchasesIn(Connection connection, Period period, Long store, MemberDay member)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT "
                + ids(connection, "id", "first_purchase_at, id")
                + " FROM members WHERE first_purchase_at >= ? AND first_purchase_at < ?" + firstSaleAt(store))) {
            if (store != null) {
                statement.setLong(3, store);
            }
            for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
                int epochDay = (int) day.toEpochDay();
                statement.setString(1, day.toString());
                statement.setString(2, day.plusDays(1).toString());
                forEachId(statement, id -> member.accept(id, epochDay));
            }
        }
    }

    /** A member id with a day (epoch day). */
    @FunctionalInterface
    public interface MemberDay {
        void accept(long memberId, int epochDay);
    }

    /** Buyers of the period who had not joined by its last day (odd, but imported files can say so). */
    public long buyersJoinedLater(Connection connection, Period period) throws SQLException {
        return buyersJoinedLater(connection, period, null);
    }

    /** The same, of the buyers at one store ({@code store} null: at any). */
    public long buyersJoinedLater(Connection connection, Period period, Long store) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FROM members AS m
                WHERE m.join_date > ?
                  AND EXISTS (SELECT 1 FROM purchases AS p
                              WHERE p.member_id = m.id AND p.kind = 'sale' AND p.time >= ? AND p.time < ?"""
                + at(store).replace("store_id", "p.store_id") + ")")) {
            statement.setString(1, period.to().toString());
            bind(statement, 2, period.firstTime(), period.endTime(), store);
            return single(statement);
        }
    }

    /**
     * The member id of every purchase (not return) in a month, repeats included. The ids come back as
     * one comma-separated text built inside SQLite: a year of a big shop is ~3 million purchases, and
     * handing them over one JDBC row at a time costs about four times as much as parsing one text.
     */
    public void buyersIn(Connection connection, YearMonth month, LongConsumer memberId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT "
                + ids(connection, "member_id", "time, member_id")
                + " FROM purchases WHERE time >= ? AND time < ? AND kind = 'sale'")) {
            statement.setString(1, month.atDay(1).toString());
            statement.setString(2, month.plusMonths(1).atDay(1).toString());
            forEachId(statement, memberId);
        }
    }

    /** Ids of the members whose first purchase ever is in a month (as one text, like {@link #buyersIn}). */
    public void firstBuyersIn(Connection connection, YearMonth month, LongConsumer memberId) throws SQLException {
        firstBuyersIn(connection, month, null, memberId);
    }

    /** The same, of the members whose first purchase ever was made at one store ({@code store} null: anywhere). */
    public void firstBuyersIn(Connection connection, YearMonth month, Long store, LongConsumer memberId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT "
                + ids(connection, "id", "first_purchase_at, id")
                + " FROM members WHERE first_purchase_at >= ? AND first_purchase_at < ?" + firstSaleAt(store))) {
            bind(statement, 1, month.atDay(1).toString(), month.plusMonths(1).atDay(1).toString(), store);
            forEachId(statement, memberId);
        }
    }

    private static void forEachId(PreparedStatement statement, LongConsumer memberId) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            parseIds(rs.next() ? rs.getString(1) : null, memberId);
        }
    }

    /** "12,7,12" → 12, 7, 12; null or empty → nothing. */
    static void parseIds(String ids, LongConsumer memberId) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        long id = 0;
        for (int i = 0; i < ids.length(); i++) {
            char c = ids.charAt(i);
            if (c == ',') {
                memberId.accept(id);
                id = 0;
            } else {
                id = id * 10 + (c - '0');
            }
        }
        memberId.accept(id);
    }

    public long joined(Connection connection, Period period) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM members WHERE join_date >= ? AND join_date <= ?")) {
            statement.setString(1, period.from().toString());
            statement.setString(2, period.to().toString());
            return single(statement);
        }
    }

    /** Members who had joined by the end of a day. */
    public long joinedBy(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM members WHERE join_date <= ?")) {
            statement.setString(1, day.toString());
            return single(statement);
        }
    }

    /** A member who joined in a funnel's period, with what they had done by its end. */
    public record Progress(long memberId, long purchases, long spentCents, long referrals) {
    }

    /**
     * Members who joined in the period with, as of its last day: purchases (not returns), money spent
     * (purchases minus returns) and members who name them as referrer and had joined by then.
     */
    public List<Progress> joinedProgress(Connection connection, Period period) throws SQLException {
        return joinedProgress(connection, period, null);
    }

    /** The same, of the members who joined at one store ({@code store} null: anywhere); what they did, anywhere. */
    public List<Progress> joinedProgress(Connection connection, Period period, Long store) throws SQLException {
        List<Progress> members = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT m.id,
                       (SELECT count(*) FROM purchases AS p
                        WHERE p.member_id = m.id AND p.kind = 'sale' AND p.time < ?),
                       (SELECT coalesce(sum(p.total_cents), 0) FROM purchases AS p
                        WHERE p.member_id = m.id AND p.time < ?),
                       (SELECT count(*) FROM members AS r
                        WHERE r.referrer_no = m.member_no AND r.join_date <= ?)
                FROM members AS m
                WHERE m.join_date >= ? AND m.join_date <= ?""" + at(store).replace("store_id", "m.store_id") + """

                ORDER BY m.id""")) {
            // plain ? (SQLite's numbered ?1 is not PostgreSQL's): the period's end and last day are bound twice
            statement.setString(1, period.endTime());
            statement.setString(2, period.endTime());
            statement.setString(3, period.to().toString());
            statement.setString(4, period.from().toString());
            statement.setString(5, period.to().toString());
            if (store != null) {
                statement.setLong(6, store);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    members.add(new Progress(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return members;
    }

    /** Ids of the members who joined in the period, ascending. */
    public long[] joinedIds(Connection connection, Period period) throws SQLException {
        return joinedIds(connection, period, null);
    }

    /** The same, of the members who joined at one store ({@code store} null: anywhere). */
    public long[] joinedIds(Connection connection, Period period, Long store) throws SQLException {
        long[] ids = new long[256];
        int size = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM members WHERE join_date >= ? AND join_date <= ?" + at(store) + " ORDER BY id")) {
            bind(statement, 1, period.from().toString(), period.to().toString(), store);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (size == ids.length) {
                        ids = java.util.Arrays.copyOf(ids, size * 2);
                    }
                    ids[size++] = rs.getLong(1);
                }
            }
        }
        return java.util.Arrays.copyOf(ids, size);
    }

    /** Current members (not archived) by a column's value; the column is a fixed name from the caller, never input. */
    public Map<String, Long> countBy(Connection connection, String column) throws SQLException {
        if (!List.of("tier", "channel").contains(column)) {
            throw new IllegalArgumentException("cannot group members by " + column);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT nullif(trim(" + column + """
                ), '') AS value, count(*) AS n FROM members WHERE archived = 0
                GROUP BY value ORDER BY n DESC, value NULLS FIRST""")) {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /**
     * Current members (not archived) by net spend (purchases minus returns), in bands given by their
     * ascending lower bounds in cents. Index 0 counts members who never bought; index i + 1 the members
     * whose net spend is at least bounds[i] and below bounds[i + 1] (below bounds[0]: index 1... see
     * {@link AnalyticsService#spendBands}).
     */
    public long[] spendBands(Connection connection, long[] bounds) throws SQLException {
        // one "WHEN net < ? THEN i" per bound: the shape comes from the bound count, the values are bound
        StringBuilder band = new StringBuilder("CASE WHEN purchase_count = 0 THEN 0");
        for (int i = 0; i < bounds.length; i++) {
            band.append(" WHEN spent_cents - returned_cents < ? THEN ").append(i + 1);
        }
        band.append(" ELSE ").append(bounds.length + 1).append(" END");
        long[] counts = new long[bounds.length + 2];
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + band
                + " AS band, count(*) FROM members WHERE archived = 0 GROUP BY band")) {
            for (int i = 0; i < bounds.length; i++) {
                statement.setLong(i + 1, bounds[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    counts[rs.getInt(1)] = rs.getLong(2);
                }
            }
        }
        return counts;
    }

    /** A store's column of a period, by store id (a store where nothing happened is absent). */
    public record StoreTally(long newMembers, long purchases, long salesCents, long returnsCents, long visits,
                             long cashInCents) {
        static final StoreTally NONE = new StoreTally(0, 0, 0, 0, 0, 0);
    }

    /**
     * The period per store: sales and returns made in each, members who joined in each, check-ins and money received
     * (stored value left out, as {@link #cashInByMethod}) in each. The same rows the chain's figures count, grouped.
     */
    public Map<Long, StoreTally> byStore(Connection connection, Period period) throws SQLException {
        Map<Long, long[]> rows = new java.util.TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT store_id, count(*) FILTER (WHERE kind = 'sale'),
                       coalesce(sum(total_cents) FILTER (WHERE kind = 'sale'), 0),
                       coalesce(-sum(total_cents) FILTER (WHERE kind = 'return'), 0)
                FROM purchases WHERE time >= ? AND time < ? GROUP BY store_id""")) {
            bind(statement, 1, period.firstTime(), period.endTime(), null);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long[] row = rows.computeIfAbsent(rs.getLong(1), id -> new long[6]);
                    row[1] = rs.getLong(2);
                    row[2] = rs.getLong(3);
                    row[3] = rs.getLong(4);
                }
            }
        }
        groupCount(connection, rows, 0, period.from().toString(), period.to().toString(),
                "SELECT store_id, count(*) FROM members WHERE join_date >= ? AND join_date <= ? GROUP BY store_id");
        groupCount(connection, rows, 4, period.firstTime(), period.endTime(),
                "SELECT store_id, count(*) FROM visits WHERE time >= ? AND time < ? GROUP BY store_id");
        groupCount(connection, rows, 5, period.firstTime(), period.endTime(), """
                SELECT store_id, sum(amount_cents) FROM payments
                WHERE time >= ? AND time < ? AND method <> 'stored-value' GROUP BY store_id""");
        Map<Long, StoreTally> tallies = new LinkedHashMap<>();
        rows.forEach((id, row) -> tallies.put(id, new StoreTally(row[0], row[1], row[2], row[3], row[4], row[5])));
        return tallies;
    }

    /** (store id, figure) rows into column {@code column} of each store's row. */
    private static void groupCount(Connection connection, Map<Long, long[]> rows, int column, String first,
                                   String second, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, 1, first, second, null);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getLong(1), id -> new long[6])[column] = rs.getLong(2);
                }
            }
        }
    }

    /**
     * For one store, "and the member's first sale ever was made there": the earliest sale (first_purchase_at is its
     * time), the lower id first when two share a second, so every buyer's first sale is at exactly one store and the
     * stores' new buyers and cohorts add up to the chain's. The purchases_member_sales index finds it per member.
     */
    private static String firstSaleAt(Long store) {
        // the leading space is the text's own: a text block drops the indentation its lines share
        return store == null ? "" : " " + """
                AND (SELECT p.store_id FROM purchases AS p WHERE p.member_id = members.id AND p.kind = 'sale'
                      ORDER BY p.time, p.id LIMIT 1) = ?""";
    }

    /** " AND store_id = ?" for one store, nothing for the chain (the column's name is ours, never input). */
    private static String at(Long store) {
        return store == null ? "" : " AND store_id = ?";
    }

    /** Binds a range's two ends from {@code index} on, then the store when there is one (see {@link #at}). */
    private static void bind(PreparedStatement statement, int index, String first, String second, Long store)
            throws SQLException {
        statement.setString(index, first);
        statement.setString(index + 1, second);
        if (store != null) {
            statement.setLong(index + 2, store);
        }
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
