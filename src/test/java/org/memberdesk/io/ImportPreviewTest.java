package org.memberdesk.io;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.common.Messages;
import org.memberdesk.io.ImportPreview.Outcome;
import org.memberdesk.io.ImportPreview.Row;

/**
 * Issue 17 item 5: the wizard's check shows the first rows as the import would store them — through the import's
 * own checks — and writes nothing. Members A1 王芳 and A2 李雷; the test clock stands at 2026-11-22 12:00.
 */
@BothEngines
class ImportPreviewTest {
    /** Every table an import or its effects write to. */
    private static final List<String> TABLES = List.of("members", "purchases", "purchase_items", "member_items",
            "imports", "import_rows", "points_ledger", "cards", "card_entries", "settings", "totals", "tier_changes");

    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        app.members().add(TestDatabase.member("A2", "李雷", "13900001111"));
    }

    private Path file(String name, String... lines) throws Exception {
        return Files.write(folder.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }

    private List<Long> counts() {
        return app.database().read(connection -> {
            List<Long> counts = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                        rs.next();
                        counts.add(rs.getLong(1));
                    }
                }
            }
            return counts;
        });
    }

    @Test
    void finding5_aPurchasesPreviewShowsRowsAsTheyWillBeStoredAndWritesNothing() throws Exception {
        Path file = file("收银.csv",
                "单号,会员卡号,交易时间,商品名称,数量,单价,实收金额",
                "S1,A1,2026-03-01 10:00,咖啡,2,12.50,25.00",
                "S1,A1,2026-03-01 10:00,蛋糕,1,18.00,18.00",
                "S2,A2,2026-03-02 11:30:15,咖啡,1,12.50,-12.50",
                "S3,Z9,2026-03-03 09:00,咖啡,1,12.50,12.50",
                "S4,A2,2026-03-04 09:00,咖啡,1,12.50,12,50",
                "S5,A2,yesterday,咖啡,1,12.50,12.50");
        List<Long> before = counts();
        ImportPreview preview = app.purchaseImporter().preview(file, ImportOptions.defaults().withReturns(true), 20,
                Messages.english());
        assertEquals(before, counts(), "a preview writes nothing");
        assertEquals(ImportPreview.PURCHASE_COLUMNS, preview.columns());
        List<Row> rows = preview.rows();
        assertEquals(6, rows.size());
        // S1: two lines of one sale; the amount as stored, in yuan; the time as read, seconds added
        assertEquals(new Row(2, List.of("A1", "2026-03-01 10:00:00", "咖啡", "2", "¥25.00"), false, Outcome.STORED,
                null), rows.get(0));
        assertEquals(List.of("A1", "2026-03-01 10:00:00", "蛋糕", "1", "¥18.00"), rows.get(1).values());
        // S2: a return
        assertTrue(rows.get(2).isReturn(), rows.get(2).toString());
        assertEquals(Outcome.STORED, rows.get(2).outcome());
        assertEquals("-¥12.50", rows.get(2).values().get(4));
        // S3: a member the shop does not have; S4: a decimal comma; S5: a time that is no time — each with the
        // reason the reject report would give
        assertEquals(Outcome.REJECTED, rows.get(3).outcome());
        assertTrue(rows.get(3).reason().contains("Z9"), rows.get(3).reason());
        assertEquals(Outcome.REJECTED, rows.get(4).outcome());
        assertEquals(6, rows.get(4).line());
        assertEquals(Outcome.REJECTED, rows.get(5).outcome());
        assertTrue(rows.get(5).reason().contains("yesterday"), rows.get(5).reason());
        assertEquals(List.of("A2", "yesterday", "咖啡", "1", "12.50"), rows.get(5).values());

        // without returns allowed the same return is rejected, as the import would reject it
        ImportPreview noReturns = app.purchaseImporter().preview(file, ImportOptions.defaults(), 20,
                Messages.english());
        assertEquals(Outcome.REJECTED, noReturns.rows().get(2).outcome());
        assertNull(noReturns.rows().get(0).reason());

        // with members created, Z9 would be made; the preview still makes none
        ImportPreview creating = app.purchaseImporter().preview(file, ImportOptions.defaults().withReturns(true)
                .withCreateMembers(true), 20, Messages.english());
        assertEquals(Outcome.NEW_MEMBER, creating.rows().get(3).outcome());
        assertEquals(before, counts());
    }

    @Test
    void finding5_thePreviewAgreesWithTheImportThatFollows() throws Exception {
        Path file = file("p.csv",
                "purchase_no,member_no,time,item,quantity,amount",
                "P1,A1,2026-03-01 10:00,咖啡,1,12.50",
                "P2,Z9,2026-03-01 10:00,咖啡,1,12.50",
                "P3,A2,2026-03-01 10:00,咖啡,0,12.50");
        ImportPreview preview = app.purchaseImporter().preview(file, ImportOptions.defaults(), 20, Messages.english());
        long rejected = preview.rows().stream().filter(r -> r.outcome() == Outcome.REJECTED).count();
        ImportResult result = app.purchaseImporter().importFile(file, ImportOptions.defaults(), Progress.NONE,
                Messages.english());
        assertEquals(1, result.imported());
        assertEquals(rejected, result.rejected());
        // imported now: the same file previewed again shows P1 as already stored
        ImportPreview again = app.purchaseImporter().preview(file, ImportOptions.defaults(), 20, Messages.english());
        assertEquals(Outcome.DUPLICATE, again.rows().get(0).outcome());
    }

    @Test
    void finding5_thePreviewStopsAtTheRowsAsked() throws Exception {
        List<String> lines = new ArrayList<>(List.of("单号,会员卡号,时间,商品,金额"));
        for (int i = 1; i <= 50; i++) {
            lines.add("P" + i + ",A1,2026-03-01 10:00,咖啡," + i);
        }
        Path file = Files.write(folder.resolve("many.csv"), lines, StandardCharsets.UTF_8);
        List<Row> rows = app.purchaseImporter().preview(file, ImportOptions.defaults(), 20, Messages.english()).rows();
        assertEquals(20, rows.size());
        assertEquals(21, rows.get(19).line());
        assertEquals("¥20.00", rows.get(19).values().get(4));
    }

    @Test
    void finding5_aMembersPreviewShowsNamePhoneAndJoinDateAsStored() throws Exception {
        Path file = file("m.csv",
                "客户编号,客户姓名,联系电话,开卡日期",
                "A1,王芳,13812345678,2024-03-01",
                "B2,张伟, 139 0000 5678 ,2024/3/5",
                "B3,李娜,12345,2024-03-09",
                "B4,,13900007777,2024-03-09");
        List<Long> before = counts();
        ImportPreview preview = app.memberImporter().preview(file, ImportOptions.defaults(), 20, Messages.english());
        assertEquals(before, counts());
        List<Row> rows = preview.rows();
        assertEquals(Outcome.DUPLICATE, rows.get(0).outcome()); // A1 is in the shop already
        assertEquals(Outcome.STORED, rows.get(1).outcome());
        assertEquals("B2", rows.get(1).values().get(0));
        assertEquals("张伟", rows.get(1).values().get(1));
        assertEquals(Outcome.REJECTED, rows.get(2).outcome());
        assertTrue(rows.get(2).reason().contains("12345"), rows.get(2).reason());
        assertEquals(Outcome.REJECTED, rows.get(3).outcome());
        assertFalse(rows.get(3).reason().isBlank());
    }

    @Test
    void finding5_aCardsPreviewShowsBalancesAsStored() throws Exception {
        app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充1000送200", 100_000, 20_000, null,
                null, null, 0, 0, true, false));
        Path file = file("cards.csv",
                "会员卡号,卡种,余额(元),赠送金额",
                "A1,充1000送200,800.50,150",
                "Z9,充1000送200,100,",
                "A2,年卡,100,");
        List<Long> before = counts();
        ImportPreview preview = app.cardImporter().preview(file, ImportOptions.defaults(), 20, Messages.english());
        assertEquals(before, counts());
        assertEquals(ImportPreview.CARD_COLUMNS, preview.columns());
        assertEquals(List.of("A1", "充1000送200", "¥800.50", "¥150.00", "", "", ""), preview.rows().get(0).values());
        assertEquals(Outcome.REJECTED, preview.rows().get(1).outcome()); // no member Z9
        assertTrue(preview.rows().get(1).reason().contains("Z9"), preview.rows().get(1).reason());
        assertEquals(Outcome.REJECTED, preview.rows().get(2).outcome()); // no product 年卡
        assertTrue(preview.rows().get(2).reason().contains("年卡"), preview.rows().get(2).reason());
    }
}
