package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongFunction;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreHere;
import org.memberdesk.stores.StoreStore;

/**
 * The one rule of where a card works (issue 21): cards are the whole chain's, so a card sold in one store is used in
 * another, unless its product is limited to one store ({@code card_products.store_id}); such a card is sold, topped
 * up and used (check-in, session use, stored-value payment) only at that store, and refused elsewhere in the shop's
 * words ("This card is for 二店 only; this computer is in 本店."). Every seller and user of cards asks here, inside
 * its own transaction, before it writes anything. Also says which store the rows this computer writes belong to.
 */
public final class StoreLimit {
    private final StoreHere here;
    private final StoreStore stores;

    public StoreLimit(StoreHere here, StoreStore stores) {
        this.here = here;
        this.stores = stores;
    }

    /** The store this computer works in: every visit, card entry and payment it writes belongs to it. */
    public long storeHere() {
        return here.id();
    }

    /** Whether a card of a product limited to {@code onlyStoreId} (null: every store) works at this computer. */
    public boolean worksHere(Long onlyStoreId) {
        return worksAt(onlyStoreId, here.id());
    }

    /** Whether a card of a product limited to {@code onlyStoreId} (null: every store) works in {@code storeId}. */
    public static boolean worksAt(Long onlyStoreId, long storeId) {
        return onlyStoreId == null || onlyStoreId == storeId;
    }

    /**
     * Why a card of {@code product} cannot be brought in at store {@code storeId} — a line of a cards file says where
     * its card was sold, not this computer —, as that line's problem; null when it can. {@code stores} names a store
     * by its id (the import reads them once, not per line).
     */
    public static Problem refusalAt(CardProduct product, long storeId, LongFunction<Store> stores) {
        if (worksAt(product.storeId(), storeId)) {
            return null;
        }
        return problem("store", "cards.import.storeOnly", stores.apply(product.storeId()), stores.apply(storeId),
                product.name());
    }

    /** Why this card cannot be sold, topped up or used here; null when it can. */
    Problem refusal(Connection connection, Card card) throws SQLException {
        return refusal(connection, card.onlyStoreId(), card.productName());
    }

    /** Why this product cannot be sold here; null when it can. */
    Problem refusal(Connection connection, CardProduct product) throws SQLException {
        return refusal(connection, product.storeId(), product.name());
    }

    void require(Connection connection, Card card) throws SQLException {
        refuseIf(refusal(connection, card));
    }

    void require(Connection connection, CardProduct product) throws SQLException {
        refuseIf(refusal(connection, product));
    }

    private static void refuseIf(Problem problem) {
        if (problem != null) {
            throw new ValidationException(problem);
        }
    }

    /**
     * The refusal names the card's store and this computer's; store 1 under its seeded name 本店 reads "Main store"
     * in English (the pattern's choice on arguments 2 and 3, as {@link Store#shownName} does on screen).
     */
    private Problem refusal(Connection connection, Long onlyStoreId, String productName) throws SQLException {
        if (worksHere(onlyStoreId)) {
            return null;
        }
        Store only = stores.byId(connection, onlyStoreId).orElse(new Store(onlyStoreId, "#" + onlyStoreId));
        return problem("card", "card.store.only", only, here.current(), productName);
    }

    /** The card's store and the other one, as both refusals' patterns take them. */
    private static Problem problem(String field, String key, Store only, Store other, String productName) {
        return Problem.of(field, key, only.name(), other.name(), only.keepsMainName() ? 1 : 0,
                other.keepsMainName() ? 1 : 0, productName);
    }
}
