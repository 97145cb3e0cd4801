package org.memberdesk.tiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.memberdesk.members.MemberStore;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseListener;

/**
 * Moves a member up in the same transaction as the sale that qualifies them. Wired after the points
 * listener, so a ladder on points sees the points this sale just earned, and the sale itself earned
 * at the tier the member had when paying. Returns never move anyone down: only a review does.
 */
public final class TierUpgrader implements PurchaseListener {
    private final TierStore store;

    public TierUpgrader(TierStore store) {
        this.store = store;
    }

    @Override
    public void purchaseStored(Connection connection, Purchase purchase) throws SQLException {
        try (Session session = open(connection)) {
            session.purchaseStored(purchase);
        }
    }

    @Override
    public Session open(Connection connection) throws SQLException {
        Ladder ladder = store.loadLadder(connection);
        if (ladder.tiers().size() < 2) {
            return purchase -> { };
        }
        return new Upgrading(connection, ladder);
    }

    private final class Upgrading implements Session {
        private final Ladder ladder;
        private final PreparedStatement member;
        private final PreparedStatement window;
        private final PreparedStatement setTier;
        private final PreparedStatement change;

        Upgrading(Connection connection, Ladder ladder) throws SQLException {
            this.ladder = ladder;
            member = connection.prepareStatement("SELECT tier, spent_cents - returned_cents FROM members WHERE id = ?");
            window = connection.prepareStatement(TierStore.windowSql(ladder.program().basis()));
            setTier = connection.prepareStatement("UPDATE members SET tier = ?, tier_upgraded_at = ? WHERE id = ?");
            change = store.prepareChange(connection);
        }

        @Override
        public void purchaseStored(Purchase purchase) throws SQLException {
            if (purchase.isReturn()) {
                return;
            }
            String tier;
            long netSpent;
            member.setLong(1, purchase.memberId());
            try (ResultSet rs = member.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                tier = rs.getString(1);
                netSpent = rs.getLong(2);
            }
            int current = ladder.rankOf(tier);
            if (current == ladder.top().rank()) {
                return;
            }
            // spend in the window can never exceed lifetime spend: most sales need no window query
            if (ladder.program().basis() == TierProgram.Basis.SPEND
                    && netSpent < ladder.at(current + 1).threshold()) {
                return;
            }
            LocalDateTime to = purchase.time();
            long measured = TierStore.measured(window, purchase.memberId(),
                    to.minusMonths(ladder.program().windowMonths()), to);
            int target = ladder.rankFor(measured);
            if (target <= current) {
                return;
            }
            String name = ladder.at(target).name();
            setTier.setString(1, name);
            setTier.setString(2, to.format(MemberStore.TIME));
            setTier.setLong(3, purchase.memberId());
            setTier.executeUpdate();
            TierStore.bindChange(change, purchase.memberId(), to, ladder.at(current).name(), name, true, "purchase", measured,
                    purchase.id());
            change.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            member.close();
            window.close();
            setTier.close();
            change.close();
        }
    }
}
