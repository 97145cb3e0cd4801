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
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.purchases.PurchaseStore;

/** The rules by which a purchase file is read as a real export has it (issue 17, item 2), one test per rule. */
@BothEngines
class PurchaseImportRulesTest {
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

    ImportResult importPurchases(AppContext into, Path file, ImportOptions options) throws IOException {
        return into.purchaseImporter().importFile(file, options, Progress.NONE, Messages.english());
    }

    ImportResult importPurchases(Path file, ImportOptions options) throws IOException {
        return importPurchases(app, file, options);
    }

    void members(String... numbers) {
        int i = 0;
        for (String number : numbers) {
            app.members().add(TestDatabase.member(number, "会员" + number, "1381234567" + i++));
        }
    }

    static List<Long> cents(Purchase purchase) {
        return purchase.lines().stream().map(PurchaseLine::amountCents).toList();
    }

    @Test
    void rule1_amountIsQuantityTimesUnitPriceRoundedHalfUpPerLine() throws IOException {
        members("M1");
        Path file = write("lines.csv", """
                purchase_no,member_no,time,item,quantity,unit_price
                T1,M1,2025-02-01 10:00,A,3,0.001
                T1,M1,2025-02-01 10:00,B,3,0.335
                T1,M1,2025-02-01 10:00,C,2,2.55
                T2,M1,2025-02-02 10:00,D,7,0.125
                T3,M1,2025-02-03 10:00,E,1,0.005
                T3,M1,2025-02-03 10:00,F,1,0.005
                T3,M1,2025-02-03 10:00,G,1,0.005
                T4,M1,2025-02-04 10:00,H,2147483647,9999999999999.999
                """);
        // no amount column: once refused whole ("the file has no amount column")
        ImportResult result = importPurchases(file, ImportOptions.defaults());
        // T1: 3 × 0.001 = 0.003 → 0.00; 3 × 0.335 = 1.005 → 1.01 (half-up); 2 × 2.55 = 5.10 → 6.11 in all
        assertEquals(List.of(0L, 101L, 510L), cents(app.purchases().byNumber("T1").orElseThrow()));
        assertEquals(611, app.purchases().byNumber("T1").orElseThrow().totalCents());
        // T2: 7 × 0.125 = 0.875 → 0.88
        assertEquals(88, app.purchases().byNumber("T2").orElseThrow().totalCents());
        // T3: each line 0.005 → 0.01, so 0.03 (rounding the purchase's 0.015 once would give 0.02: per line it is)
        assertEquals(List.of(1L, 1L, 1L), cents(app.purchases().byNumber("T3").orElseThrow()));
        // T4: ¥9,999,999,999,999.999 × 2,147,483,647 is beyond any amount: refused, the rest stored
        assertEquals(3, result.imported());
        assertEquals(1, result.rejected());
        CSVRecord refused = ImportTest.report(result).get(0);
        assertEquals("9", refused.get("line"));
        assertEquals("amount", refused.get("field"));

        // with an amount column, an empty amount cell is worked out per line; a given amount is kept as it is
        Path mixed = write("mixed.csv", """
                purchase_no,member_no,time,item,quantity,unit_price,amount
                T5,M1,2025-02-05 10:00,A,4,0.125,
                T5,M1,2025-02-05 10:00,B,2,5.00,9.99
                """);
        importPurchases(mixed, ImportOptions.defaults());
        // 4 × 0.125 = 0.50; 9.99 as written (not 2 × 5.00)
        assertEquals(List.of(50L, 999L), cents(app.purchases().byNumber("T5").orElseThrow()));
    }

    static final String WITH_CANCELLATIONS = """
            purchase_no,member_no,time,item,quantity,unit_price
            536365,M1,2025-02-01 10:00,A,6,2.55
            536365,M1,2025-02-01 10:00,B,2,3.39
            C536379,M1,2025-02-02 09:00,A,-2,2.55
            536400,M1,2025-02-03 10:00,A,4,1.00
            536400,M1,2025-02-03 10:00,B,-1,3.39
            """;

    @Test
    void rule2_negativeLinesAreReturnsUnderAllowReturnsAndTheResultIsNetRevenue() throws IOException {
        members("M1");
        ImportResult result = importPurchases(write("sales.csv", WITH_CANCELLATIONS),
                ImportOptions.defaults().withReturns(true));
        // 536365: 6 × 2.55 + 2 × 3.39 = 15.30 + 6.78 = 22.08, a sale
        // C536379: a cancellation invoice, −2 × 2.55 = −5.10, a return of the member
        // 536400: the sale 4 × 1.00 = 4.00, and its line given back (−1 × 3.39) the return 536400-R of it
        assertEquals(4, result.imported());
        assertEquals(0, result.rejected());
        Purchase cancellation = app.purchases().byNumber("C536379").orElseThrow();
        assertTrue(cancellation.isReturn());
        assertEquals(-510, cancellation.totalCents());
        assertEquals(2, cancellation.lines().get(0).quantity());
        Purchase exchange = app.purchases().byNumber("536400").orElseThrow();
        assertEquals(400, exchange.totalCents());
        Purchase givenBack = app.purchases().byNumber("536400-R").orElseThrow();
        assertTrue(givenBack.isReturn());
        assertEquals(-339, givenBack.totalCents());
        assertEquals(exchange.id(), givenBack.refundOf());
        Member member = app.members().byNumber("M1").orElseThrow();
        assertEquals(2, member.stats().purchases());
        assertEquals(2, member.stats().returns());
        // net: 22.08 − 5.10 + 4.00 − 3.39 = 17.59, not the gross 26.08
        assertEquals(1_759, member.stats().netSpentCents());
        PurchaseStore.Totals totals = app.purchases().totals();
        assertEquals(2, totals.purchases());
        assertEquals(2, totals.returns());
        assertEquals(1_759, totals.revenueCents());
    }

    @Test
    void rule2_withoutAllowReturnsReturnLinesAreRejectedNamingTheFlag() throws IOException {
        members("M1");
        ImportResult result = importPurchases(write("sales.csv", WITH_CANCELLATIONS), ImportOptions.defaults());
        // only 536365 is stored; C536379 and 536400 (one of its lines gives goods back) are rejected
        assertEquals(1, result.imported());
        assertEquals(2, result.rejected());
        List<CSVRecord> rows = ImportTest.report(result);
        assertEquals(List.of("4", "6", "5"), rows.stream().map(r -> r.get("line")).toList());
        assertEquals("quantity", rows.get(0).get("field"));
        assertTrue(rows.get(0).get("reason").contains("--allow-returns"), rows.get(0).get("reason"));
        assertEquals(2_208, app.purchases().totals().revenueCents());
    }

    static final String UNSORTED = """
            purchase_no,member_no,time,item,amount
            T1,N1,2025-03-05 10:00,A,10
            T2,N2,2025-03-01 10:00,A,10
            T3,N1,2025-01-20 10:00,A,10
            R1,N1,2025-01-10 09:00,A,-5
            T4,N2,2025-03-02 10:00,A,10
            """;

    @Test
    void rule3_createdMembersJoinOnTheirEarliestRowEvenAfterAKillAndARerun() throws IOException {
        Path file = write("unsorted.csv", UNSORTED);
        ImportOptions options = ImportOptions.defaults().withReturns(true).withCreateMembers(true).withBatchSize(1);
        ImportResult clean = importPurchases(file, options);
        assertEquals(5, clean.imported());
        // N1's rows: 03-05, 01-20, and the return 01-10 (the earliest, though the file is not sorted); N2: 03-01
        assertEquals(LocalDate.of(2025, 1, 10), joined("N1"));
        assertEquals(LocalDate.of(2025, 3, 1), joined("N2"));

        // another shop: the same file stopped after its first purchase (N1 made from T1 alone), then run again
        AppContext other = TestDatabase.open(folder.resolve("other"));
        Progress stopAfterOneBatch = new Progress() {
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
        ImportResult stopped = other.purchaseImporter().importFile(file, options, stopAfterOneBatch,
                Messages.english());
        assertTrue(stopped.cancelled());
        assertEquals(1, stopped.imported());
        ImportResult rerun = importPurchases(other, file, options);
        assertTrue(rerun.resumed());
        assertEquals(4, rerun.imported());
        for (String number : List.of("N1", "N2")) {
            assertEquals(joined(number), other.members().byNumber(number).orElseThrow().details().joinDate(), number);
        }
    }

    LocalDate joined(String number) {
        return app.members().byNumber(number).orElseThrow().details().joinDate();
    }

    @Test
    void rule4_aRefusedPurchaseNeverCreatesAMember() throws IOException {
        Path file = write("refused.csv", """
                purchase_no,member_no,time,item,amount
                T1,N1,2027-02-01 10:00,A,10
                T2,N2,2025-02-01 10:00,A,10
                T3,N3,2025-02-01 10:00,A,2000000
                T2,N4,2025-02-01 10:00,A,10
                """);
        ImportResult result = importPurchases(file, ImportOptions.defaults().withCreateMembers(true));
        // T1 is in the future and T3 above the ¥1,000,000 limit: refused by the pipeline after their member was
        // made; T2 again, for another member, is a duplicate: none of N1, N3, N4 has a purchase, none is kept
        assertEquals(1, result.imported());
        assertEquals(2, result.rejected());
        assertEquals(1, result.duplicates());
        assertEquals(List.of("N2"), app.members().search(MemberQuery.all(), 0, 10).stream()
                .map(m -> m.details().memberNo()).toList());
    }

    @Test
    void rule5_reimportingASplitPurchaseCountsOneDuplicatePerPurchase() throws IOException {
        members("M1", "M2");
        String split = """
                purchase_no,member_no,time,item,amount
                T1,M1,2025-02-01 10:00,A,120
                T2,M2,2025-02-01 10:05,B,30
                T1,M1,2025-02-01 10:00,C,80
                """;
        Path file = write("split.csv", split);
        assertEquals(2, importPurchases(file, ImportOptions.defaults()).imported());
        // the same file again: every row stored by the first run, 2 purchases (3 rows) already there
        ImportResult same = importPurchases(file, ImportOptions.defaults());
        assertEquals(2, same.duplicates());
        assertEquals(3, same.alreadyImportedRows());
        // another file holding them (and one new purchase): T1 and T2 are each one duplicate, T1's rows apart or not
        ImportResult other = importPurchases(write("more.csv", split + "T9,M2,2025-02-03 10:00,D,5\n"),
                ImportOptions.defaults());
        assertEquals(1, other.imported());
        assertEquals(2, other.duplicates());
        assertEquals(20_000, app.purchases().byNumber("T1").orElseThrow().totalCents());
    }

    @Test
    void rule6_withoutAnItemColumnEveryLineGetsTheDefaultItemName() throws IOException {
        members("M1");
        String noItems = """
                purchase_no,member_no,time,amount
                T1,M1,2025-02-01 10:00,12.50
                """;
        importPurchases(write("a.csv", noItems), ImportOptions.defaults());
        assertEquals("Purchase", app.purchases().byNumber("T1").orElseThrow().lines().get(0).item());
        app.purchaseImporter().importFile(write("b.csv", noItems.replace("T1", "T2")), ImportOptions.defaults(),
                Progress.NONE, Messages.chinese());
        assertEquals("消费", app.purchases().byNumber("T2").orElseThrow().lines().get(0).item());
        app.purchases().saveDefaultItemName("门票");
        importPurchases(write("c.csv", noItems.replace("T1", "T3")), ImportOptions.defaults());
        assertEquals("门票", app.purchases().byNumber("T3").orElseThrow().lines().get(0).item());
        // a file with an item column still needs the item on every line
        ImportResult blank = importPurchases(write("d.csv", """
                purchase_no,member_no,time,item,amount
                T4,M1,2025-02-01 10:00,,12.50
                """), ImportOptions.defaults());
        assertEquals(1, blank.rejected());
    }

    @Test
    void rule7_aNumberSavedBySpreadsheetAs17850Point0IsRead17850() throws IOException {
        ImportResult members = app.memberImporter().importFile(write("members.csv", """
                member_no,name,phone,referrer_no
                12346.0,推荐人,13900001111.0,
                17850.00,王芳,13812345678.0,12346.0
                """), ImportOptions.defaults(), Progress.NONE, Messages.english());
        assertEquals(2, members.imported());
        Member wang = app.members().byNumber("17850").orElseThrow();
        assertEquals("13812345678", wang.details().phone());
        assertEquals("12346", wang.details().referrerNo());
        ImportResult purchases = importPurchases(write("purchases.csv", """
                purchase_no,member_no,phone,time,item,quantity,amount,refund_of
                536365.0,17850.0,,2025-02-01 10:00,A,2.0,10,
                536366,,13900001111.0,2025-02-01 11:00,A,1,5,
                536367.0,17850.0,,2025-02-02 10:00,A,1,-10,536365.0
                """), ImportOptions.defaults().withReturns(true));
        assertEquals(3, purchases.imported());
        Purchase sale = app.purchases().byNumber("536365").orElseThrow();
        assertEquals(wang.id(), sale.memberId());
        assertEquals(2, sale.lines().get(0).quantity());
        assertEquals(sale.id(), app.purchases().byNumber("536367").orElseThrow().refundOf());
        assertEquals(500, app.members().byNumber("12346").orElseThrow().stats().spentCents());
    }

    @Test
    void rule7_wholeNumbersLoseOnlyATailOfZeros() {
        assertEquals("17850", WholeNumbers.of("17850.0"));
        assertEquals("17850", WholeNumbers.of("17850.00"));
        assertEquals("-3", WholeNumbers.of("-3.0"));
        for (String kept : List.of("17850", "17850.5", "17850.", ".0", "A1.0", "1.0.0", "0.01", "", "M001")) {
            assertEquals(kept, WholeNumbers.of(kept));
        }
    }

    @Test
    void rule8_rejectedRowsAreCountedByReasonWithoutTheirValues() throws IOException {
        members("M1");
        StringBuilder text = new StringBuilder("purchase_no,member_no,time,item,amount\n");
        for (int i = 1; i <= 7; i++) {
            text.append("B").append(i).append(",M1,2025-13-0").append(i).append(" 10:00,A,10\n"); // month 13
        }
        text.append("U1,X1,2025-02-01 10:00,A,10\n"); // unknown member
        text.append("U2,X2,2025-02-01 10:00,A,10\n"); // unknown member
        text.append("G1,M1,2025-02-01 10:00,A,10\n"); // good
        text.append("A1,M1,2025-02-01 10:00,A,abc\n"); // not an amount
        ImportResult result = importPurchases(write("bad.csv", text.toString()), ImportOptions.defaults());
        assertEquals(10, result.rejected());
        List<ImportResult.RejectedReason> reasons = result.rejectedByReason();
        assertEquals(3, reasons.size());
        // 7 bad times make one reason, not 7: the value is left out; most frequent first, the first 5 lines kept
        assertEquals(new ImportResult.RejectedReason("Not a possible time (YYYY-MM-DD HH:MM[:SS])", 7,
                List.of(2L, 3L, 4L, 5L, 6L)), reasons.get(0));
        assertEquals(new ImportResult.RejectedReason("Unknown member; import with --create-members to create it", 2,
                List.of(9L, 10L)), reasons.get(1));
        assertEquals(new ImportResult.RejectedReason("Not an amount in yuan (like 12.50) in the column amount", 1,
                List.of(12L)), reasons.get(2));
    }

    @Test
    void rule8_aReasonWithoutItsOwnGeneralWordingLeavesTheValuesOut() {
        // its own general wording, or the message with the value left out
        assertEquals("The time is in the future", RejectReport.general(org.memberdesk.common.Problem.of("time",
                "purchase.time.future", "2027-01-01 10:00:00"), Messages.english()));
        assertEquals("Purchase number … is already stored", RejectReport.general(org.memberdesk.common.Problem.of(
                "purchase_no", "purchase.number.taken", "T1"), Messages.english()));
        assertEquals("Time is missing", RejectReport.general(org.memberdesk.common.Problem.of("time",
                "purchase.time.missing"), Messages.english()));
    }

    @Test
    void rule10_aTransactionLogWithoutPurchaseNumbersHasOnePurchasePerRowAndAReRunAddsNothing() throws IOException {
        // a log as CDNOW's: customer id, date as YYYYMMDD, count, amount; no purchase number, no item
        Path file = write("log.csv", """
                customer_id,date,cds,dollars
                1,19970101,2,29.33
                1,19970118,2,29.73
                2,19970112,1,12.00
                2,19970112,1,12.00
                """);
        ImportOptions options = ImportOptions.defaults().withCreateMembers(true)
                .withColumns(java.util.Map.of("member_no", "customer_id", "time", "date", "quantity", "cds",
                        "amount", "dollars"));
        ImportResult first = importPurchases(file, options);
        // four rows, four purchases: the two identical rows of customer 2 are two purchases (…, …-2)
        assertEquals(4, first.imported(), String.valueOf(first));
        assertEquals(0, first.rejected());
        // 29.33 + 29.73 + 12.00 + 12.00 = 83.06
        assertEquals(8306, app.purchases().totals().revenueCents());
        assertEquals(LocalDate.of(1997, 1, 1), app.members().byNumber("1").orElseThrow().details().joinDate());
        assertEquals(LocalDate.of(1997, 1, 12), app.members().byNumber("2").orElseThrow().details().joinDate());

        // the same rows again, in a later export with one more: only the new row is a purchase
        Path later = write("log-later.csv", """
                customer_id,date,cds,dollars
                1,19970101,2,29.33
                1,19970118,2,29.73
                2,19970112,1,12.00
                2,19970112,1,12.00
                2,19970301,3,40.50
                """);
        ImportResult second = importPurchases(later, options);
        assertEquals(1, second.imported(), String.valueOf(second));
        assertEquals(4, second.duplicates());
        assertEquals(8306 + 4050, app.purchases().totals().revenueCents());
    }
}
