package org.memberdesk.tiers;

import java.sql.Connection;
import java.sql.SQLException;
import org.memberdesk.points.PointsEarner;
import org.memberdesk.purchases.PurchaseEffect;

/**
 * The growth system as an effect of a purchase: points are earned (or taken back), then the sale may move the
 * member up — in that order, so a sale earns at the tier the member had when paying. One {@link GrowthBatch}
 * per batch of the pipeline, whether that batch is one counter sale or thousands of imported ones. Returns
 * never move anyone down: only a review does.
 */
public final class GrowthListener implements PurchaseEffect {
    private final PointsEarner earner;
    private final TierStore tiers;

    public GrowthListener(PointsEarner earner, TierStore tiers) {
        this.earner = earner;
        this.tiers = tiers;
    }

    @Override
    public Step open(Connection connection) throws SQLException {
        return new GrowthBatch(connection, earner.openBatchEarning(connection), tiers.loadLadder(connection));
    }
}
