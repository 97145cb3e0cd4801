package org.memberdesk.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.app.AppContext;
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
@BothEngines
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

    @Test
    void finding2_aReturnOfASaleWithTierDiscountAndCouponRefundsWhatWasPaidAndFreesTheCouponWhenWhole() {
        // 满100减20 for every member, valid 30 days
        org.memberdesk.coupons.Campaign campaign = app.campaigns().create(new org.memberdesk.coupons.CampaignDraft(
                "回馈", null, new org.memberdesk.coupons.Coupon(0, "满100减20", org.memberdesk.coupons.CouponKind.THRESHOLD,
                2_000, null, null, 10_000, List.of(), org.memberdesk.coupons.Validity.days(30)),
                org.memberdesk.coupons.Target.parse("all"), null, 0, 1L));
        app.campaigns().issue(campaign.id());
        String code = app.campaigns().memberCoupons(wang.id()).get(0).code();
        // ¥1,000 at the entry tier: 1,000 points, 银卡
        app.counterSales().sell(wang.id(), List.of(new PurchaseLine("年卡", 1, 100_000)), null);
        // list 2 × ¥300 + ¥100 = ¥700. 银卡 2 %: ⌊70,000 × 2 / 100⌋ = 1,400, shared 1,200 / 200 → 58,800 + 9,800.
        // coupon ¥20 on 68,600 (≥ ¥100): 2,000 × 58,800 / 68,600 = 1,714.29, 2,000 × 9,800 / 68,600 = 285.71 →
        // 1,714 + 285 and the last cent to the larger remainder: 286. Paid 57,086 + 9,514 = 66,600.
        // points at 110 %: ⌊66,600 / 100 × 110 %⌋ = ⌊732.6⌋ = 732
        CounterSales.Sale sale = app.counterSales().sell(wang.id(),
                List.of(new PurchaseLine("私教课", 2, 60_000), new PurchaseLine("饮料", 1, 10_000)), code);
        assertEquals(1_400, sale.priced().tierDiscountCents());
        assertEquals(2_000, sale.priced().couponDiscountCents());
        assertEquals(66_600, sale.purchase().totalCents());
        assertEquals(List.of(57_086L, 9_514L), sale.purchase().lines().stream().map(PurchaseLine::amountCents).toList());
        assertEquals(732, sale.pointsEarned());
        assertEquals(1_732, sale.pointsBalance());
        String saleNo = sale.purchase().purchaseNo();

        // one 私教课 of two: ⌊57,086 × 1 / 2⌋ = 28,543 back; points ⌊732 × 28,543 / 66,600⌋ = ⌊313.7⌋ = 313
        CounterSales.Returned one = app.counterSales().giveBack(saleNo, List.of(new CounterSales.LineReturn(1, 1)),
                null);
        assertEquals(28_543, one.refundCents());
        assertEquals(313, one.pointsTaken());
        assertEquals(1_419, one.pointsBalance());
        assertTrue(app.campaigns().memberCoupons(wang.id()).get(0).usedAt() != null, "still used: partly returned");

        // the rest: 57,086 − 28,543 = 28,543 and 9,514 = 38,057; points 732 − 313 = 419; balance 1,000
        CounterSales.Returned rest = app.counterSales().giveBack(saleNo, List.of(), "整单退");
        assertEquals(38_057, rest.refundCents());
        assertEquals(419, rest.pointsTaken());
        assertEquals(1_000, rest.pointsBalance());
        assertEquals(166_600, stats().spentCents());
        assertEquals(66_600, stats().returnedCents());
        // returned in full, still within its dates: the coupon can be used again
        assertEquals(null, app.campaigns().memberCoupons(wang.id()).get(0).usedAt());
        assertEquals(2_000, app.counterSales().sell(wang.id(), List.of(new PurchaseLine("饮料", 1, 20_000)), code)
                .priced().couponDiscountCents());
    }

    @Test
    void finding1_aCounterSaleMarksRuleTagsOutOfDateAndTheNextRefreshCountsItsBuyer() {
        assertEquals(0, app.tags().create("买过", "purchases >= 1").members());
        assertEquals(false, app.tags().refreshIfStale(), "nothing changed since the tag was filled");
        app.counterSales().sell(wang.id(), List.of(new PurchaseLine("饮料", 1, 1_000)), null);
        // the sale's own transaction marked them: the refresh the desktop runs at start (and an import at its end) counts her
        assertTrue(app.tags().refreshIfStale());
        assertEquals(1, app.tags().list().stream().filter(t -> t.name().equals("买过")).findFirst().orElseThrow()
                .members());
        assertEquals(false, app.tags().refreshIfStale());
    }
}
