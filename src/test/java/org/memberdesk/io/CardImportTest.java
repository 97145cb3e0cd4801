package org.memberdesk.io;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardEntry;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.CardReports;
import org.memberdesk.cards.CardService;
import org.memberdesk.common.Messages;

/**
 * import-cards (issue 16): opening balances from another system, on a database whose clock stands at 2026-11-22
 * 12:00 (TestDatabase). Products: 充1000送200 (stored value), 私教10次 (10 sessions, 90 days, ¥3,000), 月卡 (a pass
 * of 30 days, ¥300). Members A1 王芳 and A2 李雷.
 */
@BothEngines
class CardImportTest {
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        app.members().add(TestDatabase.member("A2", "李雷", "13900001111"));
        app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充1000送200", 100_000, 20_000, null, null,
                null, 0, 0, true, false));
        app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "私教10次", 300_000, 0, 10, 90, null, 0, 0, true,
                false));
        app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, 1, 0, 0, true, false));
    }

    /** Lines 2–5 are good; 6–13 each have one fault (line 14 has two). */
    static final String FILE = """
            member_no,product,principal,bonus,sessions_left,valid_from,valid_to,paid
            A1,充1000送200,800.50,150,,,,
            A2,充1000送200,1000,,,,,
            A1,私教10次,,,4,2026-11-01,2027-01-29,1200
            A2,月卡,,,,2026-11-10,2026-12-09,
            A9,月卡,,,,2026-11-10,2026-12-09,
            A1,年卡,,,,2026-11-10,2027-11-09,
            A1,充1000送200,"12,50",,,,,
            A1,充1000送200,-5,,,,,
            A1,月卡,,,,2026-12-09,2026-11-10,
            A1,私教10次,,,,2026-11-01,2027-01-29,
            A1,月卡,,,,2026-02-30,2026-03-30,
            A2,充1000送200,100000000.01,,,,,
            A2,月卡,300,,0,2026-11-10,2026-12-09,
            """;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private ImportResult importCards(Path file, int batch) throws IOException {
        return app.cardImporter().importFile(file, ImportOptions.defaults().withBatchSize(batch), Progress.NONE,
                Messages.english());
    }

    private Card only(String memberNo, CardKind kind) {
        long member = app.members().byNumber(memberNo).orElseThrow().id();
        List<Card> cards = app.cards().cards(member).stream().filter(c -> c.kind() == kind).toList();
        assertEquals(1, cards.size(), memberNo + " " + kind);
        return cards.get(0);
    }

    @Test
    void openingBalancesAreStoredWithOneOpeningEntryEachAndLiabilityAddsThemUp() throws IOException {
        ImportResult result = importCards(write("cards.csv", FILE), 10_000);
        assertEquals(4, result.imported());
        assertEquals(9, result.rejected()); // rows 6–14; line 14 is one row with two faults
        assertEquals(0, result.alreadyImportedRows());
        assertFalse(result.resumed());

        Card wangValue = only("A1", CardKind.STORED_VALUE);
        assertEquals(80_050, wangValue.principalCents());
        assertEquals(15_000, wangValue.bonusCents());
        assertEquals(80_050, wangValue.paidCents()); // stored value: paid = principal (a refund pays it back)
        assertNull(wangValue.purchaseId());
        Card liValue = only("A2", CardKind.STORED_VALUE);
        assertEquals(100_000, liValue.principalCents());
        assertEquals(0, liValue.bonusCents());
        Card sessions = only("A1", CardKind.SESSIONS);
        assertEquals(4, sessions.sessionsLeft());
        assertEquals(4, sessions.sessionsSold()); // the sessions it brought over
        assertEquals(120_000, sessions.paidCents());
        assertEquals(LocalDate.of(2027, 1, 29), sessions.validTo());
        Card pass = only("A2", CardKind.PERIOD);
        assertEquals(0, pass.paidCents()); // no paid column value: worth nothing here
        assertEquals(1, pass.perDay()); // the product's day limit
        assertEquals(LocalDate.of(2026, 11, 10), pass.validFrom());

        List<CardEntry> entries = app.cards().history(wangValue.cardNo()).entries();
        assertEquals(1, entries.size());
        assertEquals("opening", entries.get(0).kind());
        assertEquals(1, app.cards().history(sessions.cardNo()).entries().size());
        assertEquals(4, count("SELECT count(*) FROM cards WHERE import_id IS NOT NULL AND purchase_id IS NULL"));
        assertEquals(0, count("SELECT count(*) FROM payments"), "the money was received by the old system");
        assertEquals(0, count("SELECT count(*) FROM purchases"));

        // as of today 2026-11-22: principal 800.50 + 1,000 = ¥1,800.50; bonus ¥150; 4 sessions worth
        // 1,200 × 4 ÷ 4 = ¥1,200; one valid pass (11-10 … 12-09)
        CardReports.Liability liability = app.cardReports().liability(null);
        assertEquals(180_050, liability.storedValuePrincipalCents());
        assertEquals(15_000, liability.storedValueBonusCents());
        assertEquals(4, liability.sessionsLeft());
        assertEquals(120_000, liability.sessionsValueCents());
        assertEquals(1, liability.validPasses());
        CardReports.CardCheck check = app.cardReports().check();
        assertTrue(check.ok(), check.problems().toString());
        assertEquals(4, check.cards());
    }

    /**
     * A batch of 250 cards: on PostgreSQL a batch of 200 rows or more goes to the server by COPY (BoundRows), whose
     * staged columns are c1, c2 … rather than VALUES' column1 …; the cards' own statement must read both. 250 members
     * with one stored-value card of 100 yuan each: 250 cards, liability 250 × 10,000 = 2,500,000 cents.
     */
    @Test
    void aBatchBigEnoughToBeCopiedToTheServerIsStoredWhole() throws IOException {
        StringBuilder file = new StringBuilder("member_no,product,principal\n");
        for (int i = 1; i <= 250; i++) {
            app.members().add(TestDatabase.member("B" + i, "会员" + i, String.valueOf(13700000000L + i)));
            file.append("B").append(i).append(",充1000送200,100\n");
        }
        ImportResult result = importCards(write("many.csv", file.toString()), 10_000);
        assertEquals(250, result.imported(), result.toString());
        assertEquals(0, result.rejected(), result.toString());
        long member = app.members().byNumber("B250").orElseThrow().id();
        Card last = app.cards().cards(member).get(0);
        assertEquals(10_000, last.principalCents());
        assertEquals(1, app.cards().history(last.cardNo()).entries().size());
    }

    @Test
    void rejectedRowsAreReportedWithTheirLineAndReason() throws IOException {
        ImportResult result = importCards(write("cards.csv", FILE), 10_000);
        List<String> lines = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(result.report(), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.parse(in)) {
                lines.add(record.get(0).replace("\uFEFF", "") + " " + record.get(1) + ": " + record.get(2));
            }
        }
        assertEquals("line field: reason", lines.get(0));
        assertEquals(List.of(
                "6 member_no: There is no member A9: the card was not stored. Import the members first, then this file"
                        + " again (rows already stored are not added twice).",
                "7 product: There is no card product called \"年卡\": the card was not stored. Add it in Settings →"
                        + " Member cards with this exact name, then import the file again.",
                "8 principal: The amount \"12,50\" is written with a comma before the cents (a decimal comma), which"
                        + " could as well be a thousands separator, so it was not guessed. Write it with a dot (like"
                        + " 12.50) and import the row again.",
                "9 principal: The principal \"-5\" is below zero: the card was not stored.",
                "10 valid_to: The card ends (2026-11-10) before it starts (2026-12-09): the card was not stored.",
                "11 sessions_left: The card 私教10次 needs a value in the column \"sessions_left\": the card was not"
                        + " stored.",
                "12 valid_from: Not a possible date (YYYY-MM-DD): \"2026-02-30\"",
                "13 principal: The principal \"100000000.01\" is above the most any amount can be (¥100,000,000.00):"
                        + " check the columns of this row.",
                "14 sessions_left: Sessions left must be a whole number from 1 to 100000, not \"0\". A card with none"
                        + " left need not be brought over."),
                lines.subList(1, 10));
        // line 14 also has a principal on a pass: both faults named
        assertTrue(lines.get(10).startsWith("14 principal: The card 月卡 has no \"principal\""), lines.get(10));
        assertEquals(11, lines.size());
    }

    @Test
    void runningTheSameFileAgainImportsNothingTwiceAndTriesTheRejectedRowsAgain() throws IOException {
        Path file = write("cards.csv", FILE);
        importCards(file, 10_000);
        ImportResult again = importCards(file, 10_000);
        assertEquals(0, again.imported());
        assertEquals(4, again.alreadyImportedRows());
        assertEquals(4, again.duplicates());
        assertEquals(9, again.rejected());
        assertEquals(4, count("SELECT count(*) FROM cards"));

        // A9 joins: its row is stored by the next run, the others still not twice
        app.members().add(TestDatabase.member("A9", "赵敏", "13700002222"));
        ImportResult third = importCards(file, 10_000);
        assertEquals(1, third.imported());
        assertEquals(5, count("SELECT count(*) FROM cards"));
        assertEquals(5, count("SELECT count(*) FROM card_entries WHERE kind = 'opening'"));
        assertTrue(app.cardReports().check().ok());
    }

    /** What a crash after the {@code batches}-th committed batch leaves: those batches, and the run unfinished. */
    private static final class Crash extends RuntimeException {
    }

    @Test
    void aRunStoppedAfterABatchIsFinishedByTheNextRunOfTheSameFile() throws IOException {
        Path file = write("cards.csv", FILE);
        Progress crashAfterFirst = new Progress() {
            @Override
            public void report(long bytesRead, long bytesTotal, long rows) {
                throw new Crash();
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        // batches of 3 rows: lines 2–4 (three cards) are committed, then the run stops
        assertThrows(Crash.class, () -> app.cardImporter().importFile(file,
                ImportOptions.defaults().withBatchSize(3), crashAfterFirst, Messages.english()));
        assertEquals(3, count("SELECT count(*) FROM cards"));

        ImportResult rerun = importCards(file, 3);
        assertTrue(rerun.resumed());
        assertEquals(3, rerun.alreadyImportedRows());
        assertEquals(1, rerun.imported()); // the pass of line 5
        assertEquals(4, count("SELECT count(*) FROM cards"));
        assertEquals(4, count("SELECT count(*) FROM card_entries"));
        assertTrue(app.cardReports().check().ok());
    }

    @Test
    void importedCardsAreUsedAndRefundedLikeAnyOther() throws IOException {
        importCards(write("cards.csv", FILE), 10_000);
        Card sessions = only("A1", CardKind.SESSIONS);
        assertEquals(3, app.checkIns().checkIn("A1", null, null).card().sessionsLeft());
        // refund on 11-22: paid × left ÷ sold = 1,200 × 3 ÷ 4 = ¥900
        CardService.Refunded refunded = app.cards().refund(sessions.cardNo(), "搬家", null, "test", null);
        assertEquals(90_000, refunded.refundCents());
        // the pass brought over with no paid value pays nothing back
        assertEquals(0, app.cards().refund(only("A2", CardKind.PERIOD).cardNo(), "不来了", null, "test", null)
                .refundCents());
        assertTrue(app.cardReports().check().ok(), app.cardReports().check().problems().toString());
    }

    @Test
    void aFileFromAChineseSystemIsReadByItsOwnHeaders() throws IOException {
        ImportResult result = importCards(write("会员卡.csv", """
                会员编号,卡名,本金,赠送,剩余次数,开始日期,到期日期,实付
                A1,充1000送200,"¥1,200.00",0,,,,
                A2,私教10次,,,7,2026/11/1,2027/1/29,2100
                A2,充1000送200,100,,,,,50
                """), 10_000);
        assertEquals(2, result.imported());
        assertEquals(1, result.rejected()); // a paid value on stored value: its principal is what was paid
        assertEquals(120_000, only("A1", CardKind.STORED_VALUE).principalCents());
        Card sessions = only("A2", CardKind.SESSIONS);
        assertEquals(7, sessions.sessionsLeft());
        assertEquals(210_000, sessions.paidCents());
        assertEquals(LocalDate.of(2026, 11, 1), sessions.validFrom());
        assertTrue(app.cardReports().check().ok());
    }

    private long count(String sql) {
        return app.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
