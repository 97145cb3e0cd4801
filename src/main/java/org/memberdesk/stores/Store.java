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

    /**
     * Whether {@code typed} (already stripped) is store 1's word while it keeps its seeded name: "Main store" in any
     * case, or 本店 — what a person types for it in either language. The one rule for {@code --store}, the stores
     * commands and an import's store column.
     */
    public boolean isMainStoreWord(String typed) {
        return keepsMainName() && (typed.equalsIgnoreCase(Messages.english().get("store.main"))
                || typed.equals(Messages.chinese().get("store.main")));
    }

    /** The name as a person reads it: store 1's seeded 本店 is "Main store" in English until it is renamed. */
    public String shownName(Messages messages) {
        return keepsMainName() ? messages.get("store.main") : name;
    }
}
