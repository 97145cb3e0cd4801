package org.memberdesk.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.db.DatabaseLock;

class SingleInstanceTest {
    @TempDir
    Path folder;

    @Test
    void aSecondStartBringsTheFirstWindowForward() throws Exception {
        Path db = folder.resolve("shop.db");
        SingleInstance.Claim first = SingleInstance.claim(db);
        SingleInstance.Owner owner = assertInstanceOf(SingleInstance.Owner.class, first);
        CountDownLatch shown = new CountDownLatch(1);
        owner.onShowRequest(shown::countDown);
        try {
            SingleInstance.Claim second = SingleInstance.claim(db);
            SingleInstance.OpenElsewhere elsewhere = assertInstanceOf(SingleInstance.OpenElsewhere.class, second);
            assertTrue(elsewhere.broughtForward());
            assertTrue(shown.await(5, TimeUnit.SECONDS));
            assertTrue(DatabaseLock.isHeld(db));
        } finally {
            owner.close();
        }
        assertFalse(DatabaseLock.isHeld(db), "closing the window frees the database");
        SingleInstance.Claim again = SingleInstance.claim(db);
        assertInstanceOf(SingleInstance.Owner.class, again);
        ((SingleInstance.Owner) again).close();
    }

    @Test
    void whenTheHolderDoesNotAnswerTheSecondStartIsToldTheFileIsInUse() throws Exception {
        Path db = folder.resolve("shop.db");
        // a lock holder that listens nowhere (a hung window, or an older note)
        try (DatabaseLock lock = DatabaseLock.tryAcquire(db).orElseThrow()) {
            lock.writeNote("port=1\n");
            SingleInstance.Claim second = SingleInstance.claim(db);
            assertEquals(new SingleInstance.OpenElsewhere(db, false), second);
        }
    }

    @Test
    void anotherDatabaseIsNotBlocked() {
        try (SingleInstance.Owner a = (SingleInstance.Owner) SingleInstance.claim(folder.resolve("a.db"));
             SingleInstance.Owner b = (SingleInstance.Owner) SingleInstance.claim(folder.resolve("b.db"))) {
            assertTrue(Files.exists(folder.resolve("a.db.lock")));
            assertTrue(Files.exists(folder.resolve("b.db.lock")));
        }
    }

    @Test
    void theNoteNamesThePort() {
        assertEquals(Optional.of(4321), SingleInstance.port("port=4321\npid=77\n"));
        assertEquals(Optional.empty(), SingleInstance.port("pid=77\n"));
        assertEquals(Optional.empty(), SingleInstance.port("port=abc\n"));
    }
}
