package org.memberdesk.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberStats;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;

/**
 * Cards end to end on a database, the clock fixed at 2026-11-22 12:00 (TestDatabase); earlier days are recorded with
 * {@code at}, as from a paper log. Default growth rules: 1 point per yuan at the entry tier, 银卡 from ¥1,000.
 */
@BothEngines
class CardServiceTest {
    @TempDir
    Path folder;
    AppContext app;
    Member wang;
    CardService cards;

    static LocalDateTime day(int month, int dayOfMonth) {
        return LocalDateTime.of(2026, month, dayOfMonth, 10, 0);
    }

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        cards = app.cards();
        wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
    }

    MemberStats stats() {
        return app.members().byId(wang.id()).orElseThrow().stats();
    }

    long storedValue(long price, long bonus) {
        return app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充" + price / 100 + "送" + bonus / 100,
                price, bonus, null, null, null, 0, 0, true, false));
    }

    long pass(String name, long price, int days, Integer perDay, int maxFreezes, int maxFreezeDays) {
        return app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, name, price, 0, null, days, perDay, maxFreezes,
                maxFreezeDays, true, false));
    }

    long sessions(String name, long price, int sessions, int days) {
        return app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, name, price, 0, sessions, days, null, 0, 0,
                true, false));
    }

    @Test
    void aStoredValuePackageIsMoneyReceivedNotAPurchase() {
        CardService.Sold sold = cards.sell(wang.id(), storedValue(100_000, 20_000), Pay.CASH, null, null);
        assertNull(sold.purchase());
        assertEquals(100_000, sold.card().principalCents());
        assertEquals(20_000, sold.card().bonusCents());
        assertEquals(0, stats().purchases());
        assertEquals(0, stats().spentCents());
        assertTrue(sold.card().cardNo().matches("C\\d{6}"));
    }

    @Test
    void payingFromStoredValueTakesTheBonusInProportionAndCountsOnlyPrincipalAsSpend() {
        String card = cards.sell(wang.id(), storedValue(100_000, 20_000), Pay.CASH, null, null).card().cardNo();
        // ¥100 from 100,000 + 20,000: bonus floor(10,000 × 20,000 ÷ 120,000) = 1,666, principal 8,334
        CounterSales.Sale sale = app.counterSales().sell(wang.id(), List.of(new PurchaseLine("饮料", 2, 10_000)),
                null, new Pay(PayMethod.STORED_VALUE, null));
        assertEquals(8_334, sale.purchase().totalCents());
        assertEquals(1_666, sale.purchase().discounts().storedValueBonusCents());
        assertEquals(8_334, sale.payment().storedPrincipalCents());
        assertEquals(8_334, stats().spentCents());
        assertEquals(83, sale.pointsEarned()); // 1 point per yuan of ¥83.34
        Card after = cards.card(card);
        assertEquals(100_000 - 8_334, after.principalCents());
        assertEquals(20_000 - 1_666, after.bonusCents());
        assertTrue(app.cardReports().check().ok());
    }

    @Test
    void aSplitPaymentTakesStoredValueFirstAndTheRestInCash() {
        long product = storedValue(5_000, 1_000); // ¥50 + ¥10 bonus = ¥60
        cards.sell(wang.id(), product, Pay.CASH, null, null);
        // ¥100 due: ¥60 from the card (bonus floor(6,000 × 1,000 ÷ 6,000) = 1,000; principal 5,000), ¥40 cash
        CounterSales.Sale sale = app.counterSales().sell(wang.id(), List.of(new PurchaseLine("饮料", 1, 10_000)),
                null, new Pay(PayMethod.STORED_VALUE, PayMethod.CASH));
        assertEquals(4_000, sale.payment().otherCents());
        assertEquals(5_000, sale.payment().storedPrincipalCents());
        assertEquals(1_000, sale.payment().storedBonusCents());
        assertEquals(9_000, sale.purchase().totalCents()); // cash + principal
        // stored value alone is refused now the card is empty, and nothing changes
        ValidationException refused = assertThrows(ValidationException.class, () -> app.counterSales().sell(
                wang.id(), List.of(new PurchaseLine("饮料", 1, 100)), null, new Pay(PayMethod.STORED_VALUE, null)));
        assertEquals("card.pay.balanceShort", refused.problems().get(0).key());
        assertEquals(1, stats().purchases());
    }

    @Test
    void aReturnOfAStoredValueSaleGoesBackToTheCardAndAVoidUndoesItAll() {
        String card = cards.sell(wang.id(), storedValue(100_000, 20_000), Pay.CASH, null, null).card().cardNo();
        CounterSales.Sale sale = app.counterSales().sell(wang.id(), List.of(new PurchaseLine("饮料", 2, 10_000)),
                null, new Pay(PayMethod.STORED_VALUE, null));
        // one of two: paid 4,167 of 8,334 → principal 4,167 and bonus floor(1,666 × 4,167 ÷ 8,334) = 833 back
        app.counterSales().giveBack(sale.purchase().purchaseNo(), List.of(new CounterSales.LineReturn(1, 1)), "坏了");
        Card after = cards.card(card);
        assertEquals(100_000 - 8_334 + 4_167, after.principalCents());
        assertEquals(20_000 - 1_666 + 833, after.bonusCents());
        // a second sale voided the same day: the card has exactly what it had before it
        CounterSales.Sale second = app.counterSales().sell(wang.id(), List.of(new PurchaseLine("饮料", 1, 3_000)),
                null, new Pay(PayMethod.STORED_VALUE, null));
        app.counterSales().voidSale(second.purchase().purchaseNo(), "按错了", null);
        assertEquals(after.principalCents(), cards.card(card).principalCents());
        assertEquals(after.bonusCents(), cards.card(card).bonusCents());
        assertTrue(app.cardReports().check().ok(), () -> app.cardReports().check().problems().toString());
    }

    @Test
    void aTopUpGetsTheLadderBonus() {
        String card = cards.sell(wang.id(), storedValue(10_000, 0), Pay.CASH, null, null).card().cardNo();
        app.cardProducts().setTopupSteps(Map.of(50_000L, 5_000L, 100_000L, 15_000L));
        CardService.ToppedUp topped = cards.topup(card, 100_000, PayMethod.WECHAT, null);
        assertEquals(15_000, topped.bonusCents()); // the ≥¥1000 step, not 50 + 150
        assertEquals(110_000, topped.card().principalCents());
        assertEquals(15_000, topped.card().bonusCents());
        assertThrows(ValidationException.class, () -> cards.topup(card, 100, PayMethod.STORED_VALUE, null));
    }

    @Test
    void aPassIsAPurchaseAndARenewalStartsTheDayAfterTheCurrentOneEnds() {
        long month = pass("月卡", 30_000, 30, null, 0, 0);
        CardService.Sold first = cards.sell(wang.id(), month, Pay.CASH, null, day(11, 1));
        assertEquals(LocalDate.of(2026, 11, 1), first.card().validFrom());
        assertEquals(LocalDate.of(2026, 11, 30), first.card().validTo()); // 1 + 30 − 1
        assertEquals(30_000, stats().spentCents());
        CardService.Sold second = cards.sell(wang.id(), month, Pay.CASH, null, day(11, 20));
        assertEquals(LocalDate.of(2026, 12, 1), second.card().validFrom());
        assertEquals(LocalDate.of(2026, 12, 30), second.card().validTo());
    }

    @Test
    void checkInsConsumeSessionsAndRefuseInOneLine() {
        Messages zh = Messages.chinese();
        long tenTimes = sessions("私教课10节", 300_000, 2, 90);
        String card = cards.sell(wang.id(), tenTimes, Pay.CASH, null, day(11, 1)).card().cardNo();
        CheckIns.CheckedIn one = app.checkIns().checkIn("5678", null, day(11, 2));
        assertEquals(1, one.card().sessionsLeft());
        app.checkIns().checkIn("A1", null, day(11, 3));
        ValidationException usedUp = assertThrows(ValidationException.class,
                () -> app.checkIns().checkIn(card, null, day(11, 4)));
        assertEquals("私教课10节次数已用完。", usedUp.problems().get(0).describe(zh));
        assertEquals(LocalDate.of(2026, 11, 3), cards.card(card).usedUpOn());
        assertEquals(1, stats().purchases()); // the card's sale; visits are not purchases
        assertTrue(app.cardReports().check().ok());
    }

    @Test
    void aPassIsRefusedWhenEndedFrozenOrOverTheDailyLimit() {
        Messages zh = Messages.chinese();
        long year = pass("年卡", 100_000, 30, 1, 2, 20);
        String card = cards.sell(wang.id(), year, Pay.CASH, null, day(10, 1)).card().cardNo(); // 1–30 Oct
        app.checkIns().checkIn("13812345678", null, day(10, 5));
        ValidationException twice = assertThrows(ValidationException.class,
                () -> app.checkIns().checkIn("13812345678", null, day(10, 5).plusHours(2)));
        assertEquals("今日已入园 1 次（每日限 1 次）。", twice.problems().get(0).describe(zh));
        // frozen 10 days from 10 Oct: 10–19 Oct paused, valid to 30 Oct + 10 = 9 Nov
        Card frozen = cards.freeze(card, 10, LocalDate.of(2026, 10, 10), "出差", "店长", day(10, 9));
        assertEquals(LocalDate.of(2026, 11, 9), frozen.validTo());
        ValidationException paused = assertThrows(ValidationException.class,
                () -> app.checkIns().checkIn("A1", null, day(10, 12)));
        assertEquals("年卡请假中，至 10 月 19 日。", paused.problems().get(0).describe(zh));
        app.checkIns().checkIn("A1", null, day(11, 9));
        ValidationException ended = assertThrows(ValidationException.class,
                () -> app.checkIns().checkIn("A1", null, day(11, 10)));
        assertEquals("年卡已于 11 月 9 日到期。", ended.problems().get(0).describe(zh));
        assertEquals(1, app.cardReports().check().cards());
    }

    @Test
    void freezesStayWithinTheAllowanceOverTheCardsLife() {
        long year = pass("季卡", 90_000, 90, null, 2, 15);
        String card = cards.sell(wang.id(), year, Pay.CASH, null, day(9, 1)).card().cardNo(); // to 29 Nov
        cards.freeze(card, 10, LocalDate.of(2026, 9, 10), "病假", "店长", day(9, 9));
        // unfrozen on 14 Sep: 10–13 Sep frozen (4 days), 6 days given back; valid to 29 Nov + 4 = 3 Dec
        assertEquals(LocalDate.of(2026, 12, 3), cards.unfreeze(card, day(9, 14)).validTo());
        // 4 of 15 days used: 12 more is over (4 + 12 = 16 > 15), 11 fits
        ValidationException over = assertThrows(ValidationException.class,
                () -> cards.freeze(card, 12, null, "旅游", "店长", day(10, 1)));
        assertEquals("card.freeze.daysLeft", over.problems().get(0).key());
        cards.freeze(card, 11, null, "旅游", "店长", day(10, 1));
        cards.unfreeze(card, day(10, 2));
        // two freezes made: a third is refused however short
        assertEquals("card.freeze.times", assertThrows(ValidationException.class,
                () -> cards.freeze(card, 1, null, "再请", "店长", day(10, 20))).problems().get(0).key());
    }

    @Test
    void aFreezeThatRanItsCourseLeavesRoomForTheNext() {
        long quarter = pass("季卡", 90_000, 90, null, 2, 15);
        String card = cards.sell(wang.id(), quarter, Pay.CASH, null, day(9, 1)).card().cardNo(); // 1 Sep – 29 Nov
        cards.freeze(card, 3, LocalDate.of(2026, 9, 10), "病假", "店长", day(9, 9)); // 10–12 Sep, to 2 Dec
        // over on 12 Sep without an unfreeze: a new freeze from 20 Sep is allowed (3 + 5 = 8 of 15 days)
        Card again = cards.freeze(card, 5, LocalDate.of(2026, 9, 20), "出差", "店长", day(9, 19));
        assertEquals(LocalDate.of(2026, 12, 7), again.validTo()); // 29 Nov + 3 + 5
        // while the second runs, a third overlapping one is refused as "already frozen"
        assertEquals("card.freeze.already", assertThrows(ValidationException.class,
                () -> cards.freeze(card, 1, LocalDate.of(2026, 9, 22), "又请", "店长", day(9, 21)))
                .problems().get(0).key());
    }

    @Test
    void refundsOfEachKindAreReturnsThroughThePipeline() {
        // stored value: principal back, bonus forfeited
        String value = cards.sell(wang.id(), storedValue(100_000, 20_000), Pay.CASH, null, null).card().cardNo();
        CardService.Refunded sv = cards.refund(value, "搬家", null, "店长", null);
        assertEquals(100_000, sv.refundCents());
        assertEquals(20_000, sv.forfeitedBonusCents());
        // a session card of 10 paid ¥1,000, 3 used: floor(100,000 × 7 ÷ 10) = 70,000 back, spend and points reduced
        long tenTimes = sessions("游泳10次", 100_000, 10, 365);
        String swim = cards.sell(wang.id(), tenTimes, Pay.CASH, null, day(11, 1)).card().cardNo();
        for (int i = 2; i <= 4; i++) {
            app.checkIns().checkIn(swim, null, day(11, i));
        }
        CardService.Refunded sessionsBack = cards.refund(swim, "受伤", null, "店长", day(11, 10));
        assertEquals(70_000, sessionsBack.refundCents());
        assertEquals(100_000, stats().spentCents());
        assertEquals(70_000, stats().returnedCents());
        assertEquals(300, app.members().byId(wang.id()).orElseThrow().points()); // 1,000 earned − 700 taken
        // a plain return of a card's sale is refused: the card is refunded, not the receipt
        long month = pass("月卡", 30_000, 30, null, 0, 0);
        CardService.Sold sold = cards.sell(wang.id(), month, Pay.CASH, null, day(11, 1)); // 1–30 Nov
        assertEquals("card.return.useRefund", assertThrows(ValidationException.class, () -> app.counterSales()
                .giveBack(sold.purchase().purchaseNo(), List.of(), "退")).problems().get(0).key());
        // refunded on 10 Nov: 20 days left of 30 → floor(30,000 × 20 ÷ 30) = 20,000
        assertEquals(20_000, cards.refund(sold.card().cardNo(), "不练了", null, "店长", day(11, 10)).refundCents());
        assertThrows(ValidationException.class, () -> cards.refund(sold.card().cardNo(), "又退", null, "店长", null));
        assertThrows(ValidationException.class, () -> cards.refund(swim, "  ", null, "店长", null));
        assertTrue(app.cardReports().check().ok(), () -> app.cardReports().check().problems().toString());
    }

    @Test
    void aCardSoldByMistakeIsVoidedWithItsSaleUntilItIsUsed() {
        long month = pass("月卡", 30_000, 30, null, 0, 0);
        CardService.Sold sold = cards.sell(wang.id(), month, Pay.CASH, null, null);
        app.counterSales().voidSale(sold.purchase().purchaseNo(), "卖错了", null);
        assertEquals(List.of(), cards.cards(wang.id()));
        CardService.Sold again = cards.sell(wang.id(), month, Pay.CASH, null, null);
        app.checkIns().checkIn("A1", null, null);
        assertEquals("card.void.used", assertThrows(ValidationException.class, () -> app.counterSales()
                .voidSale(again.purchase().purchaseNo(), "卖错了", null)).problems().get(0).key());
    }

    @Test
    void aSaleRecordedLaterIsNotPaidFromACardSoldAfterIt() {
        cards.sell(wang.id(), storedValue(100_000, 0), Pay.CASH, null, null); // sold today, 22 Nov
        long month = pass("月卡", 30_000, 30, null, 0, 0);
        // a pass sold on 1 Nov from the paper log: the stored-value card did not exist yet
        assertEquals("card.pay.noStoredValue", assertThrows(ValidationException.class, () -> cards.sell(wang.id(),
                month, new Pay(PayMethod.STORED_VALUE, null), null, day(11, 1))).problems().get(0).key());
        assertEquals(30_000, cards.sell(wang.id(), month, new Pay(PayMethod.STORED_VALUE, null), null, null)
                .payment().storedPrincipalCents());
    }

    @Test
    void aCheckInOrTopUpMarksRuleTagsOutOfDateAndTheNextRefreshCountsIt() {
        String value = cards.sell(wang.id(), storedValue(10_000, 0), Pay.CASH, null, null).card().cardNo();
        long month = pass("月卡", 30_000, 30, null, 0, 0);
        cards.sell(wang.id(), month, Pay.CASH, null, null);
        app.tags().refreshIfStale();
        assertEquals(0, app.tags().create("常来", "visits >= 1").members());
        assertEquals(0, app.tags().create("储值多", "stored_value >= 500").members());
        assertEquals(false, app.tags().refreshIfStale(), "nothing changed since the tags were filled");
        app.checkIns().checkIn("A1", null, null);
        assertTrue(app.tags().refreshIfStale()); // the visit's own transaction marked them
        cards.topup(value, 50_000, PayMethod.CASH, null);
        assertTrue(app.tags().refreshIfStale());
        assertEquals(List.of(1, 1), app.tags().list().stream().filter(t -> t.name().equals("常来")
                || t.name().equals("储值多")).map(t -> (int) t.members()).toList());
    }

    @Test
    void aTimeInTheFutureIsRefused() {
        long month = pass("月卡", 30_000, 30, null, 0, 0);
        assertEquals("card.at.future", assertThrows(ValidationException.class, () -> cards.sell(wang.id(), month,
                Pay.CASH, null, TestDatabase.NOW.plusMinutes(1))).problems().get(0).key());
    }
}
