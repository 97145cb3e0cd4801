package org.memberdesk.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.Discounts;
import org.memberdesk.coupons.Validity;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.tiers.Tier;

/** The discount order at the counter (issue 15, item 4): tier first, then the coupon, then what is paid. */
class PricingTest {
    private static final Validity DAYS = Validity.days(30);
    private static final Tier GOLD = new Tier(2, "金卡", 500_000, 150, 5, "");

    private static Coupon threshold(long value, long minSpend) {
        return new Coupon(1, "满减", CouponKind.THRESHOLD, value, null, null, minSpend, List.of(), DAYS);
    }

    private static Coupon cash(long value) {
        return new Coupon(2, "代金券", CouponKind.CASH, value, null, null, 0, List.of(), DAYS);
    }

    private static Coupon discount(int percent, String item) {
        return new Coupon(3, "折扣", CouponKind.DISCOUNT, 0, percent, null, 0, List.of(item), DAYS);
    }

    private static Coupon gift(long value, String item) {
        return new Coupon(4, "兑换券", CouponKind.GIFT, value, null, null, 0, List.of(item), DAYS);
    }

    private static List<Long> amounts(List<PurchaseLine> lines) {
        return lines.stream().map(PurchaseLine::amountCents).toList();
    }

    @Test
    void finding4_goldFivePercentOnA128LineTakesOff640() {
        Priced priced = Pricing.price(List.of(new PurchaseLine("外套", 1, 12_800)), GOLD, null);
        // 12800 × 5 / 100 = 640 exactly: "金卡 95 折 −¥6.40"; 12800 − 640 = 12160
        assertEquals("金卡", priced.tierName());
        assertEquals(5, priced.tierPercent());
        assertEquals(640, priced.tierDiscountCents());
        assertEquals(0, priced.couponDiscountCents());
        assertEquals(12_160, priced.paidCents());
        assertEquals(List.of(new PurchaseLine("外套", 1, 12_160)), priced.paidLines());
    }

    @Test
    void finding4_theTierDiscountIsSharedOverAwkwardLinesAndSumsExactly() {
        List<PurchaseLine> lines = List.of(new PurchaseLine("A", 1, 1_999), new PurchaseLine("B", 3, 3_333),
                new PurchaseLine("C", 7, 4_567));
        Priced priced = Pricing.price(lines, "黑金", 8, null);
        // list 1999 + 3333 + 4567 = 9899; 9899 × 8 / 100 = 791.92 → 791 (never more than 8 %)
        // cumulative: 791 × 1999 / 9899 = 159.7… → 159          → A's share 159
        //             791 × 5332 / 9899 = 426.06… → 426         → B's share 426 − 159 = 267
        //             791 × 9899 / 9899 = 791                   → C's share 791 − 426 = 365
        // (in proportion they would be 159.92, 266.64, 365.36: each share within a cent of it)
        // paid 1999 − 159 = 1840, 3333 − 267 = 3066, 4567 − 365 = 4202; 1840 + 3066 + 4202 = 9108 = 9899 − 791
        assertEquals(791, priced.tierDiscountCents());
        assertEquals(List.of(1_840L, 3_066L, 4_202L), amounts(priced.paidLines()));
        assertEquals(9_108, priced.paidCents());
        assertEquals(List.of(1, 3, 7), priced.paidLines().stream().map(PurchaseLine::quantity).toList());
    }

    @Test
    void finding4_theMinimumSpendIsCheckedAfterTheTierDiscount() {
        List<PurchaseLine> lines = List.of(new PurchaseLine("外套", 1, 10_200));
        Coupon full100minus20 = threshold(2_000, 10_000);

        Priced gold = Pricing.price(lines, GOLD, full100minus20);
        // 10200 × 5 / 100 = 510; 10200 − 510 = 9690 < 10000: refused, nothing taken off for it
        assertTrue(gold.couponRefused());
        assertEquals("sale.coupon.minSpendAfterTier", gold.couponRefusal().key());
        assertEquals(9_690, gold.couponRefusal().eligibleCents());
        assertEquals(10_200, gold.couponRefusal().eligibleBeforeTierCents());
        assertNull(gold.coupon());
        assertEquals(0, gold.couponDiscountCents());
        assertEquals(9_690, gold.paidCents());
        String english = gold.couponRefusal().refused("ABCD2345").problem().describe(Messages.english());
        assertTrue(english.contains("ABCD2345") && english.contains("¥100.00") && english.contains("¥96.90")
                && english.contains("¥102.00"), english);

        Priced entry = Pricing.price(lines, "普通", 0, full100minus20);
        // no tier discount: 10200 ≥ 10000 → ¥20 off → 8200
        assertFalse(entry.couponRefused());
        assertEquals(full100minus20, entry.coupon());
        assertEquals(2_000, entry.couponDiscountCents());
        assertEquals(8_200, entry.paidCents());
    }

    @Test
    void finding4_aPercentCouponWorksOnTheLinesAfterTheTierDiscount() {
        List<PurchaseLine> lines = List.of(new PurchaseLine("咖啡", 2, 6_600), new PurchaseLine("蛋糕", 1, 2_850));
        Priced priced = Pricing.price(lines, GOLD, discount(12, "咖啡"));
        // list 9450; tier 9450 × 5 / 100 = 472.5 → 472
        //   咖啡 472 × 6600 / 9450 = 329.65… → 329 → 6271; 蛋糕 472 − 329 = 143 → 2707
        // coupon 12 % on 咖啡 only: 6271 × 12 / 100 = 752.52 → 752 → 咖啡 5519
        // paid 5519 + 2707 = 8226 = 9450 − 472 − 752
        assertEquals(472, priced.tierDiscountCents());
        assertEquals(752, priced.couponDiscountCents());
        assertEquals(List.of(5_519L, 2_707L), amounts(priced.paidLines()));
        assertEquals(8_226, priced.paidCents());
    }

    @Test
    void finding4_aGiftCouponGivesOneUnitAtItsPriceAfterTheTierDiscount() {
        List<PurchaseLine> lines = List.of(new PurchaseLine("咖啡", 2, 6_600), new PurchaseLine("蛋糕", 1, 2_850));
        Priced priced = Pricing.price(lines, GOLD, gift(3_500, "咖啡"));
        // after the tier (as above) 咖啡 6271 for 2 → one unit 6271 / 2 = 3135.5 → 3135 < ¥35 → 3135 off
        // 咖啡 6271 − 3135 = 3136, 蛋糕 2707; 3136 + 2707 = 5843 = 9450 − 472 − 3135
        assertEquals(3_135, priced.couponDiscountCents());
        assertEquals(List.of(3_136L, 2_707L), amounts(priced.paidLines()));
        assertEquals(5_843, priced.paidCents());
    }

    @Test
    void finding4_aZeroPercentTierTakesNothingOff() {
        List<PurchaseLine> lines = List.of(new PurchaseLine("A", 1, 999), new PurchaseLine("B", 2, 1));
        Priced priced = Pricing.price(lines, new Tier(0, "普通会员", 0, 100, 0, ""), null);
        assertEquals(0, priced.tierDiscountCents());
        assertEquals(lines, priced.paidLines());
        assertEquals(1_000, priced.paidCents());
        Priced noTier = Pricing.price(lines, (Tier) null, cash(300));
        // no tier at all; ¥3 voucher over 999 and 1: 300 × 999 / 1000 = 299.7 → 299 (+1 largest remainder) → 300, 0
        assertNull(noTier.tierName());
        assertEquals(700, noTier.paidCents());
        assertEquals(List.of(699L, 1L), amounts(noTier.paidLines()));
    }

    @Test
    void finding4_aHundredPercentTierPaysNothingAndTheCouponIsKept() {
        // A shop that gives a tier everything free (staff, owner) expects the sale at ¥0 and the member's
        // coupon NOT spent on a sale it cannot make cheaper: refused with its own words, kept for later.
        List<PurchaseLine> lines = List.of(new PurchaseLine("A", 1, 1_234), new PurchaseLine("B", 1, 5_678));
        Priced priced = Pricing.price(lines, "员工", 100, cash(1_000));
        // 6912 × 100 / 100 = 6912: every line paid 0
        assertEquals(6_912, priced.tierDiscountCents());
        assertEquals(List.of(0L, 0L), amounts(priced.paidLines()));
        assertEquals(0, priced.paidCents());
        assertEquals("sale.coupon.nothingToPay", priced.couponRefusal().key());
        assertEquals(0, priced.couponDiscountCents());
    }

    @Test
    void finding4_aCouponForItemsNotInTheSaleKeepsItsOwnRefusal() {
        Priced priced = Pricing.price(List.of(new PurchaseLine("蛋糕", 1, 2_850)), GOLD, discount(12, "咖啡"));
        assertEquals("coupon.refused.noItems", priced.couponRefusal().key());
        // 2850 × 5 / 100 = 142.5 → 142; 2850 − 142 = 2708
        assertEquals(2_708, priced.paidCents());
    }

    @Test
    void finding4_sharesStayExactWhereCentsTimesCentsPassesALong() {
        List<PurchaseLine> lines = List.of(new PurchaseLine("A", 1, 9_999_999_999L),
                new PurchaseLine("B", 1, 7_777_777_777L), new PurchaseLine("C", 1, 3_333_333_333L));
        Priced priced = Pricing.price(lines, "黑金", 8, null);
        // T = 21111111109, D = T × 8 / 100 = 1688888888.72 → 1688888888
        // D × 9999999999 ≈ 1.69e19 > 2^63 ≈ 9.22e18, so a long product would wrap
        // floor(D × 9999999999 / T) = 799999999; floor(D × 17777777776 / T) = 1422222221; then D
        // shares 799999999, 622222222, 266666667 → paid 9200000000, 7155555555, 3066666666
        assertEquals(1_688_888_888L, priced.tierDiscountCents());
        assertEquals(List.of(9_200_000_000L, 7_155_555_555L, 3_066_666_666L), amounts(priced.paidLines()));
    }

    @Test
    void finding4_nothingIsPricedFromImpossibleInput() {
        List<PurchaseLine> lines = List.of(new PurchaseLine("A", 1, 100));
        assertThrows(IllegalArgumentException.class, () -> Pricing.price(lines, "X", 101, null));
        assertThrows(IllegalArgumentException.class, () -> Pricing.price(lines, "X", -1, null));
        assertThrows(IllegalArgumentException.class, () -> Pricing.price(lines, null, 5, null));
        assertThrows(IllegalArgumentException.class,
                () -> Pricing.price(List.of(new PurchaseLine("A", 1, -100)), "X", 5, null));
        assertThrows(IllegalArgumentException.class,
                () -> Pricing.price(List.of(new PurchaseLine("A", 0, 100)), "X", 5, null));
    }

    /** Thousands of random sales: the figures add up and no discount is more than its rule gives. */
    @Test
    void finding4_randomSalesAlwaysAddUpAndNeverGiveMoreThanTheRules() {
        Random random = new Random(15);
        String[] items = {"咖啡", "蛋糕", "茶"};
        for (int run = 0; run < 5_000; run++) {
            List<PurchaseLine> lines = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                long amount = 1 + (random.nextBoolean() ? random.nextInt(100) : random.nextInt(2_000_000));
                lines.add(new PurchaseLine(items[random.nextInt(3)], 1 + random.nextInt(5), amount));
            }
            int percent = random.nextInt(4) == 0 ? random.nextInt(101) : new int[] {0, 2, 5, 8}[random.nextInt(4)];
            Coupon coupon = switch (random.nextInt(5)) {
                case 0 -> null;
                case 1 -> cash(random.nextInt(5_000));
                case 2 -> threshold(1 + random.nextInt(5_000), random.nextInt(500_000));
                case 3 -> discount(1 + random.nextInt(99), items[random.nextInt(3)]);
                default -> gift(random.nextInt(100_000), items[random.nextInt(3)]);
            };
            Priced priced = Pricing.price(lines, "T", percent, coupon);
            String what = lines + " at " + percent + " % with " + coupon;

            long list = lines.stream().mapToLong(PurchaseLine::amountCents).sum();
            assertEquals(list, priced.listCents(), what);
            assertEquals(list * percent / 100, priced.tierDiscountCents(), what);
            assertEquals(priced.paidCents(), priced.paidLines().stream().mapToLong(PurchaseLine::amountCents).sum());
            assertEquals(list - priced.tierDiscountCents() - priced.couponDiscountCents(), priced.paidCents(), what);
            List<PurchaseLine> afterTier = Pricing.share(lines, list, priced.tierDiscountCents());
            for (int i = 0; i < lines.size(); i++) {
                long tierShare = lines.get(i).amountCents() - afterTier.get(i).amountCents();
                // a line's share of the tier discount is within a cent of its proportion, never above its percent rounded up
                assertTrue(tierShare >= 0 && tierShare * 100 < lines.get(i).amountCents() * percent + 100, what);
                assertTrue(priced.paidLines().get(i).amountCents() >= 0, what);
                assertTrue(priced.paidLines().get(i).amountCents() <= afterTier.get(i).amountCents(), what);
                assertEquals(lines.get(i).quantity(), priced.paidLines().get(i).quantity());
            }
            if (coupon != null && !priced.couponRefused()) {
                Discounts.Outcome rule = Discounts.outcome(coupon, afterTier);
                assertTrue(rule.accepted() && rule.eligibleCents() >= coupon.minSpendCents(), what);
                assertEquals(rule.discountCents(), priced.couponDiscountCents(), what);
            } else {
                assertEquals(0, priced.couponDiscountCents(), what);
                assertEquals(afterTier, priced.paidLines(), what);
            }
        }
    }
}
