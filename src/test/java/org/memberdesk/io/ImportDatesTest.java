package org.memberdesk.io;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
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

/**
 * Issue 17, finding 2: every importer reads the listed date forms and {@code --date-format}; a date that puts the
 * year last is refused naming the flag, never guessed. Today is 2026-11-22 (TestDatabase).
 */
@BothEngines
class ImportDatesTest {
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

    private ImportResult members(Path file, ImportOptions options) throws IOException {
        return app.memberImporter().importFile(file, options, Progress.NONE, Messages.english());
    }

    private ImportResult purchases(Path file, ImportOptions options) throws IOException {
        return app.purchaseImporter().importFile(file, options, Progress.NONE, Messages.english());
    }

    @Test
    void finding2_membersJoinedOnDatesWrittenEveryListedWay() throws IOException {
        ImportResult result = members(write("members.csv", """
                member_no;name;birthday;join_date
                M1;王芳;19900501;20240305
                M2;李娜;1991年2月3日;2024年3月6日 14:30
                M3;张伟;1988.7.7;2024/3/7
                M4;刘洋;5/1/1990;2024-03-08
                """), ImportOptions.defaults());
        assertEquals(3, result.imported(), Files.readString(result.report()));
        assertEquals(LocalDate.of(2024, 3, 5), app.members().byNumber("M1").orElseThrow().details().joinDate());
        assertEquals(LocalDate.of(1990, 5, 1), app.members().byNumber("M1").orElseThrow().details().birthday());
        assertEquals(LocalDate.of(2024, 3, 6), app.members().byNumber("M2").orElseThrow().details().joinDate());
        assertEquals(LocalDate.of(1991, 2, 3), app.members().byNumber("M2").orElseThrow().details().birthday());
        assertEquals(LocalDate.of(2024, 3, 7), app.members().byNumber("M3").orElseThrow().details().joinDate());
        List<CSVRecord> report = ImportTest.report(result);
        assertEquals("5", report.get(0).get("line"));
        assertEquals("birthday", report.get(0).get("field"));
        assertTrue(report.get(0).get("reason").contains("--date-format d/M/yyyy"), report.get(0).get("reason"));

        // the same birthday with the format given: 5/1/1990 is 1 May (month first)
        ImportResult again = members(write("members.csv", """
                member_no;name;birthday;join_date
                M4;刘洋;5/1/1990;3/8/2024
                """), ImportOptions.defaults().withDateFormat("M/d/yyyy"));
        assertEquals(1, again.imported());
        assertEquals(LocalDate.of(1990, 5, 1), app.members().byNumber("M4").orElseThrow().details().birthday());
        assertEquals(LocalDate.of(2024, 3, 8), app.members().byNumber("M4").orElseThrow().details().joinDate());
    }

    /** A US line-level export: invoice, customer, date-time written month first, tab-separated. */
    static final String US_SALES = "InvoiceNo\tCustomerID\tInvoiceDate\tDescription\tamount\n"
            + "536365\tC1\t12/1/2010 8:26\tMUG\t15.30\n"
            + "536366\tC1\t12/1/2010 8:28\tMUG\t11.10\n"
            + "536367\tC1\t12/13/2010 18:05:09\tLAMP\t20.00\n"
            + "536368\tC1\t2010-12-14 10:00\tLAMP\t5.00\n";

    @Test
    void finding2_aUsExportIsRefusedRowByRowNamingTheDateFormatThenImportsWithIt() throws IOException {
        members(write("members.csv", "member_no,name,join_date\nC1,Ann,2010-01-01\n"), ImportOptions.defaults());
        ImportOptions mapped = ImportOptions.defaults().withColumns(java.util.Map.of("purchase_no", "InvoiceNo",
                "member_no", "CustomerID", "time", "InvoiceDate", "item", "Description"));
        Path sales = write("sales.txt", US_SALES);
        ImportResult refused = purchases(sales, mapped);
        // 12/1/2010 could be 1 December or 12 January: those three rows are refused, the ISO one is stored
        assertEquals(1, refused.imported(), Files.readString(refused.report()));
        assertEquals(3, refused.rejected());
        List<CSVRecord> report = ImportTest.report(refused);
        assertEquals(List.of("2", "3", "4"), report.stream().map(r -> r.get("line")).toList());
        for (CSVRecord row : report) {
            assertEquals("time", row.get("field"));
            assertTrue(row.get("reason").contains("--date-format M/d/yyyy"), row.get("reason"));
        }

        ImportResult read = purchases(sales, mapped.withDateFormat("M/d/yyyy"));
        // the rows refused before are read now; the ISO one is not this format: rejected naming it (it was
        // stored by the first run, which recorded its row, so it is skipped as already imported, not read again)
        assertEquals(3, read.imported());
        assertEquals(LocalDateTime.of(2010, 12, 1, 8, 26), app.purchases().byNumber("536365").orElseThrow().time());
        assertEquals(LocalDateTime.of(2010, 12, 13, 18, 5, 9),
                app.purchases().byNumber("536367").orElseThrow().time());

        Path other = write("sales2.txt", "InvoiceNo\tCustomerID\tInvoiceDate\tDescription\tamount\n"
                + "536400\tC1\t2010-12-14 10:00\tMUG\t5.00\n" + "536401\tC1\t13/1/2010 10:00\tMUG\t5.00\n");
        ImportResult strict = purchases(other, mapped.withDateFormat("M/d/yyyy"));
        assertEquals(0, strict.imported());
        List<CSVRecord> rejected = ImportTest.report(strict);
        assertEquals(List.of("2", "3"), rejected.stream().map(r -> r.get("line")).toList());
        assertEquals("\"2010-12-14 10:00\" is not a date written as M/d/yyyy (the --date-format given), or not a"
                + " possible date: the row was not imported. Correct the date, or import again with the format the"
                + " file uses.", rejected.get(0).get("reason"));
    }

    @Test
    void finding2_cardDatesFollowTheDateFormatToo() throws IOException {
        app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, 1, 0, 0, true,
                false));
        ImportResult result = app.cardImporter().importFile(write("cards.csv", """
                member_no,product,valid_from,valid_to
                A1,月卡,10.11.2026,9.12.2026
                A1,月卡,2026-11-10,2026-12-09
                """), ImportOptions.defaults().withDateFormat("d.M.yyyy"), Progress.NONE, Messages.english());
        assertEquals(1, result.imported());
        assertEquals(1, result.rejected());
        Card card = app.cards().cards(app.members().byNumber("A1").orElseThrow().id()).get(0);
        assertEquals(LocalDate.of(2026, 11, 10), card.validFrom());
        assertEquals(LocalDate.of(2026, 12, 9), card.validTo());
        assertEquals("valid_from", ImportTest.report(result).get(0).get("field"));
    }
}
