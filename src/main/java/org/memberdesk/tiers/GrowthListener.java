package org.memberdesk.tiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.memberdesk.points.PointsEarner;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseListener;

/**
 * The growth system's one purchase listener: earns (or takes back) points, then moves the member up
 * when the sale qualifies — in that order, so a sale earns at the tier the member had when paying.
 * It reads the member once for both, and not at all for the next purchase of the same member
 * (imports come grouped by member): only the recorder writes on this connection during the session
 * and every purchase and return passes through here, so the remembered sale count, net spend and
 * tier stay exact. An import batch takes {@link GrowthBatch} instead (same rules, in memory, written
 * set-based), which is also told of lines added to a purchase stored earlier by the same import.
 */
public final class GrowthListener implements PurchaseListener {
    private final PointsEarner earner;
    private final TierUpgrader upgrader;

    public GrowthListener(PointsEarner earner, TierUpgrader upgrader) {
        this.earner = earner;
        this.upgrader = upgrader;
    }

    @Override
    public void purchaseStored(Connection connection, Purchase purchase) throws SQLException {
        try (Session session = open(connection)) {
            session.purchaseStored(purchase);
        }
    }

    @Override
    public Session open(Connection connection) throws SQLException {
        return new Growing(connection);
    }

    /** An import batch in memory ({@link GrowthBatch}); null on a points ladder, which takes the row-by-row path. */
    @Override
    public BatchSession openBatch(Connection connection) throws SQLException {
        Ladder ladder = upgrader.ladder(connection);
        if (ladder.program().basis() != TierProgram.Basis.SPEND) {
            return null;
        }
        return new GrowthBatch(connection, earner.openBatchEarning(connection), ladder);
    }

    private final class Growing implements Session {
        private final PointsEarner.Earning earning;
        private final TierUpgrader.Upgrading upgrading;
        private final PreparedStatement member;
        private long memberId = -1;
        private String birthday;
        private int purchaseCount;
        private String tier;
        private long netSpent;

        Growing(Connection connection) throws SQLException {
            earning = earner.openEarning(connection);
            upgrading = upgrader.open(connection);
            member = connection.prepareStatement("""
                    SELECT birthday, purchase_count, tier, spent_cents - returned_cents FROM members WHERE id = ?""");
        }

        @Override
        public void purchaseStored(Purchase purchase) throws SQLException {
            if (purchase.memberId() == memberId) {
                purchaseCount += purchase.isReturn() ? 0 : 1;
                netSpent += purchase.totalCents();
            } else if (!readMember(purchase.memberId())) {
                return;
            }
            earning.stored(purchase, new PointsEarner.Buyer(birthday, purchaseCount, tier));
            upgrading.seen(purchase);
            if (!purchase.isReturn()) {
                String upgraded = upgrading.upgrade(purchase, tier, netSpent);
                if (upgraded != null) {
                    tier = upgraded;
                }
            }
        }

        /**
         * Reads the member's birthday, purchase count, tier and net spend, which the writer has already updated
         * for the purchase (or the added lines) at hand; false when there is no such member.
         */
        private boolean readMember(long id) throws SQLException {
            member.setLong(1, id);
            try (ResultSet rs = member.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                memberId = id;
                birthday = rs.getString(1);
                purchaseCount = rs.getInt(2);
                tier = rs.getString(3);
                netSpent = rs.getLong(4);
                return true;
            }
        }

        /** Lines added later in the file: earn as {@link GrowthBatch#appended}, then the tier is checked again. */
        @Override
        public void appended(Purchase purchase, java.util.List<org.memberdesk.purchases.PurchaseLine> added)
                throws SQLException {
            if (!readMember(purchase.memberId())) {
                return;
            }
            long extra = 0;
            for (org.memberdesk.purchases.PurchaseLine line : added) {
                extra = Math.addExact(extra, line.amountCents());
            }
            earning.appended(purchase, added, new PointsEarner.Buyer(birthday, purchaseCount, tier));
            upgrading.seen(new Purchase(purchase.id(), purchase.purchaseNo(), purchase.memberId(), purchase.time(),
                    purchase.kind(), extra, added, purchase.refundOf()));
            if (!purchase.isReturn()) {
                String upgraded = upgrading.upgrade(purchase, tier, netSpent);
                if (upgraded != null) {
                    tier = upgraded;
                }
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                earning.close();
            } finally {
                upgrading.close();
                member.close();
            }
        }
    }
}
