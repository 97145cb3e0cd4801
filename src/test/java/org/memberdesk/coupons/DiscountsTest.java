package org.memberdesk.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberdesk.purchases.PurchaseLine;

class DiscountsTest {
    private static final Validity DAYS = Validity.days(30);

    private static Coupon cash(long value, long minSpend) {
        return new Coupon(1, "c", CouponKind.CASH, value, null, null, minSpend, List.of(), DAYS);
    }

    private static Coupon threshold(long value, long minSpend) {
        return new Coupon(1, "t", CouponKind.THRESHOLD, value, null, null, minSpend, List.of(), DAYS);
    }

    private static Coupon discount(int percent, Long cap) {
        return new Coupon(1, "d", CouponKind.DISCOUNT, 0, percent, cap, 0, List.of(), DAYS);
    }

    private static Coupon gift(long value, String item) {
        return new Coupon(1, "g", CouponKind.GIFT, value, null, null, 0, List.of(item), DAYS);
    }

    private static List<PurchaseLine> spend(long cents) {
        return List.of(new PurchaseLine("门票", 1, cents));
    }

    private static long off(Coupon coupon, List<PurchaseLine> lines) {
        Discounts.Outcome outcome = Discounts.outcome(coupon, lines);
        assertNull(outcome.refusal(), "refused: " + outcome.refusal());
        return outcome.discountCents();
    }

    @Test
    void cashTakesItsValueButNeverMoreThanThePurchase() {
        assertEquals(2000, off(cash(2000, 0), spend(5000)));   // ¥20 off ¥50 → ¥20
        assertEquals(2000, off(cash(2000, 0), spend(2000)));   // exactly the value → all of it
        assertEquals(1999, off(cash(2000, 0), spend(1999)));   // ¥19.99 purchase: no change paid out
        assertEquals(1, off(cash(2000, 0), spend(1)));
    }

    @Test
    void thresholdAppliesFromTheMinimumSpendExactly() {
        // 满100减20
        assertEquals("coupon.refused.minSpend", Discounts.outcome(threshold(2000, 10_000), spend(9_999)).refusal());
        assertEquals(2000, off(threshold(2000, 10_000), spend(10_000)));   // exactly ¥100 → ¥20 off
        assertEquals(2000, off(threshold(2000, 10_000), spend(25_000)));   // more spend, same ¥20
        assertEquals(9_999, Discounts.outcome(threshold(2000, 10_000), spend(9_999)).eligibleCents());
    }

    @Test
    void percentageRoundsDownToTheCent() {
        // 20 % of ¥99.99 = 1999.8 cents → 1999 (rounded down: never more than the printed percentage)
        assertEquals(1999, off(discount(20, null), spend(9_999)));
        // 15 % of ¥0.06 = 0.9 cents → 0
        assertEquals(0, off(discount(15, null), spend(6)));
        // 15 % of ¥0.07 = 1.05 cents → 1
        assertEquals(1, off(discount(15, null), spend(7)));
        // 99 % of ¥100 = 9900
        assertEquals(9_900, off(discount(99, null), spend(10_000)));
        // 1 % of ¥100 = 100
        assertEquals(100, off(discount(1, null), spend(10_000)));
    }

    @Test
    void percentageStopsAtTheCap() {
        // 20 % of ¥300 = ¥60, capped at ¥50
        assertEquals(5_000, off(discount(20, 5_000L), spend(30_000)));
        // 20 % of ¥250 = ¥50 = the cap exactly
        assertEquals(5_000, off(discount(20, 5_000L), spend(25_000)));
        // 20 % of ¥249.99 = 4999.8 → 4999, under the cap
        assertEquals(4_999, off(discount(20, 5_000L), spend(24_999)));
    }

    @Test
    void giftTakesOffOneUnitOfItsItemUpToItsValue() {
        List<PurchaseLine> twoCoffees = List.of(new PurchaseLine("咖啡", 2, 3_000), new PurchaseLine("蛋糕", 1, 2_500));
        // two coffees for ¥30 → one unit ¥15, under the ¥20 value → ¥15 off; the cake does not count
        assertEquals(1_500, off(gift(2_000, "咖啡"), twoCoffees));
        // value ¥12 below the unit price ¥15 → ¥12
        assertEquals(1_200, off(gift(1_200, "咖啡"), twoCoffees));
        assertEquals("coupon.refused.noItems",
                Discounts.outcome(gift(2_000, "咖啡"), List.of(new PurchaseLine("蛋糕", 1, 2_500))).refusal());
    }

    @Test
    void itemsLimitWhatCountsTowardsMinimumSpendAndDiscount() {
        Coupon onlyTickets = new Coupon(1, "t", CouponKind.DISCOUNT, 0, 10, null, 5_000, List.of("门票"), DAYS);
        List<PurchaseLine> lines = List.of(new PurchaseLine("门票", 1, 4_000), new PurchaseLine("饮料", 1, 3_000));
        // eligible is ¥40 (tickets only) < ¥50 minimum, although the whole purchase is ¥70
        assertEquals("coupon.refused.minSpend", Discounts.outcome(onlyTickets, lines).refusal());
        List<PurchaseLine> more = List.of(new PurchaseLine("门票", 2, 6_000), new PurchaseLine("饮料", 1, 3_000));
        // 10 % of the ¥60 tickets = ¥6
        assertEquals(600, off(onlyTickets, more));
    }

    @Test
    void theDiscountIsSpreadOverEligibleLinesAndAddsUpExactly() {
        Coupon all = cash(600, 0);
        List<PurchaseLine> lines = List.of(new PurchaseLine("a", 1, 300), new PurchaseLine("b", 1, 300),
                new PurchaseLine("c", 1, 100));
        // 600 over 300/300/100 (eligible 700): exact shares 257.14, 257.14, 85.71 → floors 257, 257, 85 = 599;
        // the 1 cent left goes to the largest remainder (c: 0.71) → 257, 257, 86
        List<PurchaseLine> paid = Discounts.apply(all, lines, 600);
        assertEquals(List.of(43L, 43L, 14L), paid.stream().map(PurchaseLine::amountCents).toList());
        // a line the coupon does not apply to is untouched
        Coupon onlyA = new Coupon(1, "x", CouponKind.CASH, 100, null, null, 0, List.of("a"), DAYS);
        assertEquals(List.of(200L, 300L, 100L),
                Discounts.apply(onlyA, lines, 100).stream().map(PurchaseLine::amountCents).toList());
        assertThrows(IllegalArgumentException.class, () -> Discounts.apply(all, lines, 701));
    }
}
