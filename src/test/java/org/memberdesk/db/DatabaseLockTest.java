package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window lock of a database. Found while trying issue 14's restore guards: asking for the lock a second time in
 * the same process opened and closed another channel to the lock file, and on Linux closing any channel drops every
 * lock the process holds on that file — the first window lost its lock silently, and a command-line restore would
 * then have run under it.
 */
class DatabaseLockTest {
    @TempDir
    Path folder;

    @Test
    void askingAgainInTheSameProcessKeepsTheLockThatIsHeld() throws Exception {
        Path db = Files.createFile(folder.resolve("shop.db"));
        try (DatabaseLock window = DatabaseLock.tryAcquire(db).orElseThrow()) {
            assertEquals(Optional.empty(), DatabaseLock.tryAcquire(db), "a second window of this process");
            assertTrue(DatabaseLock.isHeld(db));
            Path link = Files.createSymbolicLink(folder.resolve("link.db"), db);
            assertEquals(Optional.empty(), DatabaseLock.tryAcquire(link), "the same database through a link");

            assertTrue(heldSeenFromAnotherProcess(db), "another process must still see the window's lock");
        }
        assertFalse(heldSeenFromAnotherProcess(db));
        assertTrue(DatabaseLock.tryAcquire(db).map(lock -> {
            lock.close();
            return true;
        }).orElse(false), "free again once the window closed");
    }

    /** {@link DatabaseLock#isHeld} asked by a second JVM, as a command-line restore asks it. */
    private boolean heldSeenFromAnotherProcess(Path db) throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe finished");
        String answer = new String(probe.getInputStream().readAllBytes()).strip();
        assertTrue(answer.equals("held") || answer.equals("free"), answer);
        return answer.equals("held");
    }

    /** The second process: prints whether the database's window lock is held. */
    public static final class LockProbe {
        public static void main(String[] args) {
            System.out.println(DatabaseLock.isHeld(Path.of(args[0])) ? "held" : "free");
        }
    }
}
