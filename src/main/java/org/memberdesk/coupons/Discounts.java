package org.memberdesk.coupons;

import java.util.ArrayList;
import java.util.List;
import org.memberdesk.purchases.PurchaseLine;

/**
 * The money a coupon takes off a purchase, in integer cents. The rules, all on the "eligible"
 * amount (the sale lines whose item the coupon applies to):
 * <ul>
 *   <li>cash 代金券: {@code min(value, eligible)} — a voucher never pays out change;</li>
 *   <li>threshold 满减: the same, once eligible ≥ the minimum spend;</li>
 *   <li>discount 折扣: {@code eligible × percent ÷ 100} rounded DOWN to the cent (integer division),
 *       so the shop never gives more than the printed percentage, then capped;</li>
 *   <li>gift 兑换券: one unit of the gift item free — {@code min(value, cheapest unit price)}, a unit
 *       price being a line's amount ÷ its quantity, rounded down.</li>
 * </ul>
 * The minimum spend (when set) applies to every kind and is compared with the eligible amount.
 */
public final class Discounts {
    private Discounts() {
    }

    /** What a coupon does to a purchase, or why it does nothing ({@code refusal} is a bundle key). */
    public record Outcome(long eligibleCents, long discountCents, String refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    public static long eligible(Coupon coupon, List<PurchaseLine> lines) {
        long eligible = 0;
        for (PurchaseLine line : lines) {
            if (line.amountCents() > 0 && coupon.appliesTo(line.item())) {
                eligible = Math.addExact(eligible, line.amountCents());
            }
        }
        return eligible;
    }

    public static Outcome outcome(Coupon coupon, List<PurchaseLine> lines) {
        long eligible = eligible(coupon, lines);
        if (eligible == 0) {
            return new Outcome(0, 0, "coupon.refused.noItems");
        }
        if (eligible < coupon.minSpendCents()) {
            return new Outcome(eligible, 0, "coupon.refused.minSpend");
        }
        long discount = switch (coupon.kind()) {
            case CASH, THRESHOLD -> Math.min(coupon.valueCents(), eligible);
            case DISCOUNT -> {
                long off = eligible * coupon.percentOff() / 100;
                yield coupon.capCents() == null ? off : Math.min(off, coupon.capCents());
            }
            case GIFT -> Math.min(coupon.valueCents(), cheapestUnit(coupon, lines));
        };
        return new Outcome(eligible, discount, null);
    }

    private static long cheapestUnit(Coupon coupon, List<PurchaseLine> lines) {
        long cheapest = Long.MAX_VALUE;
        for (PurchaseLine line : lines) {
            if (line.amountCents() > 0 && coupon.appliesTo(line.item())) {
                cheapest = Math.min(cheapest, line.amountCents() / Math.max(1, line.quantity()));
            }
        }
        return cheapest;
    }

    /**
     * The purchase lines after the discount, which is spread over the eligible lines in proportion to
     * their amounts (largest remainder, so the cents add up exactly and no line goes below zero).
     * The stored purchase then says what the member really paid, line by line.
     */
    public static List<PurchaseLine> apply(Coupon coupon, List<PurchaseLine> lines, long discountCents) {
        long eligible = eligible(coupon, lines);
        if (discountCents < 0 || discountCents > eligible) {
            throw new IllegalArgumentException("discount " + discountCents + " outside 0.." + eligible);
        }
        long[] shares = new long[lines.size()];
        long[] remainders = new long[lines.size()];
        long given = 0;
        for (int i = 0; i < lines.size(); i++) {
            PurchaseLine line = lines.get(i);
            if (line.amountCents() > 0 && coupon.appliesTo(line.item()) && eligible > 0) {
                long scaled = Math.multiplyExact(discountCents, line.amountCents());
                shares[i] = scaled / eligible;
                remainders[i] = scaled % eligible;
                given += shares[i];
            } else {
                remainders[i] = -1;
            }
        }
        for (long left = discountCents - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (remainders[i] >= 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            // fewer cents are left than there are eligible lines, so no line gets a second one
            shares[best]++;
            remainders[best] = -1;
        }
        List<PurchaseLine> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            PurchaseLine line = lines.get(i);
            result.add(new PurchaseLine(line.item(), line.quantity(), line.amountCents() - shares[i]));
        }
        return result;
    }
}
