package org.memberdesk.segments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.memberdesk.tags.MemberFacts;

/**
 * The SQL of lifecycle stages and RFM. The counts are built over {@link MemberFacts} (the kept statistics, or the
 * ones summed at a date), so most statements come with that table's column expressions filled in; the services
 * bind the dates and read the rows. Statements run many times (a day's count, a range's pass) are handed out
 * prepared, for the caller to run again with new values.
 */
final class SegmentStore {
    private SegmentStore() {
    }

    /** A setting's stored value, null when none. */
    static String setting(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void saveSetting(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.executeUpdate();
        }
    }

    /**
     * Members by stage: {@code stage} is the CASE expression with its three date limits, bound from 1; then the
     * as-of date of {@code facts}. Rows (stage key, members).
     */
    static PreparedStatement stageCounts(Connection connection, MemberFacts facts, String stage) throws SQLException {
        return connection.prepareStatement("SELECT " + stage + ", count(*) FROM " + facts.from() + " WHERE "
                + facts.joined() + " GROUP BY 1");
    }

    /** Members of the kept statistics matching {@code where} (over {@code members m}), its values bound in order. */
    static long countMembers(Connection connection, String where, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM members m WHERE "
                + where)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Moves between stages: parameters the earlier date, the two stages' limits (three each) and the later date.
     * Rows (joined by the earlier date, stage then, stage now, members).
     */
    static PreparedStatement stageMoves(Connection connection, MemberFacts before, MemberFacts after,
                                        String stageBefore, String stageAfter) throws SQLException {
        // CASE, not the bare comparison: PostgreSQL's comparison is a boolean, the caller reads 0/1
        return connection.prepareStatement("SELECT CASE WHEN m.join_date <= ? THEN 1 ELSE 0 END, " + stageBefore
                + ", " + stageAfter + ", count(*) FROM members m" + before.join() + after.join()
                + " WHERE m.join_date <= ? GROUP BY 1, 2, 3");
    }

    /** RFM, general way, step 1: rows (date of the last purchase, purchases, members, net cents); as-of bound at 1. */
    static PreparedStatement rfmHistogram(Connection connection, MemberFacts facts) throws SQLException {
        return connection.prepareStatement("""
                SELECT substr(%s, 1, 10), %s, count(*), sum(%s) FROM %s
                WHERE %s AND %s > 0 GROUP BY 1, 2""".formatted(facts.lastAt(), facts.purchases(), facts.netCents(),
                facts.from(), facts.joined(), facts.purchases()));
    }

    /**
     * RFM, general way, step 2: parameters the earliest recent date, purchases and net cents above which F and M are
     * high, the as-of date; rows (R high, F high, M high, members, net cents).
     */
    static PreparedStatement rfmSegments(Connection connection, MemberFacts facts) throws SQLException {
        return connection.prepareStatement("""
                SELECT CASE WHEN %s >= ? THEN 1 ELSE 0 END, CASE WHEN %s > ? THEN 1 ELSE 0 END,
                       CASE WHEN %s > ? THEN 1 ELSE 0 END, count(*), sum(%s) FROM %s
                WHERE %s AND %s > 0 GROUP BY 1, 2, 3""".formatted(facts.lastAt(), facts.purchases(),
                facts.netCents(), facts.netCents(), facts.from(), facts.joined(), facts.purchases()));
    }

    private static final String NET = "(spent_cents - returned_cents)";

    /** RFM by recency: the earliest last purchase of any member (null: nobody bought). */
    static String earliestLastPurchase(Connection connection) throws SQLException {
        try (PreparedStatement first = connection.prepareStatement(
                "SELECT min(last_purchase_at) FROM members WHERE last_purchase_at IS NOT NULL")) {
            try (ResultSet rs = first.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * RFM by recency, one day of last purchase: parameters [from, to) and the as-of date; a row (members,
     * purchases, net cents).
     */
    static PreparedStatement rfmDay(Connection connection, MemberFacts facts) throws SQLException {
        return connection.prepareStatement("""
                SELECT count(*), sum(purchase_count), sum(%s) FROM members m
                WHERE last_purchase_at >= ? AND last_purchase_at < ? AND %s""".formatted(NET, facts.joined()));
    }

    /** RFM by recency, one range of days: parameters [from, to) and the as-of date; rows (purchases, net cents). */
    static PreparedStatement rfmRange(Connection connection, MemberFacts facts) throws SQLException {
        return connection.prepareStatement("""
                SELECT purchase_count, %1$s FROM members m
                WHERE last_purchase_at >= ? AND last_purchase_at < ? AND %2$s""".formatted(NET, facts.joined()));
    }
}
