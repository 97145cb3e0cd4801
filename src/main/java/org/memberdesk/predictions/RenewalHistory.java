package org.memberdesk.predictions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A pass product's renewal history as the sBG model reads it: cohorts of members by the period in which they first
 * bought the product, and how many of each still held it period after period.
 * <p>
 * "Renewed" is the renewal rate's word ({@code CardReports.renewal}), for the same product: a pass is renewed when
 * the member bought another pass of this product, after it, from {@value #GRACE_DAYS} days before its last valid day
 * to {@value #GRACE_DAYS} days after. A member's passes chain from their first: each next one is the first renewal
 * of the one before; a member who did not renew has left, and buying again later does not bring them back into the
 * cohort (they would start no new cohort either: a member has one first purchase).
 * <p>
 * Period 0 is the first pass; a member "survives" period k when their chain has at least k + 1 passes (they renewed
 * k times). Whether a pass was renewed is known once its grace is over (the day after last valid day + 30) or when
 * the renewal was bought. A cohort is the members whose first pass was sold in the same window of the product's
 * length, counted from the product's first sale ({@code from … from + days − 1}); its series runs as far as every
 * member's renewals are known: to the first period some member's renewal is still open, or — when every member has
 * left — to the period in which the last one left (survivors 0). Cohorts with no whole period known are left out.
 */
final class RenewalHistory {
    /** Days before and after a pass's last day in which buying the next one renews it, as the renewal rate counts. */
    static final int GRACE_DAYS = 30;

    private RenewalHistory() {
    }

    /** A cohort: members who first bought in {@code from … to}, and the survivors of periods 0 … n. */
    record Cohort(LocalDate from, LocalDate to, long[] survivors) {
    }

    /** One member's chain: how many passes in a row, and whether the last one's renewal is still open. */
    private record Chain(LocalDate firstSold, int passes, boolean open) {
    }

    /**
     * The cohorts of one product of {@code days} days from its passes (by member, in sale order, refunded ones left
     * out), as known on {@code today}; the earliest first.
     */
    static List<Cohort> cohorts(List<RenewalStore.Pass> passes, int days, LocalDate today) {
        List<Chain> chains = new ArrayList<>();
        int start = 0;
        while (start < passes.size()) {
            int end = start;
            while (end < passes.size() && passes.get(end).memberId() == passes.get(start).memberId()) {
                end++;
            }
            chains.add(chain(passes.subList(start, end), today));
            start = end;
        }
        if (chains.isEmpty()) {
            return List.of();
        }
        LocalDate origin = chains.stream().map(Chain::firstSold).min(LocalDate::compareTo).orElseThrow();
        TreeMap<Long, List<Chain>> windows = new TreeMap<>();
        for (Chain chain : chains) {
            long window = ChronoUnit.DAYS.between(origin, chain.firstSold()) / days;
            windows.computeIfAbsent(window, w -> new ArrayList<>()).add(chain);
        }
        List<Cohort> cohorts = new ArrayList<>();
        windows.forEach((window, members) -> {
            long[] survivors = survivors(members);
            if (survivors.length > 1) {
                LocalDate from = origin.plusDays(window * days);
                cohorts.add(new Cohort(from, from.plusDays(days - 1L), survivors));
            }
        });
        return cohorts;
    }

    /** A member's passes of the product, in sale order, chained by renewals from the first. */
    private static Chain chain(List<RenewalStore.Pass> passes, LocalDate today) {
        RenewalStore.Pass current = passes.get(0);
        int count = 1;
        for (int i = 1; i < passes.size(); i++) {
            RenewalStore.Pass next = passes.get(i);
            LocalDate end = current.validTo();
            if (!next.soldOn().isBefore(end.minusDays(GRACE_DAYS)) && !next.soldOn().isAfter(end.plusDays(GRACE_DAYS))) {
                current = next;
                count++;
            } else if (next.soldOn().isAfter(end.plusDays(GRACE_DAYS))) {
                break; // too late: the member had left; a later pass is a comeback, not a renewal
            }
            // sold earlier than 30 days before the end: not this pass's renewal (as the renewal rate counts it)
        }
        boolean open = today.isBefore(current.validTo().plusDays(GRACE_DAYS + 1L));
        return new Chain(passes.get(0).soldOn(), count, open);
    }

    /** Survivors of periods 0 … n, n being the last period whose renewals are known for every member. */
    private static long[] survivors(List<Chain> members) {
        int known = Integer.MAX_VALUE;
        int longest = 0;
        for (Chain chain : members) {
            longest = Math.max(longest, chain.passes());
            if (chain.open()) {
                // holds passes 1 … m, the m-th's renewal is not known yet: periods 0 … m − 1 are
                known = Math.min(known, chain.passes() - 1);
            }
        }
        int n = Math.min(known, longest);
        long[] survivors = new long[n + 1];
        for (Chain chain : members) {
            for (int k = 0; k <= n && k < chain.passes(); k++) {
                survivors[k]++;
            }
        }
        return survivors;
    }
}
