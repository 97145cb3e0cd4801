package org.memberdesk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Progress;
import org.memberdesk.db.Database;
import org.memberdesk.db.ImportLock;
import org.memberdesk.points.PointsRules;

/**
 * Issue 21 on either engine: an import killed (kill -9 of a real second process, {@link ImportChild}) twice in the
 * middle of its purchases, then run again to its end, leaves what one clean run of the same files leaves — every
 * member's statistics, points and tier, every purchase and line, the ledger entry by entry, what each member bought
 * first, the kept totals and the rule tag. On PostgreSQL the child writes through COPY; the server rolls back the
 * batch it was killed in when its session ends.
 *
 * <p>Compared by the shop's own keys (member number, purchase number, item name) rather than row ids: PostgreSQL
 * never hands back the numbers of a sequence a killed transaction drew, so ids there may have gaps that one clean
 * run has not ({@link CrashAndRerunTest} compares ids too, on SQLite files, where a rolled-back id is used again).
 */
@BothEngines
class KilledAndRerunImportTest {
    private static final int MEMBERS = 600;
    private static final int PURCHASES = 6_000;
    private static final int BATCH = 200;

    @TempDir
    Path folder;

    @Test
    void finding4_aPurchaseImportKilledTwiceThenRunAgainEndsAsOneCleanRun() throws Exception {
        Path members = folder.resolve("members.csv");
        Path purchases = folder.resolve("purchases.csv");
        writeFiles(members, purchases);
        ImportOptions options = ImportOptions.defaults().withBatchSize(BATCH);

        AppContext clean = prepared(folder.resolve("clean"));
        clean.memberImporter().importFile(members, options, Progress.NONE, Messages.english());
        ImportResult once = clean.purchaseImporter().importFile(purchases, options, Progress.NONE,
                Messages.english());
        assertTrue(once.rejected() > 0 && once.imported() > 0, "the file has good and bad rows: " + once.imported());

        AppContext killed = prepared(folder.resolve("killed"));
        killed.memberImporter().importFile(members, options, Progress.NONE, Messages.english());
        killAt(killed.database(), purchases, 2 * BATCH);
        killAt(killed.database(), purchases, 6 * BATCH);
        long stored = number(killed.database(), "SELECT count(*) FROM purchases");
        assertTrue(stored >= 6 * BATCH && stored < once.imported(),
                "the kills came after some batches and before the end: " + stored);
        assertEquals(List.of(List.of("2")), rows(killed.database(),
                "SELECT count(*) FROM imports WHERE kind = 'purchases' AND finished_at IS NULL"),
                "both killed runs are unfinished");

        ImportResult rerun = killed.purchaseImporter().importFile(purchases, options, Progress.NONE,
                Messages.english());
        assertTrue(rerun.resumed(), "the re-run says it finished an interrupted run");
        assertEquals(once.rejected(), rerun.rejected(), "the same rows are refused again");
        assertEquals(List.of(List.of(Long.toString(once.imported()))), rows(killed.database(),
                "SELECT sum(imported) FROM imports WHERE kind = 'purchases'"), "the runs together stored one run's");
        assertSameData(clean.database(), killed.database());

        ImportResult again = killed.purchaseImporter().importFile(purchases, options, Progress.NONE,
                Messages.english());
        assertEquals(0, again.imported(), "a finished file adds nothing");
        assertSameData(clean.database(), killed.database());
    }

    /** A database with points rules that give every kind of earn entry, and a rule tag. */
    private static AppContext prepared(Path folder) {
        AppContext app = new AppContext(TestDatabase.database(folder), Clock.systemDefaultZone());
        // 1 point per yuan, birthday month ×2, sign-up bonus 100, first-purchase bonus 50, expiry after 12 months
        app.points().saveRules(new PointsRules(1, 1, 200, 100, 50, 12, Map.of(), Map.of()));
        app.tags().create("常客", "purchases >= 2");
        return app;
    }

    /** Runs the purchase import in a child process on the same database; kills it once {@code target} are stored. */
    private void killAt(Database database, Path file, long target) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + folder, ImportChild.class.getName(),
                location(database), "purchases", file.toString(), Integer.toString(BATCH))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("child.out").toFile());
        database.server().ifPresent(server -> {
            // the child logs in as this test did: the same password file (its user.home is the test's folder)
            Path passwords = Path.of(System.getProperty("user.home"), ".pgpass");
            if (Files.exists(passwords)) {
                builder.environment().put("PGPASSFILE", passwords.toString());
            }
            server.password().ifPresent(password -> builder.environment().put("PGPASSWORD", password));
        });
        long before = number(database, "SELECT count(*) FROM purchases");
        Process child = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (number(database, "SELECT count(*) FROM purchases") < target) {
                if (!child.isAlive()) {
                    throw new AssertionError("the import ended before it could be killed: "
                            + Files.readString(folder.resolve("child.out")));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the import did not get that far within two minutes (from " + before
                            + "): " + Files.readString(folder.resolve("child.out")));
                }
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no rollback code
            child.waitFor(30, TimeUnit.SECONDS);
        }
        // a server lets go of the killed import's lock once it sees its session gone (at once for a killed process,
        // but the statement it was running ends first); until then another import is refused, as it should be
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ImportLock.isHeld(database)) {
            assertTrue(System.nanoTime() < deadline, "the killed import's lock was never let go");
            Thread.sleep(20);
        }
    }

    /** What {@code --db} takes for this database: the file, or the server's address (its password left out). */
    private static String location(Database database) {
        return database.server().map(Object::toString).orElse(database.file().toString());
    }

    private static void assertSameData(Database expected, Database actual) {
        Map<String, List<List<String>>> want = dump(expected);
        Map<String, List<List<String>>> got = dump(actual);
        for (String table : want.keySet()) {
            List<List<String>> a = want.get(table);
            List<List<String>> b = got.get(table);
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                assertEquals(a.get(i), b.get(i), table + ", row " + (i + 1));
            }
            assertEquals(a.size(), b.size(), table + ": rows");
        }
    }

    /** The data an import makes, by the shop's keys, each in one order both engines sort alike (code points). */
    private static Map<String, List<List<String>>> dump(Database database) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        tables.put("members", rows(database, """
                SELECT member_no, name, phone, purchase_count, return_count, spent_cents, returned_cents,
                       first_purchase_at, last_purchase_at, points, tier
                FROM members ORDER BY member_no"""));
        tables.put("purchases", rows(database, """
                SELECT p.purchase_no, m.member_no, p.time, p.kind, p.total_cents, r.purchase_no
                FROM purchases p JOIN members m ON m.id = p.member_id LEFT JOIN purchases r ON r.id = p.refund_of
                ORDER BY p.purchase_no"""));
        tables.put("purchase_items", rows(database, """
                SELECT p.purchase_no, pi.line_no, i.name, pi.quantity, pi.amount_cents
                FROM purchase_items pi JOIN purchases p ON p.id = pi.purchase_id JOIN items i ON i.id = pi.item_id
                ORDER BY p.purchase_no, pi.line_no"""));
        tables.put("points_ledger", rows(database, """
                SELECT m.member_no, l.time, l.kind, l.points, p.purchase_no, l.reason, l.expires_on, l.remaining,
                       CASE WHEN l.ref_id IS NULL THEN 0 ELSE 1 END
                FROM points_ledger l JOIN members m ON m.id = l.member_id
                LEFT JOIN purchases p ON p.id = l.purchase_id
                ORDER BY m.member_no, l.time, p.purchase_no, l.reason, l.kind, l.points"""));
        tables.put("tier_changes", rows(database, """
                SELECT m.member_no, t.time, t.from_tier, t.to_tier, t.direction, t.reason, p.purchase_no
                FROM tier_changes t JOIN members m ON m.id = t.member_id LEFT JOIN purchases p ON p.id = t.purchase_id
                ORDER BY m.member_no, t.time, t.to_tier"""));
        tables.put("member_items", rows(database, """
                SELECT m.member_no, i.name, mi.first_bought_at
                FROM member_items mi JOIN members m ON m.id = mi.member_id JOIN items i ON i.id = mi.item_id
                ORDER BY m.member_no, i.name"""));
        tables.put("totals", rows(database, "SELECT members, purchases, returns, revenue_cents FROM totals"));
        tables.put("member_tags", rows(database, """
                SELECT t.name, m.member_no FROM member_tags mt JOIN tags t ON t.id = mt.tag_id
                JOIN members m ON m.id = mt.member_id ORDER BY t.name, m.member_no"""));
        return tables;
    }

    private static long number(Database database, String sql) {
        return Long.parseLong(rows(database, sql).get(0).get(0));
    }

    private static List<List<String>> rows(Database database, String sql) {
        return database.read(connection -> {
            List<List<String>> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                int width = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(width);
                    for (int i = 1; i <= width; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    /**
     * Members M1…M600, every 50th born in the month of its purchases (birthday points). Purchases: one line each in
     * the first part of the file; every 3rd has a second line near the end (thousands of rows later, so a kill
     * falls between a purchase's lines), every 11th a second line right after the first; every 97th names an
     * unknown member (refused).
     */
    private static void writeFiles(Path members, Path purchases) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(members, StandardCharsets.UTF_8)) {
            out.write("member_no,name,phone,join_date,birthday\n");
            for (int i = 1; i <= MEMBERS; i++) {
                out.write("M" + i + ",会员" + i + ",139" + String.format("%08d", i) + ",2025-01-" + two(1 + i % 28) + ","
                        + (i % 50 == 0 ? "1990-0" + (1 + i % 9) + "-15" : "") + "\n");
            }
        }
        String[] items = {"门票", "索道", "餐饮", "纪念品", "停车"};
        List<String> first = new ArrayList<>();
        List<String> later = new ArrayList<>();
        for (int p = 1; p <= PURCHASES; p++) {
            String member = p % 97 == 0 ? "X" + p : "M" + (1 + (p * 7) % MEMBERS);
            String head = "P" + p + "," + member + ",2026-" + two(1 + p % 9) + "-" + two(1 + p % 28) + " 1"
                    + (p % 10) + ":00:00,";
            first.add(head + items[p % 5] + "," + (20 + p % 700) + ".50");
            if (p % 11 == 0) {
                first.add(head + items[(p + 1) % 5] + "," + (5 + p % 50));
            }
            if (p % 3 == 0) {
                later.add(head + items[(p + 2) % 5] + "," + (10 + p % 300));
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(purchases, StandardCharsets.UTF_8)) {
            out.write("purchase_no,member_no,time,item,amount\n");
            for (String row : first) {
                out.write(row + "\n");
            }
            for (String row : later) {
                out.write(row + "\n");
            }
        }
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
