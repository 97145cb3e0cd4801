package org.memberdesk.io;

import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Backup;
import org.memberdesk.db.BackupReason;
import org.memberdesk.db.Database;
import org.memberdesk.db.ImportLock;
import org.memberdesk.db.ImportRunningException;
import org.memberdesk.db.RestoreRefusedException;

/**
 * Finding 11: a restore during a command-line import replaced the data under it (the import then reported
 * 775,537 rows while 15,537 remained). Now, while an import runs in a real second process, a restore and a
 * second import of the same database are refused; kill -9 of the import frees the database at once.
 */
class ImportLockTest {
    private static final int MEMBERS = 1_000;
    private static final int PURCHASES = 300_000;

    @TempDir
    Path folder;

    @Test
    void finding11_restoreDuringImportIsRefused() throws Exception {
        Path db = folder.resolve("shop.db");
        Path members = folder.resolve("members.csv");
        Path purchases = folder.resolve("purchases.csv");
        writeFiles(members, purchases);
        AppContext context = new AppContext(Database.open(db), Clock.systemDefaultZone());
        context.memberImporter().importFile(members, ImportOptions.defaults(), Progress.NONE, Messages.english());
        Backup backup = context.backups().take(BackupReason.MANUAL);
        assertFalse(ImportLock.isHeld(db));

        Process importer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + folder, "org.memberdesk.Launcher",
                "--db", db.toString(), "import-purchases", purchases.toString(), "--json")
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("importer.out").toFile())
                .start();
        try {
            waitForTheLock(db, importer);

            RestoreRefusedException refused = assertThrows(RestoreRefusedException.class,
                    () -> context.backups().restore(backup.file()));
            assertEquals("restore.refused.importRunning", refused.key());
            assertTrue(refused.getMessage().contains("an import"), refused.getMessage());
            ImportRunningException second = assertThrows(ImportRunningException.class,
                    () -> context.purchaseImporter().importFile(purchases, ImportOptions.defaults(),
                            Progress.NONE, Messages.english()));
            assertTrue(second.getMessage().contains("Nothing was imported"), second.getMessage());
            assertTrue(importer.isAlive(), "the import was still running: the refusals were because of it");
        } finally {
            importer.destroyForcibly(); // SIGKILL: the OS drops the lock with the process
            importer.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(ImportLock.isHeld(db), "kill -9 leaves no lock behind");
        context.backups().restore(backup.file());
        assertEquals(0L, (long) context.database().<Long>read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM purchases")) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    private static void waitForTheLock(Path db, Process importer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!importer.isAlive()) {
                throw new AssertionError("the import ended before it was caught running: "
                        + Files.readString(db.resolveSibling("importer.out")));
            }
            if (ImportLock.isHeld(db)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the import did not start within a minute");
    }

    private static void writeFiles(Path members, Path purchases) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(members, StandardCharsets.UTF_8)) {
            out.write("member_no,name\n");
            for (int i = 1; i <= MEMBERS; i++) {
                out.write("M" + i + ",会员" + i + "\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(purchases, StandardCharsets.UTF_8)) {
            out.write("purchase_no,member_no,time,item,quantity,amount\n");
            for (int i = 1; i <= PURCHASES; i++) {
                out.write("P" + i + ",M" + (1 + i % MEMBERS) + ",2025-03-01 10:00:00,门票,1,12.50\n");
            }
        }
    }
}
