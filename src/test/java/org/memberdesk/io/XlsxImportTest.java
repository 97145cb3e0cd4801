package org.memberdesk.io;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseStore;

/** Issue 17, finding 4: members, purchases and card balances from Excel workbooks, with every CSV guarantee. */
@BothEngines
class XlsxImportTest {
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells)); // nulls allowed: empty cells
    }

    /** Members as a shop keeps them in Excel: numbers and phones stored as numbers, dates as date cells. */
    private Path membersWorkbook() throws IOException {
        return TestWorkbooks.write(folder.resolve("会员.xlsx"), "会员", List.of(
                row("会员编号", "姓名", "手机", "性别", "生日", "入会日期", "备注"),
                row(17850, "王芳", 13812345678L, "女", LocalDate.of(1990, 5, 1), LocalDate.of(2024, 1, 1), "老客户"),
                row(17851, "李雷", 13900001111L, "男", null, LocalDateTime.of(2024, 2, 3, 0, 0)),
                row(17852, "", 13700002222L),
                row("M4", "张伟", "1234")));
    }

    @Test
    void finding4_membersImportFromAWorkbookAsFromCsv() throws IOException {
        ImportResult result = app.memberImporter().importFile(membersWorkbook(), ImportOptions.defaults(),
                Progress.NONE, Messages.english());
        assertEquals(2, result.imported());
        assertEquals(2, result.rejected()); // row 4 has no name, row 5 a phone of 4 digits
        Member wang = app.members().byNumber("17850").orElseThrow();
        assertEquals("王芳", wang.name());
        assertEquals("13812345678", wang.phone());
        assertEquals(LocalDate.of(1990, 5, 1), wang.details().birthday());
        assertEquals(LocalDate.of(2024, 1, 1), wang.details().joinDate());
        Member li = app.members().byNumber("17851").orElseThrow();
        assertEquals(LocalDate.of(2024, 2, 3), li.details().joinDate());

        // the report stays a CSV file beside the workbook, with the sheet's row numbers
        assertEquals(folder.resolve("会员.rejected.csv"), result.report());
        List<CSVRecord> report = ImportTest.report(result);
        assertEquals(List.of("4", "5"), report.stream().map(r -> r.get("line")).toList());
        assertEquals("17852", report.get(0).get("会员编号"));

        // run again: nothing twice (the workbook's bytes identify it, as a CSV file's do)
        ImportResult again = app.memberImporter().importFile(membersWorkbook(), ImportOptions.defaults(),
                Progress.NONE, Messages.english());
        assertEquals(0, again.imported());
    }

    @Test
    void finding4_purchasesImportFromTheNamedSheet() throws IOException {
        app.members().add(TestDatabase.member("M1", "王芳", "13812345678"));
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("说明", List.of(List.of("导出自收银系统")));
        sheets.put("销售", List.of(
                row("单号", "会员编号", "时间", "商品", "数量", "金额"),
                row("T1", "M1", LocalDateTime.of(2025, 3, 15, 14, 30), "成人门票", 2, 240),
                row("T2", "M1", LocalDateTime.of(2025, 3, 16, 9, 5, 30), "年卡", 1, 99.9),
                row("T3", "M9", LocalDateTime.of(2025, 3, 16, 10, 0), "成人门票", 1, 120)));
        Path file = TestWorkbooks.write(folder.resolve("sales.xlsx"), sheets);

        ImportResult result = app.purchaseImporter().importFile(file, ImportOptions.defaults().withSheet("销售"),
                Progress.NONE, Messages.english());
        assertEquals(2, result.imported());
        assertEquals(1, result.rejected()); // M9 is no member
        assertEquals("4", ImportTest.report(result).get(0).get("line"));
        // 240 + 99.90 = ¥339.90
        PurchaseStore.Totals totals = app.database().read(new PurchaseStore()::totals);
        assertEquals(33_990, totals.revenueCents());
        assertEquals(List.of("2025-03-15 14:30:00", "2025-03-16 09:05:30"), app.database().read(c -> {
            List<String> times = new ArrayList<>();
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT time FROM purchases ORDER BY id")) {
                while (rs.next()) {
                    times.add(rs.getString(1));
                }
            }
            return times;
        }));

        // the first sheet holds no purchases: said as for a CSV file without the columns
        assertThrows(IllegalArgumentException.class, () -> app.purchaseImporter().importFile(file,
                ImportOptions.defaults(), Progress.NONE, Messages.english()));
    }

    @Test
    void finding4_cardBalancesImportFromAWorkbook() throws IOException {
        app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充1000送200", 100_000, 20_000, null,
                null, null, 0, 0, true, false));
        app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "私教10次", 300_000, 0, 10, 90, null, 0, 0,
                true, false));
        Path file = TestWorkbooks.write(folder.resolve("cards.xlsx"), "Sheet1", List.of(
                row("member_no", "product", "principal", "bonus", "sessions_left", "valid_from", "valid_to", "paid"),
                row("A1", "充1000送200", 800.5, 150),
                row("A1", "私教10次", null, null, 4, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 29), 1200)));
        ImportResult result = app.cardImporter().importFile(file, ImportOptions.defaults(), Progress.NONE,
                Messages.english());
        assertEquals(2, result.imported(), String.valueOf(result.report()));
        long member = app.members().byNumber("A1").orElseThrow().id();
        Card value = app.cards().cards(member).stream().filter(c -> c.kind() == CardKind.STORED_VALUE).findFirst()
                .orElseThrow();
        assertEquals(80_050, value.principalCents());
        assertEquals(15_000, value.bonusCents());
        Card sessions = app.cards().cards(member).stream().filter(c -> c.kind() == CardKind.SESSIONS).findFirst()
                .orElseThrow();
        assertEquals(4, sessions.sessionsLeft());
        assertEquals(LocalDate.of(2027, 1, 29), sessions.validTo());
        assertEquals(120_000, sessions.paidCents());
    }

    @Test
    void finding4_aWorkbookImportStoppedAfterABatchIsFinishedByTheNextRun() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("member_no", "name", "phone"));
        for (int i = 1; i <= 25; i++) {
            rows.add(row("M" + i, "会员" + i, 13900000000L + i));
        }
        Path file = TestWorkbooks.write(folder.resolve("members.xlsx"), "S", rows);
        Progress crashAfterFirst = new Progress() {
            @Override
            public void report(long bytesRead, long bytesTotal, long done) {
                throw new IllegalStateException("the power went off");
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        assertThrows(IllegalStateException.class, () -> app.memberImporter().importFile(file,
                ImportOptions.defaults().withBatchSize(10), crashAfterFirst, Messages.english()));
        assertEquals(10, app.database().read(new PurchaseStore()::totals).members());

        ImportResult rerun = app.memberImporter().importFile(file, ImportOptions.defaults().withBatchSize(10),
                Progress.NONE, Messages.english());
        assertTrue(rerun.resumed());
        assertEquals(10, rerun.alreadyImportedRows());
        assertEquals(15, rerun.imported());
        assertEquals(25, app.database().read(new PurchaseStore()::totals).members());
        assertEquals("13900000025", app.members().byNumber("M25").orElseThrow().phone());
        assertFalse(rerun.cancelled());
    }
}
