package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.memberdesk.members.MemberStore;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseEffect;
import org.memberdesk.purchases.PurchaseLine;

/**
 * A coupon used on a sale, as an effect of the purchase pipeline: the coupon is marked used by that sale, with
 * the discount it gave, in the sale's own transaction. {@code UPDATE … WHERE used_at IS NULL}: when two counters
 * redeem one code at once, the second finds it used and its whole sale is undone.
 */
public final class CouponRedemption implements PurchaseEffect {

    @Override
    public Step open(Connection connection) {
        return new Step() {
            private final List<Purchase> used = new ArrayList<>();

            @Override
            public void stored(Purchase purchase) {
                if (purchase.discounts().couponId() != null) {
                    used.add(purchase);
                }
            }

            @Override
            public void appended(Purchase purchase, List<PurchaseLine> added) {
                // only an import adds lines, and an imported purchase carries no coupon
            }

            @Override
            public void flush() throws SQLException {
                if (used.isEmpty()) {
                    return;
                }
                try (PreparedStatement mark = connection.prepareStatement("""
                        UPDATE coupons SET used_at = ?, purchase_id = ?, discount_cents = ?
                        WHERE id = ? AND used_at IS NULL""")) {
                    for (Purchase purchase : used) {
                        mark.setString(1, MemberStore.timeText(purchase.time()));
                        mark.setLong(2, purchase.id());
                        mark.setLong(3, purchase.discounts().couponCents());
                        mark.setLong(4, purchase.discounts().couponId());
                        if (mark.executeUpdate() != 1) {
                            throw refusal(connection, purchase.discounts().couponId());
                        }
                    }
                }
                used.clear();
            }
        };
    }

    /** Someone used the coupon between the counter's check and now: throwing undoes the sale too. */
    private static RedemptionRefused refusal(Connection connection, long couponId) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT code, used_at FROM coupons WHERE id = ?")) {
            read.setLong(1, couponId);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    return new RedemptionRefused("coupon.refused.unknown", Long.toString(couponId));
                }
                String usedAt = rs.getString(2);
                return new RedemptionRefused("coupon.refused.used", rs.getString(1),
                        usedAt == null ? "" : usedAt.substring(0, 10));
            }
        }
    }
}
