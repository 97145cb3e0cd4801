package org.memberdesk.io;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;

/**
 * Finding 9 of issue 14: cells that a spreadsheet would run as a formula were written unchanged. Now every
 * such text cell starts with an apostrophe in the files people open, plain numbers (a return's -12.50) stay
 * numbers, and importing the export restores every value exactly.
 */
@BothEngines
class CsvInjectionTest {
    static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1)",
            "-1+1", "'=already quoted");

    @TempDir
    Path folder;

    static List<CSVRecord> records(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    static MemberDetails member(String number, String name, String phone, String notes, Map<String, String> custom) {
        return new MemberDetails(number, name, phone, null, null, java.time.LocalDate.of(2026, 1, 10), "门店", null,
                notes, custom);
    }

    @Test
    void finding9_exportedMembersCannotRunAsFormulasAndReimportExactly() throws IOException {
        AppContext shop = TestDatabase.open(folder.resolve("shop"));
        for (int i = 0; i < HOSTILE.size(); i++) {
            shop.members().add(member("M" + i, HOSTILE.get(i), "1380000000" + i, HOSTILE.get(HOSTILE.size() - 1 - i),
                    Map.of("remark", "\tsee " + i)));
        }
        Path export = folder.resolve("members.csv");
        shop.exporter().exportMembers(export, Progress.NONE);

        List<CSVRecord> rows = records(export);
        assertEquals(HOSTILE.size(), rows.size());
        for (int i = 0; i < HOSTILE.size(); i++) {
            CSVRecord row = rows.get(i);
            // every name and note starts with the apostrophe: Excel shows it as text and runs nothing
            assertEquals("'" + HOSTILE.get(i), row.get("name"));
            assertEquals("'" + HOSTILE.get(HOSTILE.size() - 1 - i), row.get("notes"));
            assertEquals("'\tsee " + i, row.get("remark"));
        }

        AppContext fresh = TestDatabase.open(folder.resolve("fresh"));
        ImportResult imported = fresh.memberImporter().importFile(export, ImportOptions.defaults(), Progress.NONE,
                Messages.english());
        assertEquals(HOSTILE.size(), imported.imported(), "rejected: " + imported.rejected());
        for (int i = 0; i < HOSTILE.size(); i++) {
            Member back = fresh.members().byNumber("M" + i).orElseThrow();
            Member original = shop.members().byNumber("M" + i).orElseThrow();
            assertEquals(original.name(), back.name());
            assertEquals(HOSTILE.get(i), back.name());
            assertEquals(original.details().notes(), back.details().notes());
            assertEquals(original.details().customFields().get("remark"), back.details().customFields().get("remark"));
        }
    }

    @Test
    void finding9_purchasesKeepTheirNegativeAmountsAsNumbersAndQuoteFormulaItems() throws IOException {
        AppContext shop = TestDatabase.open(folder.resolve("shop"));
        shop.members().add(member("M1", "王芳", "13800000001", null, Map.of()));
        Path purchases = folder.resolve("purchases.csv");
        Files.writeString(purchases, """
                purchase_no,member_no,time,item,amount
                T1,M1,2026-02-01 10:00,=1+2,120.00
                R1,M1,2026-02-02 10:00,=1+2,-12.50
                """);
        ImportResult stored = shop.purchaseImporter().importFile(purchases,
                ImportOptions.defaults().withReturns(true), Progress.NONE, Messages.english());
        assertEquals(2, stored.imported(), "rejected: " + stored.rejected());
        Path export = folder.resolve("export.csv");
        shop.exporter().exportPurchases(export, Progress.NONE);
        List<CSVRecord> rows = records(export);
        assertEquals("'=1+2", rows.get(0).get("item"));
        assertEquals("120.00", rows.get(0).get("amount"));
        // -12.50 is a number to a spreadsheet, not a formula: it stays so sums keep working
        assertEquals("-12.50", rows.get(1).get("amount"));

        AppContext fresh = TestDatabase.open(folder.resolve("fresh"));
        fresh.members().add(member("M1", "王芳", "13800000001", null, Map.of()));
        ImportResult again = fresh.purchaseImporter().importFile(export, ImportOptions.defaults().withReturns(true),
                Progress.NONE, Messages.english());
        assertEquals(2, again.imported());
        Path reexport = folder.resolve("reexport.csv");
        fresh.exporter().exportPurchases(reexport, Progress.NONE);
        assertEquals(Files.readString(export), Files.readString(reexport), "the round trip changes nothing");
    }

    @Test
    void finding9_theRejectedRowsReportAndTheSegmentExportAreNeutralisedToo() throws IOException {
        AppContext shop = TestDatabase.open(folder.resolve("shop"));
        Path members = folder.resolve("in.csv");
        Files.writeString(members, """
                member_no,name,phone
                M1,"=HYPERLINK(""http://x"",""y"")",12
                M2,@SUM(1),13800000002
                """);
        ImportResult result = shop.memberImporter().importFile(members, ImportOptions.defaults(),
                Progress.NONE, Messages.english());
        assertEquals(1, result.rejected());
        CSVRecord rejected = records(result.report()).get(0);
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", rejected.get("name"));

        Path segment = folder.resolve("segment.csv");
        shop.rules().export(shop.rules().parse("purchases >= 0"), java.time.LocalDate.of(2026, 11, 22), segment);
        assertEquals("'@SUM(1)", records(segment).get(0).get("name"));
    }

    @Test
    void finding9_theRuleInOnePlace() {
        // hand-checked: each trigger character gets one apostrophe; plain numbers, ordinary text do not
        assertEquals("'=1+2", CsvCells.neutralise("=1+2"));
        assertEquals("'+86 138", CsvCells.neutralise("+86 138"));
        assertEquals("'-", CsvCells.neutralise("-"));
        assertEquals("'@x", CsvCells.neutralise("@x"));
        assertEquals("'\tx", CsvCells.neutralise("\tx"));
        assertEquals("'\rx", CsvCells.neutralise("\rx"));
        assertEquals("-12.50", CsvCells.neutralise("-12.50"));
        assertEquals("-3", CsvCells.neutralise("-3"));
        assertEquals("'-1e5", CsvCells.neutralise("-1e5"));
        assertEquals("王芳", CsvCells.neutralise("王芳"));
        assertEquals("it's", CsvCells.neutralise("it's"));
        assertEquals("'", CsvCells.neutralise("'"));
        assertEquals("''=x", CsvCells.neutralise("'=x"));
        for (String value : List.of("=1+2", "+86", "-", "@x", "\tx", "\rx", "-12.50", "王芳", "'", "'=x", "''@y",
                "it's", "", "'-12.50")) {
            assertEquals(value, CsvCells.restore(CsvCells.neutralise(value)), value);
        }
    }
}
