package org.memberdesk.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * New members, active members and revenue per bucket of a period. The first and last buckets may
 * stick out of the period (a week that starts before {@code from}); only days of the period count.
 */
public record Trend(Period period, Granularity granularity, List<Point> points) {
    public Trend {
        points = List.copyOf(points);
    }

    /** One bucket, named by its first day. Active members are distinct within the bucket. */
    public record Point(LocalDate start, long newMembers, long activeMembers, long revenueCents) {
    }
}
