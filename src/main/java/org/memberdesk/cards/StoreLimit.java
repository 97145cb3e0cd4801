package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.SQLException;
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
        return onlyStoreId == null || onlyStoreId == here.id();
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
        Store current = here.current();
        return Problem.of("card", "card.store.only", only.name(), current.name(), only.keepsMainName() ? 1 : 0,
                current.keepsMainName() ? 1 : 0, productName);
    }
}
