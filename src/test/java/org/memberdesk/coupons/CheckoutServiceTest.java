package org.memberdesk.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.sales.Priced;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseLine;

/** A coupon at the counter (through {@link CounterSales}: CheckoutService checks the code, the sale uses it). */
@BothEngines
class CheckoutServiceTest {
    @TempDir
    Path folder;
    CouponFixture shop;
    Member zhang;
    Member li;
    String zhangsCode;

    @BeforeEach
    void setUp() {
        shop = new CouponFixture(folder);
        zhang = shop.member("M001", "张伟", "13812341234");
        li = shop.member("M002", "李娜", "13912345678");
        // 满100减20, valid 30 days from 2026-11-22: through 2026-12-21
        Campaign campaign = shop.app.campaigns().create(new CampaignDraft("回馈", null,
                CouponFixture.threshold(2_000, 10_000), Target.parse("all"), null, 0, 1L));
        shop.app.campaigns().issue(campaign.id());
        zhangsCode = shop.app.campaigns().memberCoupons(zhang.id()).get(0).code();
    }

    private static List<PurchaseLine> spend(long cents) {
        return List.of(new PurchaseLine("门票", 1, cents));
    }

    private String refusal(CounterSales counter, String code, long memberId, long cents) {
        RedemptionRefused refused = assertThrows(RedemptionRefused.class,
                () -> counter.sell(memberId, spend(cents), code));
        return refused.problem().key();
    }

    @Test
    void aGoodCodeTakesOffTheDiscountAndIsUsedWithThePurchase() {
        CounterSales.Sale redemption = shop.app.counterSales().sell(zhang.id(), spend(12_000),
                zhangsCode.toLowerCase());
        // ¥120 − ¥20 = ¥100 paid, stored as the purchase's total
        assertEquals(2_000, redemption.priced().couponDiscountCents());
        Purchase stored = shop.app.purchases().byNumber(redemption.purchase().purchaseNo()).orElseThrow();
        assertEquals(10_000, stored.totalCents());
        IssuedCoupon used = shop.app.campaigns().memberCoupons(zhang.id()).get(0);
        assertNotNull(used.usedAt());
        assertEquals(stored.id(), used.purchaseId());
        assertEquals(2_000L, used.discountCents());
        assertEquals("coupon.refused.used", refusal(shop.app.counterSales(), zhangsCode, zhang.id(), 12_000));
    }

    @Test
    void everyRefusalSaysWhyAndStoresNothing() {
        CounterSales checkout = shop.app.counterSales();
        assertEquals("coupon.refused.malformed", refusal(checkout, "ABC", zhang.id(), 12_000));
        char last = zhangsCode.charAt(7);
        char other = CouponCodes.ALPHABET.charAt((CouponCodes.ALPHABET.indexOf(last) + 1) % 32);
        assertEquals("coupon.refused.typo", refusal(checkout, zhangsCode.substring(0, 7) + other, zhang.id(), 12_000));
        String unknownBody = zhangsCode.startsWith("2") ? "3333333" : "2222222";
        String unknown = unknownBody + CouponCodes.checkCharacter(unknownBody);
        assertEquals("coupon.refused.unknown", refusal(checkout, unknown, zhang.id(), 12_000));
        assertEquals("coupon.refused.otherMember", refusal(checkout, zhangsCode, li.id(), 12_000));
        assertEquals("coupon.refused.minSpend", refusal(checkout, zhangsCode, zhang.id(), 9_999));
        CounterSales later = shop.at(LocalDateTime.of(2026, 12, 22, 9, 0)).app.counterSales();
        assertEquals("coupon.refused.expired", refusal(later, zhangsCode, zhang.id(), 12_000));
        // the last valid day still works
        CounterSales lastDay = shop.at(LocalDateTime.of(2026, 12, 21, 21, 0)).app.counterSales();
        assertEquals(0, shop.app.purchases().totals().purchases());
        assertEquals(2_000, lastDay.sell(zhang.id(), spend(10_000), zhangsCode).priced().couponDiscountCents());
        assertEquals(1, shop.app.purchases().totals().purchases());
    }

    @Test
    void refusalsReadInBothLanguages() {
        RedemptionRefused refused = assertThrows(RedemptionRefused.class,
                () -> shop.app.counterSales().sell(zhang.id(), spend(5_000), zhangsCode));
        assertEquals("Coupon " + zhangsCode + " needs a spend of at least ¥100.00 on the items it applies to;"
                + " this purchase has ¥50.00", refused.problem().describe(Messages.english()));
        assertEquals("优惠券 " + zhangsCode + " 需适用商品消费满 ¥100.00，本单只有 ¥50.00",
                refused.problem().describe(Messages.chinese()));
    }

    @Test
    void aQuoteShowsTheDiscountWithoutStoringAnything() {
        Priced quote = shop.app.counterSales().quote(zhang.id(), spend(15_000), zhangsCode);
        assertEquals(2_000, quote.couponDiscountCents());
        assertEquals(13_000, quote.paidCents());
        assertEquals(0, shop.app.purchases().totals().purchases());
    }
}
