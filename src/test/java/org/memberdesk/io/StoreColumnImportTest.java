package org.memberdesk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Progress;

/**
 * Stores (门店) on what comes in: a purchase file's store column (by name; 本店 also as "Main store"), a member file's
 * (the store they joined in), and without one this computer's store; an unknown name is that line's problem and the
 * rest of the file goes in.
 */
@BothEngines
class StoreColumnImportTest {
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

    private ImportResult purchases(Path file, ImportOptions options, Messages messages) throws IOException {
        return app.purchaseImporter().importFile(file, options, Progress.NONE, messages);
    }

    private ImportResult members(Path file) throws IOException {
        return app.memberImporter().importFile(file, ImportOptions.defaults(), Progress.NONE, Messages.english());
    }

    /** purchase_no → store_id, of every purchase stored. */
    private Map<String, Long> purchaseStores() {
        return pairs("SELECT purchase_no, store_id FROM purchases ORDER BY id");
    }

    /** member_no → store_id, of every member. */
    private Map<String, Long> memberStores() {
        return pairs("SELECT member_no, store_id FROM members ORDER BY id");
    }

    private Map<String, Long> pairs(String sql) {
        return app.database().read(connection -> {
            Map<String, Long> pairs = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(sql);
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    pairs.put(rs.getString(1), rs.getLong(2));
                }
            }
            return pairs;
        });
    }

    private void twoMembers() throws IOException {
        members(write("members.csv", """
                member_no,name,phone
                M1,王芳,13812345678
                M2,李娜,13900001111
                """));
    }

    private static final String WITH_STORES = """
            purchase_no,member_no,time,item,amount,门店
            T1,M1,2026-02-01 10:00,成人门票,70,二店
            T2,M2,2026-02-01 10:05,餐饮,30,Main store
            T3,M2,2026-02-01 10:06,餐饮,10,
            T4,M1,2026-02-02 09:00,索道,80,三店
            T5,M1,2026-02-02 09:30,索道,40, 本店\s
            T6,M2,2026-02-03 11:00,餐饮,20,main STORE
            """;

    @Test
    void aChainsPurchaseFileSaysWhereEachPurchaseWasMadeAndAnUnknownStoreIsThatLinesProblem() throws IOException {
        twoMembers();
        assertEquals(2, app.stores().add("二店").id());
        Path file = write("purchases.csv", WITH_STORES);

        ImportResult result = purchases(file, ImportOptions.defaults(), Messages.english());

        // T1 二店 (2); T2 "Main store" and T6 "main STORE" are 本店 by its English name (1); T3 names none: this
        // computer's store (1, as set); T5 " 本店 " with spaces around it (1); T4 三店 is no store: rejected
        assertEquals(5, result.imported());
        assertEquals(1, result.rejected());
        assertEquals(Map.of("T1", 2L, "T2", 1L, "T3", 1L, "T5", 1L, "T6", 1L), purchaseStores());
        List<CSVRecord> report = ImportTest.report(result);
        assertEquals(List.of("5"), report.stream().map(r -> r.get("line")).toList());
        assertEquals("store", report.get(0).get("field"));
        assertEquals("There is no store named \"三店\". The stores are: 本店, 二店.", report.get(0).get("reason"));
        // the rest of the file counted as usual: M1 has T1 and T5 (¥70 + ¥40 = ¥110)
        assertEquals(11_000, app.members().byNumber("M1").orElseThrow().stats().spentCents());

        // the same file again: nothing twice, nothing moved
        ImportResult again = purchases(file, ImportOptions.defaults(), Messages.english());
        assertEquals(0, again.imported());
        assertEquals(Map.of("T1", 2L, "T2", 1L, "T3", 1L, "T5", 1L, "T6", 1L), purchaseStores());
    }

    @Test
    void theUnknownStoreIsSaidInChineseToo() throws IOException {
        twoMembers();
        app.stores().add("二店");
        ImportResult result = purchases(write("purchases.csv", WITH_STORES), ImportOptions.defaults(),
                Messages.chinese());
        assertEquals("没有名为“三店”的门店。现有门店：本店, 二店。", ImportTest.report(result).get(0).get("reason"));
    }

    @Test
    void withoutAStoreColumnEveryPurchaseIsThisComputersStore() throws IOException {
        twoMembers();
        app.stores().add("二店");
        app.stores().settle(Optional.of("二店"));
        purchases(write("purchases.csv", """
                purchase_no,member_no,time,item,amount
                T1,M1,2026-02-01 10:00,成人门票,70
                T2,M2,2026-02-01 10:05,餐饮,30
                """), ImportOptions.defaults(), Messages.english());
        assertEquals(Map.of("T1", 2L, "T2", 2L), purchaseStores());
    }

    @Test
    void aSingleShopsFileWithAStoreLikeColumnGoesInAsBefore() throws IOException {
        twoMembers();
        // one store: a column headed 门店 is not read as the store (a single shop never thinks about stores) ...
        ImportResult result = purchases(write("purchases.csv", """
                purchase_no,member_no,time,item,amount,门店
                T1,M1,2026-02-01 10:00,成人门票,70,南京路店
                """), ImportOptions.defaults(), Messages.english());
        assertEquals(1, result.imported());
        assertEquals(Map.of("T1", 1L), purchaseStores());
        // ... unless a person maps it: then its names are checked like a chain's
        ImportResult mapped = purchases(write("mapped.csv", """
                purchase_no,member_no,time,item,amount,门店
                T2,M1,2026-02-01 10:00,成人门票,70,南京路店
                T3,M2,2026-02-01 10:00,成人门票,70,本店
                """), ImportOptions.defaults().withColumns(Map.of("store", "门店")), Messages.english());
        assertEquals(1, mapped.imported());
        assertEquals(1, mapped.rejected());
        assertEquals(Map.of("T1", 1L, "T3", 1L), purchaseStores());
    }

    @Test
    void aSaleWithReturnLinesKeepsItsStoreForBoth() throws IOException {
        twoMembers();
        app.stores().add("二店");
        purchases(write("purchases.csv", """
                purchase_no,member_no,time,item,quantity,amount,store
                T1,M1,2026-02-01 10:00,成人门票,1,70,二店
                T1,M1,2026-02-01 10:00,餐饮,-1,-20,二店
                """), ImportOptions.defaults().withReturns(true), Messages.english());
        // the exchange on one receipt: T1 (¥70) and T1-R (−¥20) both made in 二店
        assertEquals(Map.of("T1", 2L, "T1-R", 2L), purchaseStores());
    }

    /**
     * 500 purchases in batches of 250: on PostgreSQL the pipeline's rows go through COPY (200 rows or more), so the
     * store column is checked on that path too. Stopped after its first batch and run again, it ends as one run.
     */
    @Test
    void aBigFileStopsAndIsRunAgainWithEveryStoreWhereTheFileSays() throws IOException {
        twoMembers();
        app.stores().add("二店");
        StringBuilder text = new StringBuilder("purchase_no,member_no,time,item,amount,store\n");
        for (int i = 1; i <= 500; i++) {
            text.append("T").append(i).append(",M").append(1 + i % 2).append(",2026-02-01 10:00,门票,10,")
                    .append(i % 3 == 0 ? "二店" : "本店").append('\n');
        }
        Path file = write("big.csv", text.toString());
        Progress stopAfterOne = new Progress() {
            int batches;

            @Override
            public void report(long bytesRead, long bytesTotal, long rows) {
                batches++;
            }

            @Override
            public boolean cancelled() {
                return batches >= 1;
            }
        };
        ImportOptions batchesOf250 = ImportOptions.defaults().withBatchSize(250);
        ImportResult stopped = app.purchaseImporter().importFile(file, batchesOf250, stopAfterOne,
                Messages.english());
        assertTrue(stopped.cancelled());
        assertEquals(250, stopped.imported());
        ImportResult rest = purchases(file, batchesOf250, Messages.english());
        assertEquals(250, rest.imported());

        Map<String, Long> stores = purchaseStores();
        assertEquals(500, stores.size());
        // every third purchase in 二店: 500 / 3 = 166 of them, the other 334 in 本店
        assertEquals(166, stores.values().stream().filter(id -> id == 2L).count());
        assertEquals(334, stores.values().stream().filter(id -> id == 1L).count());
        for (int i = 1; i <= 500; i++) {
            assertEquals(i % 3 == 0 ? 2L : 1L, stores.get("T" + i), "T" + i);
        }
        // ¥10 each: M1 has the even numbers, 250 purchases, ¥2,500
        assertEquals(250_000, app.members().byNumber("M1").orElseThrow().stats().spentCents());
    }

    @Test
    void aMemberFileSaysWhereEachMemberJoinedElseThisComputersStore() throws IOException {
        app.stores().add("二店");
        app.stores().add("三店");
        app.stores().settle(Optional.of("三店"));
        ImportResult result = members(write("members.csv", """
                member_no,name,phone,store
                M1,王芳,13812345678,二店
                M2,李娜,13900001111,
                M3,张伟,13700002222,四店
                M4,刘洋,13600003333,本店
                """));
        // M1 二店 (2); M2 none: this computer's 三店 (3); M4 本店 (1); M3 四店 is no store: rejected on line 4
        assertEquals(3, result.imported());
        assertEquals(Map.of("M1", 2L, "M2", 3L, "M4", 1L), memberStores());
        List<CSVRecord> report = ImportTest.report(result);
        assertEquals("4", report.get(0).get("line"));
        assertEquals("There is no store named \"四店\". The stores are: 本店, 二店, 三店.", report.get(0).get("reason"));
        // the store column is the member's store, not a custom field
        assertFalse(app.members().byNumber("M1").orElseThrow().details().customFields().containsKey("store"));
    }

    @Test
    void aMemberAddedHereJoinsAtThisComputersStore() {
        app.stores().add("二店");
        app.stores().settle(Optional.of("二店"));
        app.members().add(TestDatabase.member("M1", "王芳", "13812345678"));
        app.stores().settle(Optional.empty());
        app.members().add(TestDatabase.member("M2", "李娜", "13900001111"));
        assertEquals(Map.of("M1", 2L, "M2", 1L), memberStores());
    }

    @Test
    void aMemberCreatedForAPurchaseJoinsWhereThePurchaseWasMade() throws IOException {
        app.stores().add("二店");
        purchases(write("purchases.csv", """
                purchase_no,member_no,time,item,amount,store
                T1,M7,2026-02-01 10:00,成人门票,70,二店
                T2,M8,2026-02-01 10:05,餐饮,30,
                """), ImportOptions.defaults().withCreateMembers(true), Messages.english());
        assertEquals(Map.of("M7", 2L, "M8", 1L), memberStores());
        assertEquals(Map.of("T1", 2L, "T2", 1L), purchaseStores());
    }

    @Test
    void thePreviewReadsTheStoreColumnAsTheImportDoes() throws IOException {
        twoMembers();
        app.stores().add("二店");
        ImportPreview preview = app.purchaseImporter().preview(write("purchases.csv", WITH_STORES),
                ImportOptions.defaults(), 10, Messages.english());
        // line 5 (T4, 三店) is rejected for its store, the others would be stored
        List<ImportPreview.Row> rows = preview.rows();
        assertEquals(6, rows.size());
        assertEquals(ImportPreview.Outcome.REJECTED, rows.get(3).outcome());
        assertTrue(rows.get(3).reason().contains("三店"), rows.get(3).reason());
        assertEquals(5, rows.stream().filter(r -> r.outcome() == ImportPreview.Outcome.STORED).count());
        assertThrows(IllegalArgumentException.class, () -> app.purchaseImporter().preview(
                folder.resolve("purchases.csv"), ImportOptions.defaults().withColumns(Map.of("store", "分店")), 10,
                Messages.english()));
    }
}
