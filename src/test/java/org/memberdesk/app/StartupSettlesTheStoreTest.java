package org.memberdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.TestDatabase;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Actor;
import org.memberdesk.stores.Store;

/**
 * The desktop opens a database through {@link Startup}: this computer's store is settled there, off the JavaFX
 * thread and before anyone signs in, from the setting kept beside the database (issue 21, item 2).
 */
class StartupSettlesTheStoreTest {
    @TempDir
    Path folder;

    @Test
    void theStoreThisComputerWasSetToIsTheOneItWorksInAfterTheNextStart() {
        Path file = folder.resolve("shop.db");
        Database database = Database.open(file);
        AppContext before = new AppContext(database, TestDatabase.clock());
        before.stores().add("二店");
        before.stores().workHere(2);
        database.close();

        Startup.Outcome outcome = Startup.open(file, TestDatabase.clock(), Actor.NOBODY);
        try (Startup.Ready ready = assertInstanceOf(Startup.Ready.class, outcome)) {
            assertEquals(new Store(2, "二店"), ready.context().stores().here());
            assertEquals(2, ready.context().storeHere().id());
            ready.context().database().close();
        }
    }

    @Test
    void withoutASettingItIsTheMainStore() {
        Path file = folder.resolve("shop.db");
        Startup.Outcome outcome = Startup.open(file, TestDatabase.clock(), Actor.NOBODY);
        try (Startup.Ready ready = assertInstanceOf(Startup.Ready.class, outcome)) {
            assertEquals(new Store(1, "本店"), ready.context().stores().here());
            ready.context().database().close();
        }
    }
}
