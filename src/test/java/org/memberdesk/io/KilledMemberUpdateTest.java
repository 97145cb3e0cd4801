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
import java.time.LocalDate;
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
 * Issue 17, finding 2: {@code import-members --update} killed (SIGKILL, a real second process) in the middle and run
 * again ends with exactly the members one clean run gives, and the tag that reads the join date agrees.
 */
class KilledMemberUpdateTest {
    private static final int MEMBERS = 3_000;
    private static final int BATCH = 100;
    /** Members whose join date the killed run must have corrected before the kill: five batches. */
    private static final int KILL_AT = 5 * BATCH;

    @TempDir
    Path folder;

    @Test
    void finding2_anUpdateKilledAndRunAgainEqualsOneCleanRun() throws Exception {
        Path made = folder.resolve("made.csv");
        Path corrections = folder.resolve("corrections.csv");
        writeFiles(made, corrections);
        ImportOptions update = ImportOptions.defaults().withBatchSize(BATCH).withUpdate(true);

        Path cleanDb = folder.resolve("clean.db");
        AppContext clean = prepared(cleanDb, made);
        ImportResult once = clean.memberImporter().importFile(corrections, update, Progress.NONE,
                Messages.english());
        assertEquals(MEMBERS, once.updated());

        Path killedDb = folder.resolve("killed.db");
        prepared(killedDb, made);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + folder, ImportChild.class.getName(),
                killedDb.toString(), "members", corrections.toString(), Integer.toString(BATCH), "update")
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("child.out").toFile())
                .start();
        try {
            waitFor(killedDb, KILL_AT, child);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        Database afterKill = Database.open(killedDb);
        long correctedBeforeKill = count(afterKill, "SELECT count(*) FROM members WHERE channel IS NOT NULL");
        assertTrue(correctedBeforeKill >= KILL_AT && correctedBeforeKill < MEMBERS, "killed in the middle: "
                + correctedBeforeKill);
        assertEquals(0, correctedBeforeKill % BATCH, "only whole batches: " + correctedBeforeKill);

        AppContext rerun = new AppContext(afterKill, Clock.systemDefaultZone());
        ImportResult finished = rerun.memberImporter().importFile(corrections, update, Progress.NONE,
                Messages.english());
        assertTrue(finished.resumed());
        assertEquals(correctedBeforeKill, finished.alreadyImportedRows());
        assertEquals(MEMBERS - correctedBeforeKill, finished.updated());
        assertEquals(members(clean.database()), members(afterKill));
        assertEquals(taggedOld(clean.database()), taggedOld(afterKill));
        assertEquals(MEMBERS / 2, taggedOld(afterKill).size(), "the members who joined over a year ago");
    }

    /** A database with every member made "today" (as a purchase import with --create-members makes them). */
    private static AppContext prepared(Path db, Path made) throws Exception {
        AppContext app = new AppContext(Database.open(db), Clock.systemDefaultZone());
        app.memberImporter().importFile(made, ImportOptions.defaults(), Progress.NONE, Messages.english());
        app.tags().create("老会员", "days_since_join >= 365");
        return app;
    }

    private void writeFiles(Path made, Path corrections) throws Exception {
        LocalDate today = LocalDate.now();
        try (BufferedWriter out = Files.newBufferedWriter(made, StandardCharsets.UTF_8)) {
            out.write("member_no,name,phone,join_date\n");
            for (int i = 0; i < MEMBERS; i++) {
                out.write(String.format("M%05d,会员%d,139%08d,%s%n", i, i, i, today));
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(corrections, StandardCharsets.UTF_8)) {
            out.write("member_no,name,join_date,channel\n");
            for (int i = 0; i < MEMBERS; i++) {
                // half joined years ago, half 100 days ago; every row gives a channel the stored members lack
                LocalDate joined = i % 2 == 0 ? LocalDate.of(2015, 1, 1).plusDays(i) : today.minusDays(100);
                out.write(String.format("M%05d,,%s,门店%d%n", i, joined.format(java.time.format.DateTimeFormatter
                        .BASIC_ISO_DATE), i % 3));
            }
        }
    }

    private static List<String> members(Database database) {
        return database.read(c -> rows(c, "SELECT member_no, name, phone, join_date, channel FROM members"
                + " ORDER BY member_no"));
    }

    private static List<String> taggedOld(Database database) {
        return database.read(c -> rows(c, """
                SELECT m.member_no FROM member_tags mt JOIN members m ON m.id = mt.member_id
                JOIN tags t ON t.id = mt.tag_id WHERE t.name = '老会员' ORDER BY m.member_no"""));
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static long count(Database database, String sql) {
        return database.read(c -> {
            try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void waitFor(Path db, long target, Process child) throws Exception {
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
                 ResultSet rs = statement.executeQuery(
                         "SELECT count(*) FROM members WHERE channel IS NOT NULL")) {
                if (rs.next() && rs.getLong(1) >= target) {
                    return;
                }
            } catch (SQLException e) {
                // busy for a moment; look again
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the update did not get that far within two minutes");
    }
}
