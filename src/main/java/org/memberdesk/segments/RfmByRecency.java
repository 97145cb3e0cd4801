package org.memberdesk.segments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.memberdesk.tags.MemberFacts;

/**
 * RFM from the kept statistics, walking the members_activity index (ordered by the last purchase and
 * covering every statistic) instead of grouping a million rows by day and purchases:
 * <ol>
 * <li>one small count per calendar day of last purchase gives the R histogram and the totals;</li>
 * <li>R scores and the R mean cut the days into at most six ranges of equal (R score, R high);</li>
 * <li>one streamed pass per range over (purchases, spend) gives F, the grid and the segments.</li>
 * </ol>
 * Same answers as the general path (a test compares them), several times less work.
 */
final class RfmByRecency {
    private RfmByRecency() {
    }

    private record DayRange(long fewestDays, long mostDays, int recencyScore, boolean recent) {
    }

    static RfmResult compute(Connection connection, MemberFacts facts) throws SQLException {
        LocalDate asOf = facts.asOf();
        String since = SegmentStore.earliestLastPurchase(connection);
        if (since == null) {
            return empty(asOf);
        }
        TreeMap<Long, Long> byDays = new TreeMap<>();
        long members = 0;
        long sumDays = 0;
        long sumPurchases = 0;
        long sumNet = 0;
        try (PreparedStatement day = SegmentStore.rfmDay(connection, facts)) {
            for (LocalDate d = LocalDate.parse(since.substring(0, 10)); !d.isAfter(asOf); d = d.plusDays(1)) {
                day.setString(1, d.toString());
                day.setString(2, d.plusDays(1).toString());
                day.setString(3, asOf.toString());
                try (ResultSet rs = day.executeQuery()) {
                    rs.next();
                    long count = rs.getLong(1);
                    if (count > 0) {
                        long days = ChronoUnit.DAYS.between(d, asOf);
                        byDays.put(days, count);
                        members += count;
                        sumDays += days * count;
                        sumPurchases += rs.getLong(2);
                        sumNet += rs.getLong(3);
                    }
                }
            }
        }
        if (members == 0) {
            return empty(asOf);
        }
        long recentBelow = Math.floorDiv(sumDays + members - 1, members);
        long frequentAbove = Math.floorDiv(sumPurchases, members);
        long spendAbove = Math.floorDiv(sumNet, members);
        Map<Long, Integer> recencyScore = RfmService.scores(byDays, members, true);

        // each member's purchases and spend, streamed range by range and counted here: cheaper than
        // letting SQLite build a grouping tree over 800,000 rows
        List<DayRange> ranges = ranges(byDays, recencyScore, recentBelow);
        List<TreeMap<Long, Long>> purchasesByRange = new ArrayList<>();
        Map<RfmSegment, RfmResult.SegmentTotals> segments = RfmService.emptySegments();
        long[][] segmentSums = new long[8][2];
        try (PreparedStatement pass = SegmentStore.rfmRange(connection, facts)) {
            for (DayRange range : ranges) {
                pass.setString(1, asOf.minusDays(range.mostDays()).toString());
                pass.setString(2, asOf.minusDays(range.fewestDays() - 1).toString());
                pass.setString(3, asOf.toString());
                long[] byCount = new long[64];
                TreeMap<Long, Long> histogram = new TreeMap<>();
                try (ResultSet rs = pass.executeQuery()) {
                    while (rs.next()) {
                        int purchases = rs.getInt(1);
                        long net = rs.getLong(2);
                        if (purchases < byCount.length) {
                            byCount[purchases]++;
                        } else {
                            histogram.merge((long) purchases, 1L, Long::sum);
                        }
                        int segment = RfmSegment.of(range.recent(), purchases > frequentAbove, net > spendAbove).ordinal();
                        segmentSums[segment][0]++;
                        segmentSums[segment][1] += net;
                    }
                }
                for (int count = 0; count < byCount.length; count++) {
                    if (byCount[count] > 0) {
                        histogram.put((long) count, byCount[count]);
                    }
                }
                purchasesByRange.add(histogram);
            }
        }
        for (RfmSegment segment : RfmSegment.values()) {
            long[] sums = segmentSums[segment.ordinal()];
            segments.put(segment, new RfmResult.SegmentTotals(sums[0], sums[1]));
        }
        TreeMap<Long, Long> byPurchases = new TreeMap<>();
        purchasesByRange.forEach(h -> h.forEach((count, n) -> byPurchases.merge(count, n, Long::sum)));
        // F scores over the members this pass counted: a score's denominator must be the histogram's own total
        // (were they ever apart, 5 × worse / members could reach 5 and the grid has no sixth column). In one
        // snapshot both passes see the same members, so this is the same number.
        long counted = 0;
        for (long n : byPurchases.values()) {
            counted += n;
        }
        Map<Long, Integer> frequencyScore = RfmService.scores(byPurchases, counted, false);
        long[][] grid = new long[5][5];
        for (int i = 0; i < ranges.size(); i++) {
            int row = ranges.get(i).recencyScore() - 1;
            purchasesByRange.get(i).forEach((count, n) -> grid[row][frequencyScore.get(count) - 1] += n);
        }
        return new RfmResult(asOf, members, sumNet, segments, grid, recentBelow, frequentAbove, spendAbove,
                RfmService.ranges(recencyScore), RfmService.ranges(frequencyScore));
    }

    /** Consecutive days with the same R score and the same side of the R mean, fewest days first. */
    private static List<DayRange> ranges(TreeMap<Long, Long> byDays, Map<Long, Integer> recencyScore,
                                         long recentBelow) {
        List<DayRange> ranges = new ArrayList<>();
        DayRange open = null;
        for (long days : byDays.keySet()) {
            int score = recencyScore.get(days);
            boolean recent = days < recentBelow;
            if (open != null && open.recencyScore() == score && open.recent() == recent) {
                open = new DayRange(open.fewestDays(), days, score, recent);
            } else {
                if (open != null) {
                    ranges.add(open);
                }
                open = new DayRange(days, days, score, recent);
            }
        }
        ranges.add(open);
        // widen each range to the next one's start, so days with no member in between are still read
        List<DayRange> covering = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            DayRange r = ranges.get(i);
            long most = i + 1 < ranges.size() ? ranges.get(i + 1).fewestDays() - 1 : r.mostDays();
            covering.add(new DayRange(r.fewestDays(), most, r.recencyScore(), r.recent()));
        }
        return covering;
    }

    private static RfmResult empty(LocalDate asOf) {
        return new RfmResult(asOf, 0, 0, RfmService.emptySegments(), new long[5][5], 0, 0, 0, new long[5][],
                new long[5][]);
    }
}
