package org.memberdesk.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts one period in a single pass over its purchases day by day, with per-member counters in
 * arrays indexed by member id (ids are dense: members are never deleted). Reading the period's
 * purchases once, in index order, is what keeps a month of a million-member shop under a second;
 * asking the database member by member costs a random page read each.
 *
 * <p>Feed it: {@link #joined} for members who joined in the period, {@link #firstPurchase} for members
 * whose first purchase ever is in it, then day by day in order {@link #day} totals, {@link #sale} per purchase and,
 * where visits count as activity, {@link #visit} per check-in. A member is active in the period when they bought or
 * (visits counted) came; buyers alone are the base of the repurchase rate and the revenue decomposition.
 */
final class PeriodTally {
    private static final int NONE = Integer.MIN_VALUE;

    private final Period period;
    private final int from;
    private final int to;
    private final int[] purchasesOf;
    private final int[] joinDay;
    private final int[] firstDay;
    private final int[] nextGap;
    private final boolean[] converted;
    private final boolean[] came;
    private int[] retentionBase;
    private int retentionBaseSize;
    private final Granularity granularity;
    private final List<LocalDate> bucketStarts = new ArrayList<>();
    private final int[] bucketOfDay;
    private final int[] lastBucketOf;
    private final long[] bucketJoined;
    private final long[] bucketActive;
    private final long[] bucketRevenue;

    private long newMembers;
    private long newBuyers;
    private long activeMembers;
    private long buyers;
    private long repeatBuyers;
    private long purchases;
    private long salesCents;
    private long returnsCents;
    private long conversions;

    /** {@code granularity} null: no trend is kept. */
    PeriodTally(Period period, long maxMemberId, Granularity granularity) {
        this.period = period;
        this.from = (int) period.from().toEpochDay();
        this.to = (int) period.to().toEpochDay();
        int size = Math.toIntExact(maxMemberId + 1);
        purchasesOf = new int[size];
        joinDay = filled(size);
        firstDay = filled(size);
        nextGap = new int[size];
        converted = new boolean[size];
        came = new boolean[size];
        retentionBase = new int[16];
        this.granularity = granularity;
        if (granularity != null) {
            bucketOfDay = new int[to - from + 1];
            for (LocalDate start = granularity.bucketStart(period.from()); !start.isAfter(period.to());
                 start = granularity.next(start)) {
                int bucket = bucketStarts.size();
                bucketStarts.add(start);
                int first = Math.max(from, (int) start.toEpochDay());
                int last = Math.min(to, (int) granularity.next(start).toEpochDay() - 1);
                Arrays.fill(bucketOfDay, first - from, last - from + 1, bucket);
            }
            lastBucketOf = filled(size);
            bucketJoined = new long[bucketStarts.size()];
            bucketActive = new long[bucketStarts.size()];
            bucketRevenue = new long[bucketStarts.size()];
        } else {
            bucketOfDay = null;
            lastBucketOf = null;
            bucketJoined = null;
            bucketActive = null;
            bucketRevenue = null;
        }
    }

    void joined(long memberId, int day) {
        newMembers++;
        joinDay[(int) memberId] = day;
        if (granularity != null) {
            bucketJoined[bucketOfDay[day - from]]++;
        }
    }

    /** A member whose first purchase ever is on {@code day}, a day of the period. */
    void firstPurchase(long memberId, int day) {
        newBuyers++;
        // retention dN needs F ≤ to − N with N ≥ 1: a first purchase on the last day is in no base
        if (day < to) {
            firstDay[(int) memberId] = day;
            if (retentionBaseSize == retentionBase.length) {
                retentionBase = Arrays.copyOf(retentionBase, retentionBaseSize * 2);
            }
            retentionBase[retentionBaseSize++] = (int) memberId;
        }
    }

    /** A day's totals (every day of the period, in order, before or after its sales). */
    void day(int day, long dayPurchases, long daySalesCents, long dayReturnsCents) {
        purchases += dayPurchases;
        salesCents += daySalesCents;
        returnsCents += dayReturnsCents;
        if (granularity != null) {
            bucketRevenue[bucketOfDay[day - from]] += daySalesCents - dayReturnsCents;
        }
    }

    /** One purchase (not return) by a member; days come in order. */
    void sale(long memberId, int day) {
        int m = (int) memberId;
        int count = ++purchasesOf[m];
        if (count == 1) {
            buyers++;
        } else if (count == 2) {
            repeatBuyers++;
        }
        if (joinDay[m] != NONE && day >= joinDay[m] && !converted[m]) {
            converted[m] = true;
            conversions++;
        }
        active(m, day);
    }

    /** One check-in by a member (fed only where visits count as activity); days come in order. */
    void visit(long memberId, int day) {
        active((int) memberId, day);
    }

    /**
     * One store's tally only: the member bought or (visits counted) came at another store that day. It is no activity
     * of this store; it answers retention's "did they come back", which is asked of the whole chain.
     */
    void elsewhere(long memberId, int day) {
        cameBack((int) memberId, day);
    }

    /** The member did something that counts as activity on {@code day}. */
    private void active(int m, int day) {
        if (!came[m]) {
            came[m] = true;
            activeMembers++;
        }
        cameBack(m, day);
        if (granularity != null) {
            int bucket = bucketOfDay[day - from];
            if (lastBucketOf[m] != bucket) {
                lastBucketOf[m] = bucket;
                bucketActive[bucket]++;
            }
        }
    }

    private void cameBack(int m, int day) {
        // days come in order: the first activity on a later day than F is the next one
        if (firstDay[m] != NONE && nextGap[m] == 0 && day > firstDay[m]) {
            nextGap[m] = day - firstDay[m];
        }
    }

    Metrics metrics() {
        Map<Integer, Ratio> retention = new LinkedHashMap<>();
        for (int days : Metrics.RETENTION_DAYS) {
            long base = 0;
            long kept = 0;
            for (int i = 0; i < retentionBaseSize; i++) {
                int m = retentionBase[i];
                if (firstDay[m] <= to - days) {
                    base++;
                    if (nextGap[m] != 0 && nextGap[m] <= days) {
                        kept++;
                    }
                }
            }
            retention.put(days, new Ratio(kept, base));
        }
        return new Metrics(period, newMembers, activeMembers, buyers, newBuyers, purchases, salesCents, returnsCents,
                new Ratio(repeatBuyers, buyers), new Ratio(conversions, newMembers), retention);
    }

    Trend trend() {
        List<Trend.Point> points = new ArrayList<>();
        for (int i = 0; i < bucketStarts.size(); i++) {
            points.add(new Trend.Point(bucketStarts.get(i), bucketJoined[i], bucketActive[i], bucketRevenue[i]));
        }
        return new Trend(period, granularity, points);
    }

    int from() {
        return from;
    }

    private static int[] filled(int size) {
        int[] values = new int[size];
        Arrays.fill(values, NONE);
        return values;
    }
}
