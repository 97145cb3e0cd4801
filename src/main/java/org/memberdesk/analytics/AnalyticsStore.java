package org.memberdesk.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analytics queries. Read-only; every method works on the caller's connection. Period bounds are
 * bound as text (see {@link Period}); the member statistics columns (first purchase) spare a scan of
 * all purchases wherever "first purchase ever" is asked.
 */
public final class AnalyticsStore {

    /** Purchases (not returns) of a period, summed per member and then over members. */
    public record SalesSummary(long activeMembers, long purchases, long salesCents, long repeatBuyers,
                               long newBuyers, long activeJoinedAfter) {
    }

    public SalesSummary sales(Connection connection, Period period) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*), coalesce(sum(s.n), 0), coalesce(sum(s.cents), 0),
                       coalesce(sum(s.n >= 2), 0), coalesce(sum(m.first_purchase_at >= ?1), 0),
                       coalesce(sum(m.join_date > ?3), 0)
                FROM (SELECT member_id, count(*) AS n, sum(total_cents) AS cents
                      FROM purchases
                      WHERE kind = 'sale' AND time >= ?1 AND time < ?2
                      GROUP BY member_id) AS s
                JOIN members AS m ON m.id = s.member_id""")) {
            statement.setString(1, period.firstTime());
            statement.setString(2, period.endTime());
            statement.setString(3, period.to().toString());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new SalesSummary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6));
            }
        }
    }

    /** Money given back by returns in the period, as a positive number of cents. */
    public long returnsCents(Connection connection, Period period) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT coalesce(-sum(total_cents), 0) FROM purchases
                WHERE kind = 'return' AND time >= ? AND time < ?""")) {
            statement.setString(1, period.firstTime());
            statement.setString(2, period.endTime());
            return single(statement);
        }
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

    /** Members who joined in the period and bought on or after their join day, by the end of the period. */
    public long joinedAndBought(Connection connection, Period period) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FROM members AS m
                WHERE m.join_date >= ?1 AND m.join_date <= ?2
                  AND EXISTS (SELECT 1 FROM purchases AS p
                              WHERE p.member_id = m.id AND p.kind = 'sale'
                                AND p.time >= m.join_date AND p.time < ?3)""")) {
            statement.setString(1, period.from().toString());
            statement.setString(2, period.to().toString());
            statement.setString(3, period.endTime());
            return single(statement);
        }
    }

    /**
     * For each member whose first purchase ever is on a day from {@code from} to {@code to − 1}: that day,
     * and the day of their next purchase on a later day (null if none). The caller counts the horizons.
     */
    public List<LocalDate[]> firstAndNextPurchaseDays(Connection connection, Period period) throws SQLException {
        List<LocalDate[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT substr(m.first_purchase_at, 1, 10),
                       (SELECT substr(min(p.time), 1, 10) FROM purchases AS p
                        WHERE p.member_id = m.id AND p.kind = 'sale'
                          AND p.time >= date(m.first_purchase_at, '+1 day'))
                FROM members AS m
                WHERE m.first_purchase_at >= ? AND m.first_purchase_at < ?""")) {
            statement.setString(1, period.firstTime());
            // N >= 1, so a first purchase on the last day can never be in a horizon's base
            statement.setString(2, period.to().toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String next = rs.getString(2);
                    rows.add(new LocalDate[] {LocalDate.parse(rs.getString(1)),
                        next == null ? null : LocalDate.parse(next)});
                }
            }
        }
        return rows;
    }

    /** New members per join day of the period. */
    public Map<LocalDate, Long> joinsByDay(Connection connection, Period period) throws SQLException {
        Map<LocalDate, Long> joins = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT join_date, count(*) FROM members WHERE join_date >= ? AND join_date <= ?
                GROUP BY join_date""")) {
            statement.setString(1, period.from().toString());
            statement.setString(2, period.to().toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    joins.put(LocalDate.parse(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return joins;
    }

    /** Distinct buying members and revenue per bucket (keyed by the bucket's first day). */
    public Map<LocalDate, long[]> purchasesByBucket(Connection connection, Period period, Granularity granularity)
            throws SQLException {
        // the bucket expressions are fixed text chosen by the enum, never user input
        String bucket = switch (granularity) {
            case DAY -> "substr(time, 1, 10)";
            // 'weekday 0' moves to the coming Sunday (or stays on one); six days back is that week's Monday
            case WEEK -> "date(time, 'weekday 0', '-6 days')";
            case MONTH -> "substr(time, 1, 7) || '-01'";
        };
        Map<LocalDate, long[]> buckets = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + bucket + """
                 AS bucket, count(DISTINCT CASE WHEN kind = 'sale' THEN member_id END), sum(total_cents)
                FROM purchases WHERE time >= ? AND time < ?
                GROUP BY bucket""")) {
            statement.setString(1, period.firstTime());
            statement.setString(2, period.endTime());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    buckets.put(LocalDate.parse(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return buckets;
    }

    /** Cohort sizes: members per month of their first purchase ever. */
    public Map<YearMonth, Long> cohortSizes(Connection connection, YearMonth from, YearMonth to) throws SQLException {
        Map<YearMonth, Long> sizes = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT substr(first_purchase_at, 1, 7) AS month, count(*) FROM members
                WHERE first_purchase_at >= ? AND first_purchase_at < ?
                GROUP BY month""")) {
            statement.setString(1, from.atDay(1).toString());
            statement.setString(2, to.plusMonths(1).atDay(1).toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sizes.put(YearMonth.parse(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return sizes;
    }

    /**
     * For cohorts from..to: how many members of each cohort bought in month k = 1..horizon after it,
     * as cohort → long[horizon] (index k−1).
     */
    public Map<YearMonth, long[]> cohortActivity(Connection connection, YearMonth from, YearMonth to, int horizon)
            throws SQLException {
        Map<YearMonth, long[]> activity = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.cohort, substr(p.time, 1, 7) AS month, count(DISTINCT p.member_id)
                FROM (SELECT id, substr(first_purchase_at, 1, 7) AS cohort,
                             substr(first_purchase_at, 1, 7) || '-01' AS cohort_start
                      FROM members WHERE first_purchase_at >= ?1 AND first_purchase_at < ?2) AS c
                JOIN purchases AS p
                  ON p.member_id = c.id AND p.kind = 'sale'
                 AND p.time >= date(c.cohort_start, '+1 month')
                 AND p.time < date(c.cohort_start, '+' || ?3 || ' months')
                GROUP BY c.cohort, month""")) {
            statement.setString(1, from.atDay(1).toString());
            statement.setString(2, to.plusMonths(1).atDay(1).toString());
            statement.setInt(3, horizon + 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    YearMonth cohort = YearMonth.parse(rs.getString(1));
                    int k = (int) ChronoUnit.MONTHS.between(cohort, YearMonth.parse(rs.getString(2)));
                    activity.computeIfAbsent(cohort, c -> new long[horizon])[k - 1] = rs.getLong(3);
                }
            }
        }
        return activity;
    }

    /** A member who joined in a funnel's period, with what they had done by its end. */
    public record Progress(long memberId, long purchases, long spentCents, long referrals) {
    }

    /**
     * Members who joined in the period with, as of its last day: purchases (not returns), money spent
     * (purchases minus returns) and members who name them as referrer and had joined by then.
     */
    public List<Progress> joinedProgress(Connection connection, Period period) throws SQLException {
        List<Progress> members = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT m.id,
                       (SELECT count(*) FROM purchases AS p
                        WHERE p.member_id = m.id AND p.kind = 'sale' AND p.time < ?3),
                       (SELECT coalesce(sum(p.total_cents), 0) FROM purchases AS p
                        WHERE p.member_id = m.id AND p.time < ?3),
                       (SELECT count(*) FROM members AS r
                        WHERE r.referrer_no = m.member_no AND r.join_date <= ?2)
                FROM members AS m
                WHERE m.join_date >= ?1 AND m.join_date <= ?2
                ORDER BY m.id""")) {
            statement.setString(1, period.from().toString());
            statement.setString(2, period.to().toString());
            statement.setString(3, period.endTime());
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
        long[] ids = new long[256];
        int size = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM members WHERE join_date >= ? AND join_date <= ? ORDER BY id")) {
            statement.setString(1, period.from().toString());
            statement.setString(2, period.to().toString());
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
                GROUP BY value ORDER BY n DESC, value""")) {
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

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
