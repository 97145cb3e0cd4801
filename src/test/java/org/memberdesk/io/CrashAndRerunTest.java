package org.memberdesk.io;

import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;
import org.memberdesk.points.PointsRules;
import org.sqlite.SQLiteConfig;

/**
 * The bar: an import of a members file with keyless members and a purchases file whose purchases have
 * lines far apart, killed (kill -9 of a real second process) at several points and run again until it finishes,
 * leaves a database equal to one clean import of the same files — table by table, the points ledger entry by
 * entry, member statistics, member_items, tiers and rule tags.
 *
 * <p>What is not compared, and why: {@code imports} (the crashed database has one row per run, the clean one a
 * single row; their counts are checked against each other below), {@code import_rows} (its ranges end where each
 * run's batches ended; the rows they cover are compared instead), {@code purchases.import_id} (which run stored
 * the purchase), the tag's {@code created_at}/{@code refreshed_at} and {@code member_tags.added_at} (the clock when
 * the tag was made and refreshed), and Flyway's history (when each database was created). Everything else is
 * compared with its ids: rows are numbered in the order they are stored, and a killed batch is rolled back whole,
 * so a re-run gives every member, purchase and ledger entry the id a clean import gives it.
 */
class CrashAndRerunTest {
    private static final int MEMBERS = 2_400;
    private static final int PURCHASES = 4_000;
    private static final int BATCH = 200;
    /**
     * Not the data but the history of the runs, which differs by nature: imports and import_rows, and the operation
     * log (each finished run is one entry at its own time, with its own counts and hash; ImportsByStaffTest checks
     * that a killed run has none and its re-run one).
     */
    private static final Set<String> NOT_COMPARED = Set.of("imports", "import_rows", "flyway_schema_history",
            "operation_log");
    private static final Set<String> NOT_COMPARED_COLUMNS = Set.of("purchases.import_id", "tags.created_at",
            "tags.refreshed_at", "member_tags.added_at");

    @TempDir
    Path folder;

    @Test
    void anImportKilledAtSeveralPointsAndRunAgainEqualsACleanImport() throws Exception {
        Path members = folder.resolve("members.csv");
        Path purchases = folder.resolve("purchases.csv");
        writeFiles(members, purchases);

        Path cleanDb = folder.resolve("clean.db");
        AppContext clean = prepared(cleanDb);
        ImportOptions options = ImportOptions.defaults().withBatchSize(BATCH);
        ImportResult cleanMembers = clean.memberImporter().importFile(members, options, Progress.NONE,
                Messages.english());
        ImportResult cleanPurchases = clean.purchaseImporter().importFile(purchases, options, Progress.NONE,
                Messages.english());
        assertTrue(cleanMembers.rejected() > 0 && cleanPurchases.rejected() > 0, "the files have bad rows too");

        Path crashedDb = folder.resolve("crashed.db");
        prepared(crashedDb);
        // members: killed after the 2nd and the 5th committed batch (about), then finished
        killAt(crashedDb, "members", members, "SELECT count(*) FROM members", 2 * BATCH);
        killAt(crashedDb, "members", members, "SELECT count(*) FROM members", 5 * BATCH);
        assertKilledRunsCountWhatTheyStored(crashedDb, "members");
        Database crashed = Database.open(crashedDb);
        AppContext rerun = new AppContext(crashed, Clock.systemDefaultZone());
        ImportResult m = rerun.memberImporter().importFile(members, options, Progress.NONE, Messages.english());

        // purchases: killed after the 1st, 3rd and 8th committed batch (about), then finished
        killAt(crashedDb, "purchases", purchases, "SELECT count(*) FROM purchases", BATCH);
        killAt(crashedDb, "purchases", purchases, "SELECT count(*) FROM purchases", 3 * BATCH);
        killAt(crashedDb, "purchases", purchases, "SELECT count(*) FROM purchases", 8 * BATCH);
        assertKilledRunsCountWhatTheyStored(crashedDb, "purchases");
        ImportResult p = rerun.purchaseImporter().importFile(purchases, options, Progress.NONE,
                Messages.english());

        Database cleanDatabase = clean.database();
        assertSameData(cleanDatabase, crashed);
        assertTrue(m.resumed() && p.resumed(), "the re-runs say they finished interrupted runs");
        assertTrue(m.alreadyImportedRows() >= 5 * BATCH && p.alreadyImportedRows() >= 8 * BATCH);
        // the same rows are rejected, and reported again
        assertEquals(cleanMembers.rejected(), m.rejected());
        assertEquals(cleanPurchases.rejected(), p.rejected());
        // the runs together stored what one clean run stored
        assertEquals(List.of(List.of(Long.toString(cleanMembers.imported()))),
                rows(crashed, "SELECT sum(imported) FROM imports WHERE kind = 'members'"));
        assertEquals(List.of(List.of(Long.toString(cleanPurchases.imported()))),
                rows(crashed, "SELECT sum(imported) FROM imports WHERE kind = 'purchases'"));

        assertEquals(covered(cleanDatabase), covered(crashed), "the same rows are recorded as stored");
        assertEquals(List.of(List.of("0")), rows(crashed, "SELECT count(*) FROM settings WHERE key = 'rule_tags_stale'"));

        // and a plain second run of both files adds nothing
        ImportResult again = rerun.memberImporter().importFile(members, options, Progress.NONE,
                Messages.english());
        ImportResult againPurchases = rerun.purchaseImporter().importFile(purchases, options, Progress.NONE,
                Messages.english());
        assertEquals(0, again.imported() + againPurchases.imported());
        assertFalse(again.resumed() || againPurchases.resumed());
        assertSameData(cleanDatabase, crashed);
    }

    /** Every run of that kind so far was killed: its row has no finish time and counts what it stored. */
    private static void assertKilledRunsCountWhatTheyStored(Path db, String kind) {
        Database database = Database.open(db);
        List<List<String>> runs = rows(database, "SELECT finished_at IS NULL, imported FROM imports WHERE kind = '"
                + kind + "' ORDER BY id");
        assertTrue(runs.size() >= 2, "the killed runs are in the history: " + runs);
        for (List<String> run : runs) {
            assertEquals("1", run.get(0), "a killed run is unfinished: " + runs);
            assertTrue(Long.parseLong(run.get(1)) > 0, "a killed run counts what it stored: " + runs);
        }
    }

    /** A database with points rules that give every kind of earn entry, and a rule tag. */
    private static AppContext prepared(Path db) {
        AppContext app = new AppContext(Database.open(db), Clock.systemDefaultZone());
        // 1 point per yuan, birthday month ×2, sign-up bonus 100, first-purchase bonus 50, expiry after 12 months
        app.points().saveRules(new PointsRules(1, 1, 200, 100, 50, 12, Map.of(), Map.of()));
        app.tags().create("常客", "purchases >= 2");
        return app;
    }

    /** Runs the import as a child process and kills it (SIGKILL) once {@code count} reaches {@code target}. */
    private void killAt(Path db, String kind, Path file, String count, long target) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + folder, ImportChild.class.getName(),
                db.toString(), kind, file.toString(), Integer.toString(BATCH))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("child.out").toFile())
                .start();
        try {
            waitFor(db, count, target, child);
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no rollback code
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void waitFor(Path db, String count, long target, Process child) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the import ended before it could be killed: "
                        + Files.readString(folder.resolve("child.out")));
            }
            try (Connection connection = config.createConnection("jdbc:sqlite:" + db);
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(count)) {
                if (rs.next() && rs.getLong(1) >= target) {
                    return;
                }
            } catch (SQLException e) {
                // busy for a moment; look again
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the import did not get that far within two minutes");
    }

    private static void assertSameData(Database expected, Database actual) {
        Map<String, List<List<String>>> want = dump(expected);
        Map<String, List<List<String>>> got = dump(actual);
        assertEquals(want.keySet(), got.keySet(), "the same tables");
        for (String table : want.keySet()) {
            List<List<String>> a = want.get(table);
            List<List<String>> b = got.get(table);
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                assertEquals(a.get(i), b.get(i), table + ", row " + (i + 1) + " in id order");
            }
            assertEquals(a.size(), b.size(), table + ": rows");
        }
    }

    /** Every compared table's rows in id (rowid, or primary key) order; the schema as one more "table". */
    private static Map<String, List<List<String>>> dump(Database database) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        tables.put("sqlite_schema", rows(database, "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE "
                + "'flyway%' ORDER BY type, name"));
        for (List<String> table : rows(database, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            String name = table.get(0);
            if (NOT_COMPARED.contains(name)) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (List<String> column : rows(database, "SELECT name FROM pragma_table_info('" + name + "')")) {
                if (!NOT_COMPARED_COLUMNS.contains(name + "." + column.get(0))) {
                    columns.add("\"" + column.get(0) + "\"");
                }
            }
            String list = String.join(", ", columns);
            tables.put(name, rows(database, "SELECT " + list + " FROM \"" + name + "\" ORDER BY " + list));
        }
        return tables;
    }

    /** The rows of each file (by hash) that import_rows records as stored. */
    private static Set<String> covered(Database database) {
        Set<String> rows = new TreeSet<>();
        for (List<String> range : rows(database, "SELECT file_hash, first_row, last_row FROM import_rows")) {
            for (long row = Long.parseLong(range.get(1)); row <= Long.parseLong(range.get(2)); row++) {
                rows.add(range.get(0) + ":" + row);
            }
        }
        return rows;
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
     * Members: every 5th has neither number nor phone, every 5th (offset 1) a phone but no number, every 97th a
     * birthday that does not exist (rejected), every 211th a new number with member M2's phone (rejected).
     * Purchases: one line each in the first half of the file; every 3rd purchase has a second line in the second
     * half (thousands of rows later), every 11th one right after its first; every 7th names its member by phone;
     * every 299th names an unknown member (rejected).
     */
    private static void writeFiles(Path members, Path purchases) throws Exception {
        List<String> buyers = new ArrayList<>();
        try (BufferedWriter out = Files.newBufferedWriter(members, StandardCharsets.UTF_8)) {
            out.write("member_no,name,phone,join_date,birthday\n");
            for (int i = 1; i <= MEMBERS; i++) {
                String join = "2025-01-" + two(1 + i % 28);
                String birthday = i % 97 == 0 ? "1999-02-30" : i % 3 == 0 ? "1990-0" + (1 + i % 9) + "-15" : "";
                if (i % 5 == 0) {
                    out.write(",无号" + i + ",," + join + "," + birthday + "\n");
                } else if (i % 5 == 1) {
                    String phone = "137" + String.format("%08d", i);
                    out.write(",有手机" + i + "," + phone + "," + join + "," + birthday + "\n");
                    if (i % 97 != 0) {
                        buyers.add("," + phone);
                    }
                } else if (i % 211 == 0) {
                    out.write("X" + i + ",撞号" + i + ",13900000002," + join + "," + birthday + "\n");
                } else {
                    out.write("M" + i + ",会员" + i + ",139" + String.format("%08d", i) + "," + join + ","
                            + birthday + "\n");
                    if (i % 97 != 0) {
                        buyers.add("M" + i + ",");
                    }
                }
            }
        }
        List<String> first = new ArrayList<>();
        List<String> later = new ArrayList<>();
        String[] items = {"门票", "索道", "餐饮", "纪念品", "停车"};
        for (int p = 1; p <= PURCHASES; p++) {
            String buyer = p % 299 == 0 ? "X999," : buyers.get((p * 7) % buyers.size());
            if (p % 7 == 0 && !buyer.startsWith(",")) {
                buyer = buyers.get((p * 7 + 1) % buyers.size());
            }
            String time = "2026-" + two(1 + p % 10) + "-" + two(1 + p % 28) + " 1" + (p % 10) + ":00:00";
            String head = "P" + p + "," + buyer + "," + time + ",";
            first.add(head + items[p % 5] + "," + (20 + p % 700) + ".50");
            if (p % 11 == 0) {
                first.add(head + items[(p + 1) % 5] + "," + (5 + p % 50));
            }
            if (p % 3 == 0) {
                later.add(head + items[(p + 2) % 5] + "," + (10 + p % 300));
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(purchases, StandardCharsets.UTF_8)) {
            out.write("purchase_no,member_no,phone,time,item,amount\n");
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
