package org.memberdesk.analytics;

import java.nio.file.Path;
import org.memberdesk.app.AppContext;

/** Lets tests in other packages build the hand-built {@link Shop}. */
public final class ShopFixture {
    private ShopFixture() {
    }

    /** The shop in a SQLite file; returns the file (for tests that open it as the app or the command line does). */
    public static Path build(Path folder) {
        Shop.builtInFile(folder);
        return folder.resolve("shop.db");
    }

    /** The shop's database on this test run's engine (a SQLite file in the folder, or a server database). */
    public static org.memberdesk.db.Database database(Path folder) {
        return Shop.built(folder).context.database();
    }

    /** The shop on this test run's engine (TestDatabase), with its fixed clock (2026-04-10 10:00, the zone's own). */
    public static AppContext context(Path folder) {
        return Shop.built(folder).context;
    }
}
