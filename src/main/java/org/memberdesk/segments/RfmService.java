package org.memberdesk.segments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.memberdesk.db.Database;
import org.memberdesk.tags.MemberFacts;

/**
 * RFM at an as-of date: R = days since the last purchase, F = purchases, M = spend net of returns,
 * over the members who had joined and bought by then. Two grouped passes over the members: the first
 * gives every total, mean and score (R and F values are few, so their histogram is small), the second
 * splits the members by the means. Means are compared in whole numbers (value × members against the
 * sum), so no rounding decides a segment.
 */
public final class RfmService {
    private final Database database;

    public RfmService(Database database) {
        this.database = database;
    }

    public RfmResult compute(LocalDate asOf) {
        return database.read(connection -> compute(connection, asOf));
    }

    static RfmResult compute(Connection connection, LocalDate asOf) throws SQLException {
        return compute(connection, MemberFacts.open(connection, asOf, "rfm"));
    }

    /** Kept statistics go the fast way (by recency over the activity index); summed ones the general way. */
    static RfmResult compute(Connection connection, MemberFacts facts) throws SQLException {
        return facts.kept() ? RfmByRecency.compute(connection, facts) : grouped(connection, facts);
    }

    private static RfmResult grouped(Connection connection, MemberFacts facts) throws SQLException {
        LocalDate asOf = facts.asOf();
        // 1. a histogram by (date of last purchase, purchases) with member counts and spend
        List<long[]> groups = new ArrayList<>();
        try (PreparedStatement statement = SegmentStore.rfmHistogram(connection, facts)) {
            statement.setString(1, asOf.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long days = ChronoUnit.DAYS.between(LocalDate.parse(rs.getString(1)), asOf);
                    groups.add(new long[] {days, rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            }
        }
        long members = 0;
        long sumDays = 0;
        long sumPurchases = 0;
        long sumNet = 0;
        TreeMap<Long, Long> byDays = new TreeMap<>();
        TreeMap<Long, Long> byPurchases = new TreeMap<>();
        for (long[] g : groups) {
            members += g[2];
            sumDays += g[0] * g[2];
            sumPurchases += g[1] * g[2];
            sumNet += g[3];
            byDays.merge(g[0], g[2], Long::sum);
            byPurchases.merge(g[1], g[2], Long::sum);
        }
        Map<RfmSegment, RfmResult.SegmentTotals> segments = emptySegments();
        long[][] grid = new long[5][5];
        if (members == 0) {
            return new RfmResult(asOf, 0, 0, segments, grid, 0, 0, 0, new long[5][], new long[5][]);
        }
        // fewer days is better for R: worse = members with strictly more days
        Map<Long, Integer> recencyScore = scores(byDays, members, true);
        Map<Long, Integer> frequencyScore = scores(byPurchases, members, false);
        for (long[] g : groups) {
            grid[recencyScore.get(g[0]) - 1][frequencyScore.get(g[1]) - 1] += g[2];
        }
        // high R: days × n < Σdays ⇔ days < ⌈Σdays / n⌉; high F: purchases > ⌊Σ / n⌋; high M likewise
        long recentBelow = Math.floorDiv(sumDays + members - 1, members);
        long frequentAbove = Math.floorDiv(sumPurchases, members);
        long spendAbove = Math.floorDiv(sumNet, members);
        // 2. members by (R high, F high, M high)
        try (PreparedStatement statement = SegmentStore.rfmSegments(connection, facts)) {
            // days < recentBelow ⇔ the last purchase is on or after as-of − (recentBelow − 1) days
            statement.setString(1, asOf.minusDays(recentBelow - 1).toString());
            statement.setLong(2, frequentAbove);
            statement.setLong(3, spendAbove);
            statement.setString(4, asOf.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    RfmSegment segment = RfmSegment.of(rs.getInt(1) == 1, rs.getInt(2) == 1, rs.getInt(3) == 1);
                    segments.put(segment, new RfmResult.SegmentTotals(rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        return new RfmResult(asOf, members, sumNet, segments, grid, recentBelow, frequentAbove, spendAbove,
                ranges(recencyScore), ranges(frequencyScore));
    }

    static Map<RfmSegment, RfmResult.SegmentTotals> emptySegments() {
        Map<RfmSegment, RfmResult.SegmentTotals> segments = new EnumMap<>(RfmSegment.class);
        for (RfmSegment segment : RfmSegment.values()) {
            segments.put(segment, new RfmResult.SegmentTotals(0, 0));
        }
        return segments;
    }

    /**
     * score = 1 + ⌊5 × (members with a strictly worse value) / members⌋, so equal values share a score.
     * {@code lowerIsBetter}: for days since the last purchase, a larger value is worse.
     */
    static Map<Long, Integer> scores(TreeMap<Long, Long> histogram, long members, boolean lowerIsBetter) {
        Map<Long, Integer> scores = new TreeMap<>();
        long worse = 0;
        var values = lowerIsBetter ? histogram.descendingMap() : histogram;
        for (Map.Entry<Long, Long> entry : values.entrySet()) {
            scores.put(entry.getKey(), (int) (1 + 5 * worse / members));
            worse += entry.getValue();
        }
        return scores;
    }

    /** For each score 1..5 the [smallest, largest] value that has it, null when no member has it. */
    static long[][] ranges(Map<Long, Integer> scores) {
        long[][] ranges = new long[5][];
        scores.forEach((value, score) -> {
            long[] range = ranges[score - 1];
            if (range == null) {
                ranges[score - 1] = new long[] {value, value};
            } else {
                range[0] = Math.min(range[0], value);
                range[1] = Math.max(range[1], value);
            }
        });
        return ranges;
    }
}
