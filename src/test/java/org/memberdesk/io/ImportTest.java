package org.memberdesk.io;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
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
import org.memberdesk.points.PointsRules;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseQuery;

@BothEngines
class ImportTest {
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
    }

    Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    ImportResult importMembers(Path file, ImportOptions options) throws IOException {
        return app.memberImporter().importFile(file, options, Progress.NONE, Messages.english());
    }

    ImportResult importPurchases(Path file, ImportOptions options) throws IOException {
        return app.purchaseImporter().importFile(file, options, Progress.NONE, Messages.english());
    }

    static List<CSVRecord> report(ImportResult result) throws IOException {
        String text = Files.readString(result.report(), StandardCharsets.UTF_8).substring(1); // BOM
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(
                new java.io.StringReader(text)).getRecords();
    }

    static final String DIRTY_MEMBERS = """
            member_no,name,phone,gender,birthday,join_date,channel,会员等级
            M1,王芳,13812345678,女,1990-05-01,2025-01-10,门店,金卡
            M2,李娜,1234,女,1991-02-03,2025-01-11,抖音,
            M3,,13900001111,男,1988-07-07,2025-01-12,美团,
            M4,张伟,13700002222,男,1999-02-30,2025-01-13,门店,
            M5,刘洋,13600003333,男
            M6,陈静,+86 135-0000-4444,F,1985-12-12,2025-02-01,小程序,银卡
            M7,赵磊,13500005555,X,1980-01-01,2025-02-02,门店,
            ,孙丽,13400006666,女,,2025/3/4,转介绍,
            M9,周杰,13812345678,男,1979-03-03,2025-03-05,门店,
            """;

    @Test
    void dirtyMemberFileStoresEveryGoodRowAndReportsEveryBadOne() throws IOException {
        Path file = write("members.csv", DIRTY_MEMBERS);
        ImportResult result = importMembers(file, ImportOptions.defaults());
        // good: M1, M6, the numberless 孙丽 (gets a generated number)
        // bad: M2 phone, M3 name, M4 birthday 02-30, M5 short row, M7 gender, M9 a new number with M1's phone
        assertEquals(3, result.imported());
        assertEquals(0, result.duplicates());
        assertEquals(6, result.rejected());
        List<CSVRecord> rows = report(result);
        assertEquals(List.of("3", "4", "5", "6", "8", "10"), rows.stream().map(r -> r.get("line")).toList());
        assertEquals(List.of("phone", "name", "birthday", "row", "gender", "phone"),
                rows.stream().map(r -> r.get("field")).toList());
        assertTrue(rows.get(2).get("reason").contains("1999-02-30"), rows.get(2).get("reason"));
        assertEquals(Path.of(folder.toString(), "members.rejected.csv"), result.report());

        Member chen = app.members().byNumber("M6").orElseThrow();
        assertEquals("13500004444", chen.phone());
        assertEquals(Map.of("会员等级", "银卡"), chen.details().customFields());
        Member sun = app.members().byNumberOrPhone("13400006666").orElseThrow();
        assertEquals("M00000001", sun.memberNo());
        assertEquals(java.time.LocalDate.of(2025, 3, 4), sun.details().joinDate());

        ImportResult again = importMembers(file, ImportOptions.defaults());
        assertEquals(0, again.imported());
        assertEquals(3, again.duplicates()); // the rows the first run stored, skipped
        assertEquals(3, again.alreadyImportedRows());
        assertEquals(6, again.rejected());
        assertEquals(3, app.members().count(MemberQuery.all()));
    }

    @Test
    void readsGbkFilesWithTheirOwnColumnNames() throws IOException {
        Path file = folder.resolve("excel.csv");
        Files.writeString(file, "卡号,会员姓名,手机号码,性别,注册日期,来源\r\nV01,王芳,13812345678,女,2024-06-01,抖音\r\n",
                Charset.forName("GBK"));
        ImportResult result = importMembers(file, ImportOptions.defaults());
        assertEquals(1, result.imported());
        Member wang = app.members().byNumber("V01").orElseThrow();
        assertEquals("王芳", wang.name());
        assertEquals("抖音", wang.details().channel());
    }

    @Test
    void readsUtf8WithBomAndAnExplicitColumnMap() throws IOException {
        Path file = write("bom.csv", "\uFEFF编号,客户,手机\nC1,李娜,13900001111\n");
        ImportResult result = importMembers(file, ImportOptions.defaults().withColumns(
                Map.of("member_no", "编号", "name", "客户")));
        assertEquals(1, result.imported());
        assertEquals("李娜", app.members().byNumber("C1").orElseThrow().name());
    }

    @Test
    void aFieldMappedToNoColumnIsNotReadEvenWhenAColumnHasItsStandardName() throws IOException {
        Path file = write("phones.csv", "member_no,name,phone\nK1,王芳,13812345678\n");
        ImportResult result = importMembers(file, ImportOptions.defaults().withColumns(Map.of("phone", "")));
        assertEquals(1, result.imported());
        assertEquals(null, app.members().byNumber("K1").orElseThrow().phone());
    }

    static final String MEMBERS = """
            member_no,name,phone,join_date
            M1,王芳,13812345678,2025-01-10
            M2,李娜,13900001111,2025-01-11
            """;

    static final String DIRTY_PURCHASES = """
            purchase_no,member_no,time,item,quantity,amount
            T1,M1,2025-02-01 10:00,成人门票,2,240.00
            T1,M1,2025-02-01 10:00,索道,1,80
            T2,M2,2025-02-02 11:30:15,餐饮,1,45.5
            T3,M9,2025-02-03 09:00,成人门票,1,120.00
            T4,M1,2025-02-04 09:00,餐饮,1,abc
            T5,M2,2025-02-05 09:00,成人门票,1,-120.00
            T6,M1,2025-02-06 09:00,观光车,1,30
            T6,M1,2025-02-06 09:00,停车,x,20
            T7,,2025-02-07 09:00,餐饮,1,10
            T8,M2,2025-13-01 09:00,餐饮,1,10
            """;

    @Test
    void dirtyPurchaseFileStoresEveryGoodPurchaseAndReportsEveryBadRow() throws IOException {
        importMembers(write("members.csv", MEMBERS), ImportOptions.defaults());
        Path file = write("purchases.csv", DIRTY_PURCHASES);
        ImportResult result = importPurchases(file, ImportOptions.defaults());
        // stored: T1 (two lines, 240 + 80 = 320.00) and T2 (45.50)
        // rejected: T3 unknown member, T4 amount, T5 negative without --allow-returns,
        //           T6 (its second line has a bad quantity, so the whole purchase), T7 no member, T8 month 13
        assertEquals(2, result.imported());
        assertEquals(0, result.duplicates());
        assertEquals(6, result.rejected());
        List<CSVRecord> rows = report(result);
        assertEquals(List.of("5", "6", "7", "9", "8", "10", "11"), rows.stream().map(r -> r.get("line")).toList());
        assertEquals(List.of("member_no", "amount", "amount", "quantity", "purchase_no", "member_no", "time"),
                rows.stream().map(r -> r.get("field")).toList());

        Purchase t1 = app.purchases().byNumber("T1").orElseThrow();
        assertEquals(32_000, t1.totalCents());
        assertEquals(2, t1.lines().size());
        assertEquals(2, t1.lines().get(0).quantity());
        Member wang = app.members().byNumber("M1").orElseThrow();
        assertEquals(1, wang.stats().purchases());
        assertEquals(32_000, wang.stats().spentCents());

        ImportResult again = importPurchases(file, ImportOptions.defaults());
        assertEquals(0, again.imported());
        assertEquals(2, again.duplicates());
        assertEquals(2, app.purchases().count(PurchaseQuery.all()));
        assertEquals(32_000, app.members().byNumber("M1").orElseThrow().stats().spentCents());
    }

    @Test
    void returnsAndUnknownMembersWhenAllowed() throws IOException {
        importMembers(write("members.csv", MEMBERS), ImportOptions.defaults());
        Path file = write("purchases.csv", """
                purchase_no,member_no,phone,time,item,amount,refund_of,name
                T1,M1,,2025-02-01 10:00,成人门票,120.00,,
                R1,M1,,2025-02-03 10:00,成人门票,-120.00,T1,
                T2,,13700002222,2025-02-04 10:00,餐饮,50,,新客
                T3,M1,,2025-02-05 10:00,餐饮,20,,
                """);
        ImportResult result = importPurchases(file, ImportOptions.defaults().withReturns(true).withCreateMembers(true));
        assertEquals(4, result.imported());
        assertEquals(0, result.rejected());
        Member wang = app.members().byNumber("M1").orElseThrow();
        assertEquals(2, wang.stats().purchases());
        assertEquals(1, wang.stats().returns());
        assertEquals(2_000, wang.stats().netSpentCents());
        Member created = app.members().byNumberOrPhone("13700002222").orElseThrow();
        assertEquals("新客", created.name());
        assertEquals(1, created.stats().purchases());
    }

    @Test
    void membersAreFoundByNumberElsePhoneBatchByBatch() throws IOException {
        importMembers(write("members.csv", MEMBERS), ImportOptions.defaults());
        Path file = write("purchases.csv", """
                purchase_no,member_no,phone,time,item,amount
                T1,M1,,2025-02-01 10:00,成人门票,120
                T2,,+86 139-0000-1111,2025-02-01 10:05,餐饮,30
                T3,X9,13812345678,2025-02-01 10:10,餐饮,10
                T4,,13000000000,2025-02-01 10:15,餐饮,10
                T5,X8,,2025-02-01 10:20,餐饮,10
                T6,M2,13812345678,2025-02-01 10:25,索道,80
                """);
        // batches of 4: the look-ups of both batches, and a member named in each
        ImportResult result = importPurchases(file, ImportOptions.defaults().withBatchSize(4));
        // T1 M1 by number; T2 M2 by its phone written another way; T3 unknown number, M1 by phone;
        // T4 unknown phone, T5 unknown number: rejected naming the field; T6 the number wins over M1's phone
        assertEquals(4, result.imported());
        assertEquals(2, result.rejected());
        List<CSVRecord> rows = report(result);
        assertEquals(List.of("5", "6"), rows.stream().map(r -> r.get("line")).toList());
        assertEquals(List.of("phone", "member_no"), rows.stream().map(r -> r.get("field")).toList());
        assertEquals(13_000, app.members().byNumber("M1").orElseThrow().stats().spentCents());
        assertEquals(11_000, app.members().byNumber("M2").orElseThrow().stats().spentCents());
    }

    @Test
    void linesOfOnePurchaseApartInTheFileStillMakeOnePurchase() throws IOException {
        importMembers(write("members.csv", MEMBERS), ImportOptions.defaults());
        Path file = write("purchases.csv", """
                purchase_no,member_no,time,item,amount
                T1,M1,2025-02-01 10:00,成人门票,120
                T2,M2,2025-02-01 10:05,餐饮,30
                T1,M1,2025-02-01 10:00,索道,80
                """);
        ImportResult result = importPurchases(file, ImportOptions.defaults().withBatchSize(1));
        assertEquals(2, result.imported());
        assertEquals(20_000, app.purchases().byNumber("T1").orElseThrow().totalCents());
        Member wang = app.members().byNumber("M1").orElseThrow();
        assertEquals(1, wang.stats().purchases());
        assertEquals(20_000, wang.stats().spentCents());
        assertEquals(20_000, importPurchases(file, ImportOptions.defaults()).duplicates() == 3 ? 20_000
                : app.purchases().byNumber("T1").orElseThrow().totalCents());
        assertEquals(20_000, app.purchases().byNumber("T1").orElseThrow().totalCents(),
                "re-import adds no lines");
    }

    @Test
    void cancellingKeepsCommittedBatchesAndDropsTheRunningOne() throws IOException {
        StringBuilder text = new StringBuilder("member_no,name,phone\n");
        for (int i = 1; i <= 25; i++) {
            text.append("N").append(i).append(",会员").append(i).append(",1380000").append(String.format("%04d", i))
                    .append('\n');
        }
        Path file = write("many.csv", text.toString());
        Progress cancelAfterTwoBatches = new Progress() {
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
        ImportResult result = app.memberImporter().importFile(file, ImportOptions.defaults().withBatchSize(10),
                cancelAfterTwoBatches, Messages.english());
        assertTrue(result.cancelled());
        assertEquals(20, result.imported());
        assertEquals(20, app.members().count(MemberQuery.all()));
    }

    @Test
    void exportReimportsIntoAFreshDatabaseWithTheSameTotals() throws IOException {
        importMembers(write("members.csv", DIRTY_MEMBERS), ImportOptions.defaults());
        importPurchases(write("purchases.csv", """
                purchase_no,member_no,time,item,quantity,amount,refund_of
                T1,M1,2025-02-01 10:00,成人门票,2,240.00,
                T1,M1,2025-02-01 10:00,"索道, 往返",1,80,
                R1,M1,2025-02-02 10:00,索道,1,-80,T1
                T2,M6,2025-02-02 11:30:15,餐饮,1,45.5,
                """), ImportOptions.defaults().withReturns(true));
        Path members = folder.resolve("out/members.csv");
        Path purchases = folder.resolve("out/purchases.csv");
        assertEquals(3, app.exporter().exportMembers(members, Progress.NONE));
        assertEquals(4, app.exporter().exportPurchases(purchases, Progress.NONE));

        AppContext fresh = TestDatabase.open(folder.resolve("fresh"));
        assertEquals(3, fresh.memberImporter().importFile(members, ImportOptions.defaults(), Progress.NONE,
                Messages.english()).imported());
        assertEquals(3, fresh.purchaseImporter().importFile(purchases, ImportOptions.defaults().withReturns(true),
                Progress.NONE, Messages.english()).imported());
        assertEquals(app.purchases().totals(), fresh.purchases().totals());
        assertEquals(Map.of("会员等级", "银卡"), fresh.members().byNumber("M6").orElseThrow().details().customFields());
        assertEquals("索道, 往返", fresh.purchases().byNumber("T1").orElseThrow().lines().get(1).item());
    }
    @Test
    void importedMembersGetTheSignUpBonusOnceAsAtTheCounter() throws IOException {
        app.points().saveRules(new PointsRules(1, 1, 200, 100, 0, 12, Map.of(), Map.of()));
        Member atCounter = app.members().add(TestDatabase.member("C1", "柜台", "13000000001"));
        Path file = write("members.csv", """
                member_no,name,phone,join_date
                M1,王芳,13812345678,2026-01-10
                M2,李娜,13812345679,2025-06-30
                ,孙丽,13400006666,2026-02-01
                M4,张伟,13812345678,2026-03-01
                M5,刘洋,13600003333,2026-04-01
                """);
        // batches of two: the numberless row is stored on its own between rows stored together
        ImportResult result = importMembers(file, ImportOptions.defaults().withBatchSize(2));
        assertEquals(4, result.imported());
        assertEquals(1, result.rejected()); // M4 has M1's phone: no member, no bonus

        Map<String, String> joined = Map.of("C1", "2026-01-10", "M1", "2026-01-10", "M2", "2025-06-30",
                "M5", "2026-04-01");
        Map<String, String> expires = Map.of("C1", "2027-01-10", "M1", "2027-01-10", "M2", "2026-06-30",
                "M5", "2027-04-01");
        for (String number : joined.keySet()) {
            Member member = app.members().byNumber(number).orElseThrow();
            assertEquals(100, member.points(), number);
            List<PointsEntry> entries = app.points().entries(member.id(), 10);
            assertEquals(1, entries.size(), number);
            PointsEntry bonus = entries.get(0);
            assertEquals(PointsEntry.Kind.EARN, bonus.kind(), number);
            assertEquals(100, bonus.points(), number);
            assertEquals("signup", bonus.reason(), number);
            assertEquals(joined.get(number) + "T00:00", bonus.time().toString(), number);
            assertEquals(expires.get(number), String.valueOf(bonus.expiresOn()), number);
            assertEquals(100L, bonus.remaining(), number);
        }
        Member sun = app.members().byNumberOrPhone("13400006666").orElseThrow();
        assertEquals(100, sun.points());
        assertEquals(1, app.points().entries(sun.id(), 10).size());
        assertTrue(app.points().entries(atCounter.id(), 10).get(0).id()
                < app.points().entries(sun.id(), 10).get(0).id());

        // importing the same file again adds no member, so no bonus either
        ImportResult again = importMembers(file, ImportOptions.defaults().withBatchSize(2));
        assertEquals(0, again.imported());
        assertEquals(4, again.duplicates());
        assertEquals(1, again.rejected());
        assertEquals(100, app.members().byNumber("M1").orElseThrow().points());
        assertEquals(1, app.points().entries(app.members().byNumber("M1").orElseThrow().id(), 10).size());
        assertEquals(0, app.points().checkLedger().bad());
    }
}
