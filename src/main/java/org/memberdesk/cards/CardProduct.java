package org.memberdesk.cards;

/**
 * A card the shop sells (Settings → 会员卡). Stored value: pay {@code priceCents}, get price + {@code bonusCents}.
 * Sessions: {@code sessions} within {@code days}. Period: valid {@code days}, at most {@code perDay} entries a day
 * (null: no limit). A freeze allowance of 0 times means the card cannot be frozen.
 *
 * @param tierDiscount whether the member's tier discount applies when it is sold (cards sell at their price unless
 *                     the product says so)
 * @param storeId      the one store its cards are sold and used in (null: every store; {@link StoreLimit})
 */
public record CardProduct(long id, CardKind kind, String name, long priceCents, long bonusCents, Integer sessions,
                          Integer days, Integer perDay, int maxFreezes, int maxFreezeDays, boolean refundable,
                          boolean tierDiscount, boolean archived, Long storeId) {

    /** A product sold and used in every store. */
    public CardProduct(long id, CardKind kind, String name, long priceCents, long bonusCents, Integer sessions,
                       Integer days, Integer perDay, int maxFreezes, int maxFreezeDays, boolean refundable,
                       boolean tierDiscount, boolean archived) {
        this(id, kind, name, priceCents, bonusCents, sessions, days, perDay, maxFreezes, maxFreezeDays, refundable,
                tierDiscount, archived, null);
    }

    /** A product as typed, before it has an id: sold and used in every store until {@link #onlyAt} says one. */
    public static CardProduct draft(CardKind kind, String name, long priceCents, long bonusCents, Integer sessions,
                                    Integer days, Integer perDay, int maxFreezes, int maxFreezeDays,
                                    boolean refundable, boolean tierDiscount) {
        return new CardProduct(0, kind, name, priceCents, bonusCents, sessions, days, perDay, maxFreezes,
                maxFreezeDays, refundable, tierDiscount, false, null);
    }

    /** The same product limited to store {@code store} (null: every store). */
    public CardProduct onlyAt(Long store) {
        return new CardProduct(id, kind, name, priceCents, bonusCents, sessions, days, perDay, maxFreezes,
                maxFreezeDays, refundable, tierDiscount, archived, store);
    }
}
