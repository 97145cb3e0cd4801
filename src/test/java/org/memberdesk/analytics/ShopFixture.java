package org.memberdesk.analytics;

import java.nio.file.Path;

/** Lets tests in other packages build the hand-built {@link Shop} and get its database file. */
public final class ShopFixture {
    private ShopFixture() {
    }

    public static Path build(Path folder) {
        Shop.built(folder);
        return folder.resolve("shop.db");
    }
}
