package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseEffect;
import org.memberdesk.purchases.PurchaseLine;

/**
 * A coupon used on a sale, as an effect of the purchase pipeline: the coupon is marked used by that sale, with
 * the discount it gave, in the sale's own transaction. {@code UPDATE … WHERE used_at IS NULL}: when two counters
 * redeem one code at once, the second finds it used and its whole sale is undone.
 */
public final class CouponRedemption implements PurchaseEffect {
    private final CouponStore coupons;

    public CouponRedemption(CouponStore coupons) {
        this.coupons = coupons;
    }

    @Override
    public Step open(Connection connection) {
        return new Step() {
            private final List<Purchase> used = new ArrayList<>();
            /** Sales given money back by this batch's returns: a coupon on a sale now fully returned is freed. */
            private final List<Purchase> returns = new ArrayList<>();

            @Override
            public void stored(Purchase purchase) {
                if (purchase.discounts().couponId() != null) {
                    used.add(purchase);
                }
                if (purchase.isReturn() && purchase.refundOf() != null) {
                    returns.add(purchase);
                }
            }

            /** A voided sale never used its coupon: usable again (its dates decide whether it can still be used). */
            @Override
            public void voided(Purchase sale) throws SQLException {
                CouponUseStore.freeForVoidedSale(connection, sale.memberId(), sale.id());
            }

            @Override
            public void appended(Purchase purchase, List<PurchaseLine> added) {
                // only an import adds lines, and an imported purchase carries no coupon
            }

            @Override
            public void flush() throws SQLException {
                markUsed();
                freeFullyReturned();
            }

            /**
             * A coupon used on a sale that is now returned in full can be used again while it is still valid on
             * the day of the return (after its last day it stays used: it would have expired unused anyway).
             */
            private void freeFullyReturned() throws SQLException {
                if (returns.isEmpty()) {
                    return;
                }
                try (PreparedStatement free = CouponUseStore.freeFullyReturned(connection)) {
                    for (Purchase purchase : returns) {
                        CouponUseStore.bindFreeFullyReturned(free, purchase.refundOf(),
                                purchase.time().toLocalDate().toString(), purchase.memberId());
                        free.executeUpdate();
                    }
                }
                returns.clear();
            }

            private void markUsed() throws SQLException {
                if (used.isEmpty()) {
                    return;
                }
                for (Purchase purchase : used) {
                    if (!coupons.markUsed(connection, purchase.discounts().couponId(), purchase.time(), purchase.id(),
                            purchase.discounts().couponCents())) {
                        throw refusal(connection, purchase.discounts().couponId());
                    }
                }
                used.clear();
            }
        };
    }

    /** Someone used the coupon between the counter's check and now: throwing undoes the sale too. */
    private static RedemptionRefused refusal(Connection connection, long couponId) throws SQLException {
        Optional<CouponUseStore.CodeAndUse> coupon = CouponUseStore.codeAndUse(connection, couponId);
        if (coupon.isEmpty()) {
            return new RedemptionRefused("coupon.refused.unknown", Long.toString(couponId));
        }
        String usedAt = coupon.get().usedAt();
        return new RedemptionRefused("coupon.refused.used", coupon.get().code(),
                usedAt == null ? "" : usedAt.substring(0, 10));
    }
}
