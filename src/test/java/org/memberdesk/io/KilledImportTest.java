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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;
import org.memberdesk.db.IntegrityReport;
import org.sqlite.SQLiteConfig;

/**
 * kill -9 in the middle of a large import, in a real second process: the database must open, pass
 * the integrity check, and hold exactly the batches that had been committed (the importer commits
 * every {@value ImportOptions#DEFAULT_BATCH} purchases), each whole, with member statistics that
 * agree with the purchases.
 */
class KilledImportTest {
    private static final int MEMBERS = 2_000;
    private static final int PURCHASES = 200_000;
    private static final int BATCH = ImportOptions.DEFAULT_BATCH;

    @TempDir
    Path folder;

    @Test
    void aKilledImportLeavesEveryCommittedBatchAndNothingHalf() throws Exception {
        Path db = folder.resolve("shop.db");
        Path members = folder.resolve("members.csv");
        Path purchases = folder.resolve("purchases.csv");
        writeFiles(members, purchases);
        AppContext context = new AppContext(Database.open(db), Clock.systemDefaultZone());
        context.memberImporter().importFile(members, ImportOptions.defaults(), Progress.NONE, Messages.english());

        Process importer = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "-Duser.home=" + folder, "org.memberdesk.Launcher", "--db", db.toString(),
                "import-purchases", purchases.toString(), "--json")
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("importer.out").toFile())
                .start();
        long seenBeforeKill;
        try {
            seenBeforeKill = waitForPurchases(db, 2 * BATCH, importer);
        } finally {
            importer.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no rollback code
            importer.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(seenBeforeKill >= 2 * BATCH, "two batches were committed before the kill");

        Database after = Database.open(db);
        IntegrityReport report = new org.memberdesk.db.Backups(after, Clock.systemDefaultZone()).checkIntegrity();
        assertTrue(report.ok(), "integrity after kill -9: " + report.problems());
        long stored = query(after, "SELECT count(*) FROM purchases");
        assertTrue(stored >= seenBeforeKill, "every batch seen committed is still there: " + stored);
        assertTrue(stored < PURCHASES, "the kill came before the end (else this test proves nothing): " + stored);
        assertEquals(0, stored % BATCH, "only whole batches: " + stored);
        assertEquals(stored, query(after, "SELECT count(*) FROM purchases WHERE import_id = (SELECT max(id) FROM imports)"));
        assertEquals(stored, query(after, "SELECT count(DISTINCT purchase_id) FROM purchase_items"));
        // statistics are written in the same transaction as the purchase: they agree to the row
        assertEquals(stored, query(after, "SELECT sum(purchase_count) FROM members"));
        assertEquals(query(after, "SELECT sum(total_cents) FROM purchases"),
                query(after, "SELECT sum(spent_cents) FROM members"));
        // the killed run is visible as an import that never finished
        assertEquals(List.of("purchases:unfinished"), after.read(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT kind, finished_at FROM imports WHERE kind = 'purchases'")) {
                List<String> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1) + ":" + (rs.getString(2) == null ? "unfinished" : "finished"));
                }
                return rows;
            }
        }));
    }

    /** Polls a read-only connection until {@code target} purchases are committed; returns what it saw. */
    private static long waitForPurchases(Path db, long target, Process importer) throws Exception {
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
                long count = number(connection, "SELECT count(*) FROM purchases");
                if (count >= target) {
                    return count;
                }
            } catch (SQLException e) {
                // the table or file is busy for a moment; look again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no two batches committed within two minutes");
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

    private static void writeFiles(Path members, Path purchases) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(members, StandardCharsets.UTF_8)) {
            out.write("member_no,name,phone\n");
            for (int i = 1; i <= MEMBERS; i++) {
                out.write("M" + i + ",会员" + i + ",1390000" + String.format("%04d", i) + "\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(purchases, StandardCharsets.UTF_8)) {
            out.write("purchase_no,member_no,time,item,quantity,amount\n");
            for (int i = 1; i <= PURCHASES; i++) {
                int day = 1 + i % 28;
                out.write("P" + i + ",M" + (1 + i % MEMBERS) + ",2025-03-" + (day < 10 ? "0" : "") + day
                        + " 10:00:00,门票," + 1 + "," + (10 + i % 90) + ".50\n");
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
