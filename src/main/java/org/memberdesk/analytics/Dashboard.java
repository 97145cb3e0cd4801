package org.memberdesk.analytics;

import java.util.List;

/**
 * Everything the dashboard shows for a period: its numbers, the previous period's, the trend, and what cards and
 * visits add (this period's and the previous one's), and for a chain seen whole each store's column of the period
 * (empty for one store, or a store's own dashboard).
 */
public record Dashboard(Metrics current, Metrics previous, Decomposition decomposition,
                        Decomposition previousDecomposition, Trend trend, CardFigures cards,
                        CardFigures previousCards, List<StoreFigures> stores) {

    public Dashboard {
        stores = List.copyOf(stores);
    }

    /**
     * The relative change of a count from the previous period, e.g. 0.25 for +25 %; null when the
     * previous value is 0 (no base to compare with).
     */
    public static Double change(long now, long before) {
        return before == 0 ? null : (double) (now - before) / Math.abs(before);
    }

    /** The change of a share in points of percentage, as a fraction (0.62 → 0.65 is 0.03); null if either is absent. */
    public static Double change(Double now, Double before) {
        return now == null || before == null ? null : now - before;
    }
}
