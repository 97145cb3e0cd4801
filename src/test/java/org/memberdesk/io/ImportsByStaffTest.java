package org.memberdesk.io;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.LoggedActions;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/**
 * Issue 18, findings 1 and 2: anyone could import over the shop's data and nothing said who did. Now only the owner
 * imports (refused before the file is read, backed up or locked), and each run is ONE operation log entry with its
 * counts, written as it finishes, however many batches it took. A run killed part way writes no entry; the run
 * that finishes it writes one with its own counts, so a killed run and its re-run leave the same data as one clean
 * run and one import entry each.
 */
@BothEngines
class ImportsByStaffTest {
    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static ImportResult members(AppContext app, Path file, Progress progress) throws IOException {
        return app.memberImporter().importFile(file, ImportOptions.defaults().withBatchSize(2), progress,
                Messages.english());
    }

    private static ImportResult purchases(AppContext app, Path file, Progress progress) throws IOException {
        return app.purchaseImporter().importFile(file, ImportOptions.defaults().withBatchSize(3), progress,
                Messages.english());
    }

    @Test
    void finding2_anImportByTheOwnerIsOneLogEntryWithItsCounts() throws IOException {
        AppContext app = TestDatabase.open(folder.resolve("shop"));
        // 5 rows in batches of 2 (three batches): M1, M2, M3 stored; M1 again a duplicate; M4 without a name rejected
        Path file = write("members.csv", """
                member_no,name,phone
                M1,王芳,13812345678
                M2,李雷,13987654321
                M1,王芳,13812345678
                M4,,13700000004
                M3,韩梅梅,13600000003
                """);

        ImportResult result = members(app, file, Progress.NONE);

        assertEquals(3, result.imported());
        String who = app.session().current().name();
        assertEquals(List.of(who + "|import|members.csv|members: 3 stored, 1 duplicates, 1 rejected, 0 updated"),
                LoggedActions.of(app.database(), "import"));
        assertEquals(true, app.operationLog().verify().intact());
    }

    /** Ten purchases of two members, one per row. */
    private static String purchasesFile() {
        StringBuilder text = new StringBuilder("purchase_no,member_no,time,item,quantity,amount\n");
        for (int i = 1; i <= 10; i++) {
            text.append("P").append(i).append(",M").append(1 + i % 2).append(",2026-10-").append(10 + i)
                    .append(" 10:00:00,咖啡,1,").append(10 + i).append(".00\n");
        }
        return text.toString();
    }

    /** A stop after the second committed batch: the run left unfinished as a kill between batches leaves it. */
    private static final class Killed extends RuntimeException {
    }

    private static Progress killedAfterTwoBatches() {
        return new Progress() {
            int batches;

            @Override
            public void report(long bytesRead, long bytesTotal, long rows) {
                if (++batches == 2) {
                    throw new Killed();
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    private static List<String> rows(Database database, String sql) {
        return database.read(connection -> {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        cells.add(rs.getString(c));
                    }
                    rows.add(String.join(",", cells));
                }
            }
            return rows;
        });
    }

    @Test
    void finding2_aKilledImportRunAgainEqualsOneCleanRunAndIsLoggedOnceByTheRunThatFinished() throws IOException {
        Path memberFile = write("members.csv", "member_no,name,phone\nM1,王芳,13812345678\nM2,李雷,13987654321\n");
        Path purchaseFile = write("purchases.csv", purchasesFile());
        AppContext clean = TestDatabase.open(folder.resolve("clean"));
        members(clean, memberFile, Progress.NONE);
        purchases(clean, purchaseFile, Progress.NONE);
        AppContext killed = TestDatabase.open(folder.resolve("killed"));
        members(killed, memberFile, Progress.NONE);

        assertThrows(Killed.class, () -> purchases(killed, purchaseFile, killedAfterTwoBatches()));
        assertEquals(List.of(), LoggedActions.of(killed.database(), "import").stream()
                .filter(line -> line.contains("purchases.csv")).toList(), "a killed run has no entry");
        ImportResult rerun = purchases(killed, purchaseFile, Progress.NONE);

        String data = "SELECT m.member_no, m.purchase_count, m.spent_cents, m.points FROM members m ORDER BY m.id";
        assertEquals(rows(clean.database(), data), rows(killed.database(), data));
        String sales = "SELECT purchase_no, member_id, total_cents FROM purchases ORDER BY id";
        assertEquals(rows(clean.database(), sales), rows(killed.database(), sales));
        // the killed run stored 2 batches of 3 = 6 purchases; the re-run stores the other 4 and counts the 6 it
        // found done as duplicates
        assertEquals(4, rerun.imported());
        String who = killed.session().current().name();
        assertEquals(List.of(
                who + "|import|members.csv|members: 2 stored, 0 duplicates, 0 rejected, 0 updated",
                who + "|import|purchases.csv|purchases: 4 stored, 6 duplicates, 0 rejected, 0 updated,"
                        + " finishing an interrupted run"), LoggedActions.of(killed.database(), "import"));
        assertEquals(List.of(
                who + "|import|members.csv|members: 2 stored, 0 duplicates, 0 rejected, 0 updated",
                who + "|import|purchases.csv|purchases: 10 stored, 0 duplicates, 0 rejected, 0 updated"),
                LoggedActions.of(clean.database(), "import"));
        assertEquals(true, killed.operationLog().verify().intact());
    }

    @Test
    void finding1_aCashierOrManagerMayNotImportAndNothingChanges() throws IOException {
        AppContext app = TestDatabase.open(folder.resolve("shop"));
        Path file = write("members.csv", "member_no,name,phone\nM1,王芳,13812345678\n");
        Path cards = write("cards.csv", "member_no,product,principal\nM1,储值卡,100.00\n");
        // a shop with data: an import the owner ran would back it up first
        app.members().add(TestDatabase.member("M9", "老会员", "13900000009"));
        for (Role role : List.of(Role.CASHIER, Role.MANAGER)) {
            LoggedActions.become(app, "员工", role);

            assertThrows(NotAllowedException.class, () -> members(app, file, Progress.NONE));
            assertThrows(NotAllowedException.class, () -> purchases(app, file, Progress.NONE));
            assertThrows(NotAllowedException.class, () -> app.cardImporter().importFile(cards,
                    ImportOptions.defaults(), Progress.NONE, Messages.english()));
            assertThrows(NotAllowedException.class, () -> app.memberImporter().preview(file,
                    ImportOptions.defaults(), 10, Messages.english()));
        }

        assertEquals(List.of("1"), rows(app.database(), "SELECT count(*) FROM members"));
        assertEquals(List.of("0"), rows(app.database(), "SELECT count(*) FROM imports"));
        assertEquals(List.of(), LoggedActions.of(app.database(), "import"));
        assertEquals(List.of(), app.backups().list(), "not even the backup before an import was taken");
        try (var left = Files.list(folder)) {
            // beside the two files only the shop's database folder (on PostgreSQL there is none: the data is the server's)
            assertEquals(List.of("cards.csv", "members.csv"), left.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("shop")).sorted().toList(), "no rejected-rows report");
        }
    }
}
