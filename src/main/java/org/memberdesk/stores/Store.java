package org.memberdesk.stores;

import org.memberdesk.common.Messages;

/**
 * A store (门店): a named place of the shop where sales, returns, visits, card sales and top-ups happen. Members,
 * cards, points, tiers, coupons and campaigns are shared by every store. Store 1 exists in every database; it is
 * named 本店 until the owner renames it.
 */
public record Store(long id, String name) {
    /** The store every database starts with, that everything belonged to before there were others. */
    public static final long MAIN = 1;
    /** Store 1's name in a new database (V15). */
    public static final String MAIN_NAME = "本店";

    public boolean isMain() {
        return id == MAIN;
    }

    /** Whether store 1 still has the name it was made with: then it is shown in the person's language. */
    public boolean keepsMainName() {
        return isMain() && MAIN_NAME.equals(name);
    }

    /** The name as a person reads it: store 1's seeded 本店 is "Main store" in English until it is renamed. */
    public String shownName(Messages messages) {
        return keepsMainName() ? messages.get("store.main") : name;
    }
}
