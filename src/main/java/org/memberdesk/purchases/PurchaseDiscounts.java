package org.memberdesk.purchases;

/**
 * What was taken off a sale before it was paid, as the counter priced it: the member's tier discount, then the
 * coupon ({@code couponId}, null without one). The purchase's lines already carry what was paid; these say why,
 * for the receipt and the reports. An imported purchase has none (a file records what was paid).
 */
public record PurchaseDiscounts(long tierCents, long couponCents, Long couponId, long storedValueBonusCents) {
    public static final PurchaseDiscounts NONE = new PurchaseDiscounts(0, 0, null, 0);

    public PurchaseDiscounts {
        if (tierCents < 0 || couponCents < 0 || storedValueBonusCents < 0) {
            throw new IllegalArgumentException("a discount is never negative");
        }
    }

    public PurchaseDiscounts(long tierCents, long couponCents, Long couponId) {
        this(tierCents, couponCents, couponId, 0);
    }

    /**
     * The same, with the part paid from a stored-value card's bonus (issue 16): the shop gave it away when the
     * card was topped up, so it is recorded like a discount and counts for no spend or points.
     */
    public PurchaseDiscounts withStoredValueBonus(long bonusCents) {
        return new PurchaseDiscounts(tierCents, couponCents, couponId, bonusCents);
    }

    public long totalCents() {
        return Math.addExact(Math.addExact(tierCents, couponCents), storedValueBonusCents);
    }
}
