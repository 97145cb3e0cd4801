package org.memberdesk.io;

import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;
import org.memberdesk.db.IntegrityReport;
import org.sqlite.SQLiteConfig;

/**
 * kill -9 in the middle of {@code import-cards}, in a real second process (as {@link KilledImportTest} does for
 * purchases): the database opens and passes the integrity check, holds only whole batches, every card with its one
 * opening entry, the card check holds; running the same file again finishes exactly the rest.
 */
class KilledCardImportTest {
    private static final int MEMBERS = 2_000;
    private static final int CARDS = 200_000;
    private static final int BATCH = ImportOptions.DEFAULT_BATCH;

    @TempDir
    Path folder;

    @Test
    void aKilledCardImportKeepsWholeBatchesAndTheNextRunFinishesIt() throws Exception {
        Path db = folder.resolve("shop.db");
        Path members = folder.resolve("members.csv");
        Path cards = folder.resolve("cards.csv");
        writeFiles(members, cards);
        AppContext context = new AppContext(Database.open(db), Clock.systemDefaultZone());
        context.memberImporter().importFile(members, ImportOptions.defaults(), Progress.NONE, Messages.english());
        context.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "储值", 100_000, 0, null, null, null, 0, 0,
                true, false));
        context.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "十次卡", 50_000, 0, 10, 90, null, 0, 0, true,
                false));
        context.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, null, 0, 0, true,
                false));

        Process importer = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "-Duser.home=" + folder, "org.memberdesk.Launcher", "--db", db.toString(),
                "import-cards", cards.toString(), "--json")
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("importer.out").toFile())
                .start();
        long seenBeforeKill;
        try {
            seenBeforeKill = waitForCards(db, BATCH, importer);
        } finally {
            importer.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback code
            importer.waitFor(30, TimeUnit.SECONDS);
        }

        Database after = Database.open(db);
        IntegrityReport report = new org.memberdesk.db.Backups(after, Clock.systemDefaultZone()).checkIntegrity();
        assertTrue(report.ok(), "integrity after kill -9: " + report.problems());
        long stored = query(after, "SELECT count(*) FROM cards");
        assertTrue(stored >= seenBeforeKill, "every batch seen committed is still there: " + stored);
        assertTrue(stored < CARDS, "the kill came before the end (else this test proves nothing): " + stored);
        assertEquals(0, stored % BATCH, "only whole batches: " + stored);
        assertEquals(stored, query(after, "SELECT count(*) FROM card_entries WHERE kind = 'opening'"));
        AppContext reopened = new AppContext(after, Clock.systemDefaultZone());
        assertTrue(reopened.cardReports().check().ok());

        ImportResult rerun = reopened.cardImporter().importFile(cards, ImportOptions.defaults(), Progress.NONE,
                Messages.english());
        assertTrue(rerun.resumed());
        assertEquals(stored, rerun.alreadyImportedRows());
        assertEquals(CARDS - stored, rerun.imported());
        assertEquals(0, rerun.rejected());
        assertEquals(CARDS, query(after, "SELECT count(*) FROM cards"));
        assertEquals(CARDS, query(after, "SELECT count(*) FROM card_entries"));
        // every row once: the file's principal sums (1 + 2 + … cycling) are the cards' sums
        assertEquals(expectedPrincipal(), query(after, "SELECT sum(principal_cents) FROM cards"));
        assertTrue(reopened.cardReports().check().ok());
    }

    private static long expectedPrincipal() {
        long sum = 0;
        for (int i = 1; i <= CARDS; i++) {
            if (i % 3 == 0) {
                sum += (100 + i % 900) * 100L;
            }
        }
        return sum;
    }

    private static long waitForCards(Path db, long target, Process importer) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!importer.isAlive()) {
                throw new AssertionError("the import ended before it could be killed: "
                        + Files.readString(db.resolveSibling("importer.out")));
            }
            try (Connection connection = config.createConnection("jdbc:sqlite:" + db)) {
                long count = number(connection, "SELECT count(*) FROM cards");
                if (count >= target) {
                    return count;
                }
            } catch (SQLException e) {
                // busy for a moment; look again
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no batch committed within two minutes");
    }

    private static long query(Database database, String sql) {
        return database.read(connection -> number(connection, sql));
    }

    private static long number(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void writeFiles(Path members, Path cards) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(members, StandardCharsets.UTF_8)) {
            out.write("member_no,name,phone\n");
            for (int i = 1; i <= MEMBERS; i++) {
                out.write("M" + i + ",会员" + i + ",1390000" + String.format("%04d", i) + "\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(cards, StandardCharsets.UTF_8)) {
            out.write("member_no,product,principal,bonus,sessions_left,valid_from,valid_to\n");
            for (int i = 1; i <= CARDS; i++) {
                String member = "M" + (1 + i % MEMBERS);
                switch (i % 3) {
                    case 0 -> out.write(member + ",储值," + (100 + i % 900) + "," + (i % 50) + ",,,\n");
                    case 1 -> out.write(member + ",十次卡,,," + (1 + i % 10) + ",2026-11-01,2027-01-29\n");
                    default -> out.write(member + ",月卡,,,,2026-11-10,2026-12-09\n");
                }
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
