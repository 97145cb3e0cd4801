package org.memberdesk.sales;

import java.util.List;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.purchases.PurchaseLine;

/**
 * A sale priced at the counter: the lines at list price, the lines as paid (same order; these are
 * what gets recorded, and what a later return refunds), and each discount on its own so the receipt
 * can show "金卡 95 折 −¥6.40" and the coupon as separate lines.
 *
 * @param tierName      the member's tier, or null when the member has none (the percent is then 0)
 * @param coupon        the coupon template that was applied, or null (none given, or refused)
 * @param couponRefusal why the coupon given was refused, or null; when set, nothing was taken off for it
 */
public record Priced(List<PurchaseLine> listLines, List<PurchaseLine> paidLines, long listCents,
                     String tierName, int tierPercent, long tierDiscountCents,
                     Coupon coupon, long couponDiscountCents, CouponRefusal couponRefusal, long paidCents) {

    public Priced {
        listLines = List.copyOf(listLines);
        paidLines = List.copyOf(paidLines);
        // the figures a receipt prints must add up; a mistake here is a bug, never a shop's input
        long paid = paidLines.stream().mapToLong(PurchaseLine::amountCents).reduce(0, Math::addExact);
        if (paid != paidCents || listCents - tierDiscountCents - couponDiscountCents != paidCents
                || listLines.size() != paidLines.size()) {
            throw new IllegalStateException("priced sale does not add up: " + listCents + " - "
                    + tierDiscountCents + " - " + couponDiscountCents + " vs " + paidCents + " (lines " + paid + ")");
        }
    }

    public boolean couponRefused() {
        return couponRefusal != null;
    }
}
