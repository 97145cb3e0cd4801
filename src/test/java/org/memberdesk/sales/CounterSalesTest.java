package org.memberdesk.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberStats;
import org.memberdesk.purchases.PurchaseLine;

/**
 * The counter's sell, return and void with the default growth rules: 1 point per yuan, entry tier 100 %,
 * 银卡 from ¥1,000 net spend (2 % off, points 110 %), 金卡 from ¥3,000 (5 %, 125 %); the member's birthday
 * is not in November, so no birthday multiplier.
 */
class CounterSalesTest {
    @TempDir
    Path folder;
    AppContext app;
    Member wang;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
    }

    MemberStats stats() {
        return app.members().byId(wang.id()).orElseThrow().stats();
    }

    long balance() {
        return app.members().byId(wang.id()).orElseThrow().points();
    }

    @Test
    void finding4_theTierDiscountIsItsOwnLineAndPointsAreEarnedOnWhatWasPaid() {
        // ¥600 + 2 × ¥250 = ¥1,100 at the entry tier: nothing off, 1,100 points, and ¥1,100 ≥ ¥1,000 → 银卡
        CounterSales.Sale first = app.counterSales().sell(wang.id(),
                List.of(new PurchaseLine("年卡", 1, 60_000), new PurchaseLine("私教课", 2, 50_000)), null);
        assertEquals(0, first.priced().tierDiscountCents());
        assertEquals(110_000, first.purchase().totalCents());
        assertEquals(1_100, first.pointsEarned());
        assertEquals("银卡", first.tier());
        // now 银卡: ¥100 − 2 % = ¥98 paid; 98 points × 110 % = 107.8 → 107
        CounterSales.Sale second = app.counterSales().sell(wang.id(), List.of(new PurchaseLine("饮料", 1, 10_000)),
                null);
        assertEquals(200, second.priced().tierDiscountCents());
        assertEquals(9_800, second.purchase().totalCents());
        assertEquals(200, second.purchase().discounts().tierCents());
        assertEquals(107, second.pointsEarned());
        assertEquals(1_207, second.pointsBalance());
        assertEquals(119_800, stats().spentCents());
    }

    @Test
    void finding2_aPartialReturnRefundsWhatWasPaidAndTakesBackItsShareOfThePoints() {
        app.counterSales().sell(wang.id(),
                List.of(new PurchaseLine("年卡", 1, 60_000), new PurchaseLine("私教课", 2, 50_000)), null);
        String saleNo = app.purchases().history(wang.id(), 1).get(0).purchaseNo();
        // one of the two 私教课 (paid ¥500 for 2): ¥250 back; points ⌊1,100 × 25,000 / 110,000⌋ = 250
        CounterSales.Returned returned = app.counterSales().giveBack(saleNo,
                List.of(new CounterSales.LineReturn(2, 1)), "客户不满意");
        assertEquals(25_000, returned.refundCents());
        assertEquals(250, returned.pointsTaken());
        assertEquals(850, returned.pointsBalance());
        assertEquals(saleNo, returned.saleNo());
        assertTrue(returned.purchase().purchaseNo().startsWith("R"));
        // the rest of the sale: ¥600 + the other ¥250 = ¥850; points ⌊1,100 × 110,000 / 110,000⌋ − 250 = 850
        CounterSales.Returned rest = app.counterSales().giveBack(saleNo, List.of(), null);
        assertEquals(85_000, rest.refundCents());
        assertEquals(850, rest.pointsTaken());
        assertEquals(0, rest.pointsBalance());
        assertEquals(110_000, stats().returnedCents());
        // everything was given back: nothing is left to return
        assertThrows(ValidationException.class, () -> app.counterSales().giveBack(saleNo, List.of(), null));
    }

    @Test
    void finding3_aVoidedSaleCountsForNothingAndItsTierIsTakenBack() {
        CounterSales.Sale sale = app.counterSales().sell(wang.id(), List.of(new PurchaseLine("年卡", 1, 120_000)),
                null);
        assertEquals("银卡", sale.tier());
        assertThrows(ValidationException.class,
                () -> app.counterSales().voidSale(sale.purchase().purchaseNo(), " ", "店长"));
        app.counterSales().voidSale(sale.purchase().purchaseNo(), "重复录入", "店长");
        Member after = app.members().byId(wang.id()).orElseThrow();
        assertEquals(0, after.stats().purchases());
        assertEquals(0, after.stats().spentCents());
        assertEquals(null, after.stats().lastPurchaseAt());
        assertEquals(0, after.points());
        assertEquals(null, after.tier());
        assertEquals(0, app.purchases().totals().purchases());
        assertEquals(0, app.purchases().totals().revenueCents());
        assertTrue(app.purchases().history(wang.id(), 10).isEmpty());
        // voiding twice: the sale is no longer a purchase
        assertThrows(ValidationException.class,
                () -> app.counterSales().voidSale(sale.purchase().purchaseNo(), "again", "店长"));
    }

    @Test
    void finding3_aSaleFollowedByAReturnCannotBeVoided() {
        app.counterSales().sell(wang.id(), List.of(new PurchaseLine("饮料", 2, 1_000)), null);
        String saleNo = app.purchases().history(wang.id(), 1).get(0).purchaseNo();
        app.counterSales().giveBack(saleNo, List.of(new CounterSales.LineReturn(1, 1)), null);
        ValidationException refused = assertThrows(ValidationException.class,
                () -> app.counterSales().voidSale(saleNo, "重复录入", "店长"));
        assertEquals("sale.void.returned", refused.problems().get(0).key());
    }
}
