package org.memberdesk.sales;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.Discounts;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.tiers.Tier;

/**
 * The order of discounts at the counter: the member's tier discount first, then the coupon on what
 * is left, and the rest is what the customer pays. Pure arithmetic in cents, no database.
 *
 * <p>The tier discount is {@code floor(list × percent ÷ 100)}: the shop never gives more than the
 * printed percentage. It is shared over the lines in proportion to their amounts, so each line says
 * what was really paid for it and a later return refunds exactly that. The coupon's minimum spend is
 * then checked against the eligible amount AFTER the tier discount (issue 15, item 4).
 */
public final class Pricing {
    private Pricing() {
    }

    /** Prices a sale for a member in {@code tier} (null: no tier), with {@code coupon} (null: none). */
    public static Priced price(List<PurchaseLine> lines, Tier tier, Coupon coupon) {
        return tier == null
                ? price(lines, null, 0, coupon)
                : price(lines, tier.name(), tier.discountPercent(), coupon);
    }

    /**
     * Prices a sale: each line's {@code amountCents} is its total at list price (above 0). A refused
     * coupon takes nothing off; the result then carries the refusal, and the counter decides (the
     * command line refuses the whole sale, the screen shows why).
     */
    public static Priced price(List<PurchaseLine> lines, String tierName, int tierPercent, Coupon coupon) {
        if (tierPercent < 0 || tierPercent > 100 || (tierName == null && tierPercent != 0)) {
            throw new IllegalArgumentException("tier discount must be 0..100 % of a named tier, not "
                    + tierName + " " + tierPercent + " %");
        }
        long list = 0;
        for (PurchaseLine line : lines) {
            if (line.amountCents() <= 0 || line.quantity() < 1) {
                throw new IllegalArgumentException("a sale line needs a quantity and an amount above 0: " + line);
            }
            list = Math.addExact(list, line.amountCents());
        }
        long tierOff = Tier.discountCents(list, tierPercent);
        List<PurchaseLine> afterTier = share(lines, list, tierOff);
        if (coupon == null) {
            return new Priced(lines, afterTier, list, tierName, tierPercent, tierOff, null, 0, null, list - tierOff);
        }
        CouponRefusal refusal = refusal(coupon, lines, afterTier, tierOff);
        if (refusal != null) {
            return new Priced(lines, afterTier, list, tierName, tierPercent, tierOff, null, 0, refusal,
                    list - tierOff);
        }
        long couponOff = Discounts.outcome(coupon, afterTier).discountCents();
        List<PurchaseLine> paid = Discounts.apply(coupon, afterTier, couponOff);
        return new Priced(lines, paid, list, tierName, tierPercent, tierOff, coupon, couponOff, null,
                list - tierOff - couponOff);
    }

    /**
     * Why the coupon does nothing for the lines after the tier discount, or null. Two cases get their own
     * words, because the cashier sees the list price and would not understand the plain refusal: the tier
     * discount took the sale under the minimum spend, or left nothing of the coupon's items to pay
     * (a 100 % tier). The coupon is then not used, so the member keeps it for a sale where it saves money.
     */
    private static CouponRefusal refusal(Coupon coupon, List<PurchaseLine> list, List<PurchaseLine> afterTier,
                                         long tierOff) {
        Discounts.Outcome outcome = Discounts.outcome(coupon, afterTier);
        if (outcome.accepted()) {
            return null;
        }
        long before = Discounts.eligible(coupon, list);
        String key = outcome.refusal();
        if (tierOff > 0 && before > 0 && outcome.eligibleCents() == 0) {
            key = "sale.coupon.nothingToPay";
        } else if (tierOff > 0 && before >= coupon.minSpendCents() && "coupon.refused.minSpend".equals(key)) {
            key = "sale.coupon.minSpendAfterTier";
        }
        return new CouponRefusal(key, coupon.minSpendCents(), outcome.eligibleCents(), coupon.items(), before);
    }

    /**
     * The lines with {@code discount} (≤ total) taken off, shared in proportion by cumulative flooring:
     * line i gets {@code floor(D × cum_i ÷ T) − floor(D × cum_(i−1) ÷ T)}. The last cumulative is T, so
     * the shares sum to D exactly; a share is at most {@code ceil(D × amount ÷ T)} ≤ the amount, so no
     * line goes below zero. D × cum can pass 2^63 at the ceiling limits (10^10 cents × 10^10), hence
     * BigInteger for that one product.
     */
    public static List<PurchaseLine> share(List<PurchaseLine> lines, long total, long discount) {
        if (discount == 0) {
            return List.copyOf(lines);
        }
        BigInteger d = BigInteger.valueOf(discount);
        BigInteger t = BigInteger.valueOf(total);
        List<PurchaseLine> result = new ArrayList<>(lines.size());
        long cumulative = 0;
        long given = 0;
        for (PurchaseLine line : lines) {
            cumulative = Math.addExact(cumulative, line.amountCents());
            long upToHere = d.multiply(BigInteger.valueOf(cumulative)).divide(t).longValueExact();
            result.add(new PurchaseLine(line.item(), line.quantity(), line.amountCents() - (upToHere - given)));
            given = upToHere;
        }
        return result;
    }
}
