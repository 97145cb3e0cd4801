package org.memberdesk.io;

import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;
import org.sqlite.SQLiteConfig;

/**
 * Issue 17, finding 4: a workbook import killed (kill -9 of a real second process, {@link ImportChild}) after a few
 * batches and run again ends with exactly the members of one clean import — also the keyless ones, whom only the
 * workbook's row numbers recognise — as a CSV import does ({@link CrashAndRerunTest}).
 */
class KilledWorkbookImportTest {
    private static final int MEMBERS = 2_000;
    private static final int BATCH = 100;

    @TempDir
    Path folder;

    @Test
    void finding4_aWorkbookImportKilledAndRunAgainEqualsACleanImport() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("member_no", "name", "phone", "join_date"));
        for (int i = 1; i <= MEMBERS; i++) {
            // every tenth member has neither a number nor a phone
            rows.add(i % 10 == 0 ? List.of("", "无号" + i, "", java.time.LocalDate.of(2024, 1, 1).plusDays(i % 300))
                    : List.of("M" + i, "会员" + i, 13_900_000_000L + i, java.time.LocalDate.of(2024, 1, 1).plusDays(i % 300)));
        }
        Path workbook = TestWorkbooks.write(folder.resolve("members.xlsx"), "会员", rows);
        ImportOptions options = ImportOptions.defaults().withBatchSize(BATCH);

        Database clean = Database.open(folder.resolve("clean.db"));
        ImportResult once = new AppContext(clean, Clock.systemDefaultZone()).memberImporter().importFile(workbook,
                options, Progress.NONE, Messages.english());
        assertEquals(MEMBERS, once.imported(), once.toString());

        Path crashedDb = folder.resolve("crashed.db");
        Database.open(crashedDb);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + folder, ImportChild.class.getName(),
                crashedDb.toString(), "members", workbook.toString(), Integer.toString(BATCH))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("child.out").toFile())
                .start();
        long seen;
        try {
            seen = waitForMembers(crashedDb, 3 * BATCH, child);
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no rollback code
            child.waitFor(30, TimeUnit.SECONDS);
        }
        Database crashed = Database.open(crashedDb);
        long stored = count(crashed, "SELECT count(*) FROM members");
        assertTrue(stored >= seen && stored < MEMBERS, "killed part way: " + stored);
        assertEquals(0, stored % BATCH, "only whole batches: " + stored);

        ImportResult rerun = new AppContext(crashed, Clock.systemDefaultZone()).memberImporter().importFile(workbook,
                options, Progress.NONE, Messages.english());
        assertTrue(rerun.resumed(), rerun.toString());
        assertEquals(stored, rerun.alreadyImportedRows());
        assertEquals(MEMBERS - stored, rerun.imported());
        String members = "SELECT member_no, name, phone, join_date FROM members ORDER BY id";
        assertEquals(dump(clean, members), dump(crashed, members));
        assertEquals(MEMBERS, dump(crashed, members).size());
    }

    private static long waitForMembers(Path db, long target, Process child) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the import ended before it could be killed: "
                        + Files.readString(db.resolveSibling("child.out")));
            }
            try (Connection connection = config.createConnection("jdbc:sqlite:" + db);
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM members")) {
                if (rs.next() && rs.getLong(1) >= target) {
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                // busy for a moment; look again
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the import did not get that far within two minutes");
    }

    private static long count(Database database, String sql) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<String> dump(Database database, String sql) {
        return database.read(connection -> {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
                }
            }
            return rows;
        });
    }
}
