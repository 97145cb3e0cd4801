package org.memberdesk.analytics;

import java.util.List;
import java.util.Map;

/**
 * The key numbers of one period; definitions in docs/analytics.md. Money in cents. Values that
 * divide by something that can be empty (average order, every rate) are null when it is empty.
 * {@code activeMembers} bought in the period or, where visits count as activity, came (checked in);
 * {@code buyers} bought.
 */
public record Metrics(
        Period period,
        long newMembers,
        long activeMembers,
        long buyers,
        long newBuyers,
        long purchases,
        long salesCents,
        long returnsCents,
        Ratio repurchase,
        Ratio paidConversion,
        Map<Integer, Ratio> retention) {

    /** The retention horizons in days, in report order. */
    public static final List<Integer> RETENTION_DAYS = List.of(1, 3, 7, 30);

    public Metrics {
        retention = Map.copyOf(retention);
    }

    /** Active members whose first purchase ever was before the period. */
    public long returningMembers() {
        return activeMembers - newBuyers;
    }

    /** Sales minus returns in the period (a return's amount is taken off in the period it happens). */
    public long revenueCents() {
        return salesCents - returnsCents;
    }

    /** Sales totals per purchase, to the nearest cent (halves away from zero); null without purchases. */
    public Long avgOrderCents() {
        return purchases == 0 ? null : divideRounded(salesCents, purchases);
    }

    public Ratio retention(int days) {
        Ratio ratio = retention.get(days);
        if (ratio == null) {
            throw new IllegalArgumentException("no retention for day " + days);
        }
        return ratio;
    }

    /** Integer division rounded to the nearest whole number, halves away from zero; no floating point for money. */
    static long divideRounded(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
        long quotient = numerator / denominator;
        long remainder = Math.abs(numerator % denominator);
        // remainder >= denominator - remainder  <=>  remainder/denominator >= 1/2, without overflow
        if (remainder != 0 && remainder >= denominator - remainder) {
            quotient += numerator < 0 ? -1 : 1;
        }
        return quotient;
    }
}
