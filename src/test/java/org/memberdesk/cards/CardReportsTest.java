package org.memberdesk.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.members.Member;

/** Renewal rate, liability and the ending-soon list over a small history, worked by hand. Today is 2026-11-22. */
@BothEngines
class CardReportsTest {
    @TempDir
    Path folder;
    AppContext app;
    CardService cards;
    Member a;
    Member b;
    Member c;
    Member d;
    long month;
    long tenTimes;

    static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 9, 0);
    }

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        cards = app.cards();
        a = app.members().add(TestDatabase.member("A", "甲", "13800000001"));
        b = app.members().add(TestDatabase.member("B", "乙", "13800000002"));
        c = app.members().add(TestDatabase.member("C", "丙", "13800000003"));
        d = app.members().add(TestDatabase.member("D", "丁", "13800000004"));
        month = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, null, 1, 10,
                true, false));
        tenTimes = app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "私教3节", 90_000, 0, 3, 90, null, 0, 0,
                true, false));
    }

    @Test
    void theRenewalRateCountsCardsEndedInThePeriodRenewedWithin30Days() {
        // A: 月卡 1–30 Sep, renewed 25 Sep (stacked: 1–30 Oct)          → Sep's card renewed
        cards.sell(a.id(), month, Pay.CASH, null, at(9, 1));
        cards.sell(a.id(), month, Pay.CASH, null, at(9, 25));
        // B: 月卡 1–30 Sep, bought again 5 Nov (36 days after the end)   → not renewed
        cards.sell(b.id(), month, Pay.CASH, null, at(9, 1));
        cards.sell(b.id(), month, Pay.CASH, null, at(11, 5));
        // C: 3 sessions from 1 Sep, used up on 12 Sep (before its 29 Nov end); renewed as a 月卡 on 20 Sep:
        //    another KIND → not renewed. It ended in September (its last session), not November.
        cards.sell(c.id(), tenTimes, Pay.CASH, null, at(9, 1));
        for (int day = 10; day <= 12; day++) {
            app.checkIns().checkIn("C", null, at(9, day));
        }
        cards.sell(c.id(), month, Pay.CASH, null, at(9, 20)); // 20 Sep – 19 Oct
        // D: 月卡 1–30 Sep refunded on 10 Sep → not in the base
        String refunded = cards.sell(d.id(), month, Pay.CASH, null, at(9, 1)).card().cardNo();
        cards.refund(refunded, "搬走", null, "店长", at(9, 10));
        // September: ended = A's, B's (30 Sep) and C's session card (12 Sep) = 3; renewed = A's = 1 → 1/3
        CardReports.Renewal september = app.cardReports().renewal(LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 9, 30));
        assertEquals(3, september.ended());
        assertEquals(1, september.renewed());
        // October: A's second (30 Oct) and C's 月卡 (19 Oct) ended, neither renewed → 0 of 2
        CardReports.Renewal october = app.cardReports().renewal(LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31));
        assertEquals(new CardReports.Renewal(2, 0), october);
        // August: nothing ended → no rate at all
        assertNull(app.cardReports().renewal(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31)).rate());
    }

    @Test
    void liabilityCountsValidCardsAndThePastEqualsItsEntries() {
        long value = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充1000送200", 100_000, 20_000, null,
                null, null, 0, 0, true, false));
        String card = cards.sell(a.id(), value, Pay.CASH, null, at(11, 1)).card().cardNo();
        cards.sell(b.id(), tenTimes, Pay.CASH, null, at(11, 1)); // 3 sessions paid ¥900, to 29 Jan
        app.checkIns().checkIn("B", null, at(11, 2));
        cards.sell(c.id(), month, Pay.CASH, null, at(11, 1)); // 1–30 Nov
        cards.sell(d.id(), month, Pay.CASH, null, at(10, 1)); // 1–30 Oct: ended
        app.counterSales().sell(a.id(), List.of(new org.memberdesk.purchases.PurchaseLine("水", 1, 12_000)), null,
                new Pay(org.memberdesk.purchases.PayMethod.STORED_VALUE, null));
        // ¥120 from 100,000 + 20,000: bonus floor(12,000 × 20,000 ÷ 120,000) = 2,000, principal 10,000
        // sessions: 2 left of 3, value floor(90,000 × 2 ÷ 3) = 60,000; valid passes: C's only
        CardReports.Liability today = app.cardReports().liability(null);
        assertEquals(new CardReports.Liability(LocalDate.of(2026, 11, 22), 90_000, 18_000, 2, 60_000, 1), today);
        // the same day computed from the entries gives the same figures
        CardReports.Liability fromEntries = app.database().read(connection ->
                CardReportStore.fromEntries(connection, LocalDate.of(2026, 11, 22)));
        assertEquals(today, fromEntries);
        // on 1 Nov at the day's end: the stored value whole, 3 sessions (90,000), passes: C's (D's ended 30 Oct)
        assertEquals(new CardReports.Liability(LocalDate.of(2026, 11, 1), 100_000, 20_000, 3, 90_000, 1),
                app.cardReports().liability(LocalDate.of(2026, 11, 1)));
        assertEquals(card, cards.cards(a.id()).get(0).cardNo());
    }

    @Test
    void theEndingSoonListLeavesOutMembersWhoAlreadyRenewed() {
        cards.sell(a.id(), month, Pay.CASH, null, at(10, 26)); // 26 Oct – 24 Nov: ends in 2 days
        cards.sell(b.id(), month, Pay.CASH, null, at(10, 26)); // same, and renewed: 25 Nov – 24 Dec
        cards.sell(b.id(), month, Pay.CASH, null, at(11, 20));
        cards.sell(c.id(), month, Pay.CASH, null, at(11, 10)); // to 9 Dec: 17 days away
        List<CardReports.Expiring> soon = app.cardReports().expiring(7, null);
        assertEquals(1, soon.size());
        assertEquals("A", soon.get(0).memberNo());
        assertEquals(LocalDate.of(2026, 11, 24), soon.get(0).validTo());
        assertEquals(3, soon.get(0).daysLeft()); // 22, 23, 24 Nov
        // within 30 days: A (24 Nov), B's renewal (24 Dec, 32 days away: no), C (9 Dec) → 2
        assertEquals(2, app.cardReports().expiring(30, null).size());
    }
}
