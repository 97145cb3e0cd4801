package org.memberdesk.points;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Earns points for every stored sale and takes them back for every return, in the purchase's own
 * transaction, through {@link EarningBatch} (the growth effect of the purchase pipeline opens one per batch:
 * one counter sale, or one import batch of thousands). Rules, item categories and tier percents are read once
 * per batch.
 */
public final class PointsEarner {
    static final String REASON_PURCHASE = "purchase";
    static final String REASON_FIRST_PURCHASE = "first_purchase";
    static final String REASON_SIGNUP = "signup";

    private final PointsStore store;
    private final PointsRulesStore rulesStore;

    public PointsEarner(PointsStore store, PointsRulesStore rulesStore) {
        this.store = store;
        this.rulesStore = rulesStore;
    }

    /** Earning for one batch of the purchase pipeline, in memory, written when the batch ends. */
    public EarningBatch openBatchEarning(Connection connection) throws SQLException {
        return new EarningBatch(connection, rulesStore.load(connection), rulesStore.itemCategories(connection),
                rulesStore.tierPercents(connection));
    }

    /**
     * What earning needs to know of the member, as it is with the purchase counted: the birthday
     * ('YYYY-MM-DD' or null), the sale count (1 on the first sale) and the tier (null: entry).
     */
    public record Buyer(String birthday, int purchaseCount, String tier) {
    }

    /** ⌊earned × refunded / sale⌋, the refunded amount capped at the sale: a full refund takes back everything. */
    static long share(long earned, long refundedCents, long saleCents) {
        if (saleCents <= 0 || refundedCents <= 0) {
            return 0;
        }
        return BigInteger.valueOf(earned).multiply(BigInteger.valueOf(Math.min(refundedCents, saleCents)))
                .divide(BigInteger.valueOf(saleCents)).longValueExact();
    }
}
