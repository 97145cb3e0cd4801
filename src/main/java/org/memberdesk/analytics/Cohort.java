package org.memberdesk.analytics;

import java.time.YearMonth;
import java.util.List;

/**
 * Members whose first purchase ever fell in {@code month}. {@code active.get(k - 1)} is how many of
 * them bought in month k: the k-th calendar month after the cohort month (month 1 of a 2026-01 cohort is
 * 2026-02, whatever the day of the first purchase). Months that have not begun yet are left out, so the
 * list is shorter than the horizon for young cohorts.
 */
public record Cohort(YearMonth month, long size, List<Long> active) {
    public Cohort {
        active = List.copyOf(active);
    }

    /** The share of the cohort buying in month k (1-based); null for an empty cohort or a month not begun. */
    public Double share(int k) {
        if (k < 1 || k > active.size() || size == 0) {
            return null;
        }
        return (double) active.get(k - 1) / size;
    }
}
