package org.memberdesk.analytics;

/**
 * Revenue = members × conversion × order value × frequency, for one period:
 * the member base (joined by the end of the period, plus anyone who bought in it), the share of them
 * who bought, the average order, and purchases per buying member. The product is the period's sales;
 * returns are then taken off to give revenue. Null parts have an empty base.
 */
public record Decomposition(long members, Ratio conversion, Long avgOrderCents, Double frequency,
                            long salesCents, long returnsCents) {

    public static Decomposition of(Metrics metrics, long memberBase) {
        Double frequency = metrics.buyers() == 0 ? null
                : (double) metrics.purchases() / metrics.buyers();
        return new Decomposition(memberBase, new Ratio(metrics.buyers(), memberBase),
                metrics.avgOrderCents(), frequency, metrics.salesCents(), metrics.returnsCents());
    }

    public long revenueCents() {
        return salesCents - returnsCents;
    }
}
