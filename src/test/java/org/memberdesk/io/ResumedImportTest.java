package org.memberdesk.io;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.points.PointsEntry;

/**
 * Running the same file again after an import stopped part way (here: stopped by an error thrown after a chosen
 * batch committed, which leaves the database as a kill between batches does; {@link CrashAndRerunTest} kills a real
 * process) finishes exactly what was left, and the smaller import findings of issue 14.
 */
@BothEngines
class ResumedImportTest {
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** What a crash after the {@code batches}-th committed batch leaves: those batches, and the run unfinished. */
    private static final class Crash extends RuntimeException {
    }

    private static Progress crashAfter(int batches) {
        return new Progress() {
            int committed;

            @Override
            public void report(long bytesRead, long bytesTotal, long rows) {
                if (++committed == batches) {
                    throw new Crash();
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    private ImportResult members(AppContext context, Path file, int batch) throws IOException {
        return context.memberImporter().importFile(file, ImportOptions.defaults().withBatchSize(batch),
                Progress.NONE, Messages.english());
    }

    private ImportResult purchases(AppContext context, Path file, int batch) throws IOException {
        return context.purchaseImporter().importFile(file, ImportOptions.defaults().withBatchSize(batch),
                Progress.NONE, Messages.english());
    }

    private static final String MEMBERS = """
            member_no,name,phone
            M1,王芳,13812345678
            M2,李娜,13900001111
            """;

    /** T1's lines are apart: ¥70 at the top, ¥50 after T2 and T3. */
    private static final String APART = """
            purchase_no,member_no,time,item,amount
            T1,M1,2026-02-01 10:00,成人门票,70
            T2,M2,2026-02-01 10:05,餐饮,30
            T3,M2,2026-02-01 10:06,餐饮,10
            T1,M1,2026-02-01 10:00,索道,50
            """;

    @Test
    void finding4_aPurchaseWhoseLinesAreApartIsCompletedWhenTheSameFileIsRunAgainAfterACrash() throws IOException {
        members(app, write("members.csv", MEMBERS), 10);
        Path file = write("purchases.csv", APART);
        // batches of one purchase: the crash comes after T1's first line (batch 1) and T2 (batch 2) were committed
        assertThrows(Crash.class, () -> app.purchaseImporter().importFile(file,
                ImportOptions.defaults().withBatchSize(1), crashAfter(2), Messages.english()));
        assertEquals(7_000, app.purchases().byNumber("T1").orElseThrow().totalCents());

        ImportResult rerun = purchases(app, file, 1);
        // ¥70 + ¥50 = ¥120, one purchase, as one clean run stores it
        assertEquals(12_000, app.purchases().byNumber("T1").orElseThrow().totalCents());
        assertEquals(1, rerun.imported()); // T3; T1's second line completes T1
        assertEquals(0, rerun.rejected());
        assertTrue(rerun.resumed());
        assertEquals(2, rerun.alreadyImportedRows()); // T1's first line and T2
        assertEquals(2, app.purchases().byNumber("T1").orElseThrow().lines().size());
        Member wang = app.members().byNumber("M1").orElseThrow();
        assertEquals(1, wang.stats().purchases());
        assertEquals(12_000, wang.stats().spentCents());
        // 1 point per yuan (the default rules): 70 for the first line, then 120 − 70 = 50 when the rest comes
        assertEquals(120, wang.points());

        AppContext clean = TestDatabase.open(folder.resolve("clean"));
        members(clean, folder.resolve("members.csv"), 10);
        purchases(clean, file, 1);
        Member cleanWang = clean.members().byNumber("M1").orElseThrow();
        assertEquals(ledger(clean, cleanWang), ledger(app, wang), "the same ledger as one clean run");
        assertEquals(clean.members().byNumber("M2").orElseThrow().stats(),
                app.members().byNumber("M2").orElseThrow().stats());

        // a third run of the same file adds nothing; another file repeating T1 is a duplicate, as before
        ImportResult again = purchases(app, file, 1);
        assertEquals(0, again.imported());
        assertEquals(3, again.duplicates()); // one per purchase (issue 17): T1, its lines apart, counts once
        assertFalse(again.resumed());
        ImportResult other = purchases(app, write("other.csv", """
                purchase_no,member_no,time,item,amount
                T1,M1,2026-02-01 10:00,停车,5
                """), 1);
        assertEquals(1, other.duplicates());
        assertEquals(12_000, app.purchases().byNumber("T1").orElseThrow().totalCents());
    }

    @Test
    void aFileImportedAsMembersAndThenAsPurchasesStoresBoth() throws IOException {
        // one file with member and purchase columns: its rows stored as members are not "already stored" purchases
        Path file = write("both.csv", """
                purchase_no,member_no,name,phone,time,item,amount
                T1,M1,王芳,13812345678,2026-02-01 10:00,成人门票,70
                T2,M2,李娜,13900001111,2026-02-01 10:05,餐饮,30
                """);
        assertEquals(2, members(app, file, 10).imported());
        ImportResult bought = purchases(app, file, 10);
        assertEquals(2, bought.imported());
        assertEquals(0, bought.alreadyImportedRows());
        assertEquals(0, purchases(app, file, 10).imported());
    }

    private static List<String> ledger(AppContext context, Member member) {
        List<String> entries = new ArrayList<>();
        for (PointsEntry entry : context.points().entries(member.id(), 100)) {
            entries.add(entry.kind() + " " + entry.points() + " " + entry.reason() + " " + entry.time() + " "
                    + entry.expiresOn() + " " + entry.remaining());
        }
        return entries;
    }

    @Test
    void finding5_membersWithNeitherNumberNorPhoneAreNotAddedTwiceByARerunOrASecondImport() throws IOException {
        Path file = write("members.csv", """
                member_no,name,phone
                ,孙丽,
                M1,王芳,13812345678
                ,周杰,
                ,吴敏,
                M2,李娜,13900001111
                """);
        // batches of two: the crash comes after 孙丽 and 王芳 were committed
        assertThrows(Crash.class, () -> app.memberImporter().importFile(file,
                ImportOptions.defaults().withBatchSize(2), crashAfter(1), Messages.english()));
        assertEquals(2, app.members().count(MemberQuery.all()));

        ImportResult rerun = members(app, file, 2);
        assertEquals(5, app.members().count(MemberQuery.all()));
        assertEquals(3, rerun.imported());
        assertEquals(2, rerun.duplicates()); // the two rows the first run stored, skipped
        assertTrue(rerun.resumed());

        ImportResult again = members(app, file, 2);
        assertEquals(5, app.members().count(MemberQuery.all()));
        assertEquals(0, again.imported());
        assertEquals(5, again.duplicates());
        assertEquals(5, again.alreadyImportedRows());
        // the same rows in another file are new members: only the same file's rows are known
    }

    @Test
    void finding11_aFixedRejectedRowsReportImportsWithoutItsLineFieldAndReasonColumns() throws IOException {
        ImportResult first = members(app, write("members.csv", """
                member_no,name,phone,会员等级
                M1,王芳,13812345678,金卡
                M2,李娜,1234,银卡
                M3,,13900002222,
                """), 10);
        assertEquals(2, first.rejected());
        // the documented workflow: fix the rows in the report, import the report
        String report = Files.readString(first.report(), StandardCharsets.UTF_8);
        assertTrue(report.startsWith("\uFEFFline,field,reason,member_no,name,phone,会员等级"), report);
        List<CSVRecord> rows = ImportTest.report(first);
        StringBuilder fixed = new StringBuilder("\uFEFFline,field,reason,member_no,name,phone,会员等级\n");
        for (CSVRecord row : rows) {
            String phone = row.get("phone").equals("1234") ? "13900001111" : row.get("phone");
            String name = row.get("name").isEmpty() ? "张伟" : row.get("name");
            fixed.append(row.get("line")).append(',').append(row.get("field")).append(",\"")
                    .append(row.get("reason").replace("\"", "\"\"")).append("\",").append(row.get("member_no"))
                    .append(',').append(name).append(',').append(phone).append(',').append(row.get("会员等级"))
                    .append('\n');
        }
        Path fixedFile = first.report();
        Files.writeString(fixedFile, fixed.toString(), StandardCharsets.UTF_8);
        ImportResult again = members(app, fixedFile, 10);
        assertEquals(2, again.imported());
        assertEquals(0, again.rejected());
        assertEquals(Map.of("会员等级", "银卡"), app.members().byNumber("M2").orElseThrow().details().customFields());
        assertEquals("13900001111", app.members().byNumber("M2").orElseThrow().phone());
        assertEquals(Map.of(), app.members().byNumber("M3").orElseThrow().details().customFields());
        assertEquals("张伟", app.members().byNumber("M3").orElseThrow().name());
    }

    @Test
    void finding11_aNewMemberNumberWithAnotherMembersPhoneIsRejectedNamingThatMember() throws IOException {
        members(app, write("members.csv", MEMBERS), 10);
        ImportResult result = members(app, write("more.csv", """
                member_no,name,phone
                M1,王芳,13812345678
                M12,王芳芳,138 1234 5678
                ,李娜,13900001111
                M13,赵磊,13500005555
                M14,赵磊二,13500005555
                """), 10);
        // M1 again and the numberless 李娜 (M2's phone) are the members already stored: duplicates.
        // M12 is a new number with M1's phone, M14 a new number with the phone M13 has in the same file: rejected.
        assertEquals(1, result.imported());
        assertEquals(2, result.duplicates());
        assertEquals(2, result.rejected());
        List<CSVRecord> rows = ImportTest.report(result);
        assertEquals(List.of("3", "6"), rows.stream().map(r -> r.get("line")).toList());
        assertEquals(List.of("phone", "phone"), rows.stream().map(r -> r.get("field")).toList());
        assertTrue(rows.get(0).get("reason").contains("13812345678") && rows.get(0).get("reason").contains("M1"),
                rows.get(0).get("reason"));
        assertTrue(rows.get(1).get("reason").contains("M13"), rows.get(1).get("reason"));
        assertTrue(app.members().byNumber("M12").isEmpty());
        assertTrue(app.members().byNumber("M14").isEmpty());
        // the rejected rows are tried again by the next run of the file (and rejected again)
        assertEquals(2, members(app, folder.resolve("more.csv"), 10).rejected());
    }

    @Test
    void finding11_ruleTagsAreRefreshedWhenTheRerunEndsEvenIfEveryRowWasStoredBeforeTheCrash() throws IOException {
        members(app, write("members.csv", MEMBERS), 10);
        app.tags().create("买过", "purchases >= 1");
        Path file = write("purchases.csv", """
                purchase_no,member_no,time,item,amount
                T1,M1,2026-02-01 10:00,成人门票,70
                T2,M2,2026-02-01 10:05,餐饮,30
                """);
        // one batch holds the whole file: the crash comes after it committed, before the tags were refreshed
        assertThrows(Crash.class, () -> app.purchaseImporter().importFile(file,
                ImportOptions.defaults().withBatchSize(10), crashAfter(1), Messages.english()));
        assertEquals(0, app.tags().list().get(0).members());

        ImportResult rerun = purchases(app, file, 10);
        assertEquals(0, rerun.imported());
        assertEquals(2, app.tags().list().get(0).members(), "the re-run refreshed the rule tag");
        assertNull(app.database().read(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT value FROM settings WHERE key = 'rule_tags_stale'")) {
                return rs.next() ? rs.getString(1) : null;
            }
        }));
    }

    @Test
    void finding11_aKilledImportShowsInTheHistoryWhatItStored() throws IOException {
        StringBuilder text = new StringBuilder("member_no,name,phone\n");
        for (int i = 1; i <= 25; i++) {
            text.append("N").append(i).append(",会员").append(i).append(",1380000")
                    .append(String.format("%04d", i)).append('\n');
        }
        text.append("N26,,13800009999\n"); // no name: rejected, in the third batch
        Path file = write("many.csv", text.toString());
        assertThrows(Crash.class, () -> app.memberImporter().importFile(file,
                ImportOptions.defaults().withBatchSize(10), crashAfter(2), Messages.english()));
        assertEquals(List.of("unfinished 20 0 0"), history());

        ImportResult rerun = members(app, file, 10);
        assertEquals(List.of("unfinished 20 0 0", "finished 5 20 1"), history());
        assertEquals(5, rerun.imported());
        assertTrue(rerun.resumed());
    }

    @Test
    void finding11_anImportStoppedByThePersonIsInterruptedTooAndTheNextRunFinishesIt() throws IOException {
        StringBuilder text = new StringBuilder("member_no,name,phone\n");
        for (int i = 1; i <= 25; i++) {
            text.append("N").append(i).append(",会员").append(i).append(",1380000")
                    .append(String.format("%04d", i)).append('\n');
        }
        Path file = write("many.csv", text.toString());
        Progress stopAfterTwoBatches = new Progress() {
            int batches;

            @Override
            public void report(long bytesRead, long bytesTotal, long rows) {
                batches++;
            }

            @Override
            public boolean cancelled() {
                return batches >= 2;
            }
        };
        ImportResult stopped = app.memberImporter().importFile(file, ImportOptions.defaults().withBatchSize(10),
                stopAfterTwoBatches, Messages.english());
        assertTrue(stopped.cancelled());
        assertEquals(List.of("unfinished 20 0 0"), history());
        ImportResult rerun = members(app, file, 10);
        assertEquals(List.of("unfinished 20 0 0", "finished 5 20 0"), history());
        assertTrue(rerun.resumed());
        assertEquals(25, app.members().count(MemberQuery.all()));
    }

    private List<String> history() {
        return app.database().read(c -> {
            List<String> runs = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(
                         "SELECT finished_at, imported, duplicates, rejected FROM imports ORDER BY id")) {
                while (rs.next()) {
                    runs.add((rs.getString(1) == null ? "unfinished " : "finished ") + rs.getLong(2) + " "
                            + rs.getLong(3) + " " + rs.getLong(4));
                }
            }
            return runs;
        });
    }
}
