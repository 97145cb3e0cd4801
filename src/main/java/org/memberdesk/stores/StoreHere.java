package org.memberdesk.stores;

import java.util.Objects;

/**
 * The store this computer works in, for one open database: one instance in the composition root, read by every
 * write that belongs to a store (sales and returns, visits, card sales, top-ups and uses, payments, new members)
 * and by sign-in (a cashier or manager works at their own store's computers). Set at start from
 * {@code --store} or this computer's setting ({@link StoreSetting}); store 1 until then. Read from any thread.
 */
public final class StoreHere {
    private volatile Store current;

    public StoreHere(Store first) {
        this.current = Objects.requireNonNull(first);
    }

    /** Store 1 under its seeded name, until the database says what this computer's store is. */
    public static StoreHere main() {
        return new StoreHere(new Store(Store.MAIN, Store.MAIN_NAME));
    }

    public Store current() {
        return current;
    }

    public long id() {
        return current.id();
    }

    public void become(Store store) {
        current = Objects.requireNonNull(store);
    }
}
