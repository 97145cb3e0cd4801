package org.memberdesk.purchases;

/**
 * What was taken off a sale before it was paid, as the counter priced it: the member's tier discount, then the
 * coupon ({@code couponId}, null without one). The purchase's lines already carry what was paid; these say why,
 * for the receipt and the reports. An imported purchase has none (a file records what was paid).
 */
public record PurchaseDiscounts(long tierCents, long couponCents, Long couponId) {
    public static final PurchaseDiscounts NONE = new PurchaseDiscounts(0, 0, null);

    public PurchaseDiscounts {
        if (tierCents < 0 || couponCents < 0) {
            throw new IllegalArgumentException("a discount is never negative");
        }
    }

    public long totalCents() {
        return Math.addExact(tierCents, couponCents);
    }
}
