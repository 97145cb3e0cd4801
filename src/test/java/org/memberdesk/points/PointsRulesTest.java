package org.memberdesk.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberdesk.purchases.PurchaseLine;

class PointsRulesTest {
    private static final Map<String, String> CATEGORIES = Map.of("成人门票", "门票", "餐饮", "二次消费", "年卡", "年卡");

    private static List<PurchaseLine> lines(Object... itemAndCents) {
        List<PurchaseLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < itemAndCents.length; i += 2) {
            lines.add(new PurchaseLine((String) itemAndCents[i], 1, (Long) itemAndCents[i + 1]));
        }
        return lines;
    }

    @Test
    void roundsDownToWholePoints() {
        PointsRules rules = new PointsRules(1, 1, 100, 0, 0, null, Map.of(), Map.of());
        // ¥99.99 at 1 point per yuan: 9999 × 100 × 1 × 100 × 100 / (1 × 10^8) = 99.99 → 99
        assertEquals(99, rules.pointsFor(lines("水", 9_999L), CATEGORIES::get, 100, false));
        // ¥0.99 earns nothing
        assertEquals(0, rules.pointsFor(lines("水", 99L), CATEGORIES::get, 100, false));
    }

    @Test
    void onePointPerTenYuan() {
        PointsRules rules = new PointsRules(1, 10, 100, 0, 0, null, Map.of(), Map.of());
        // ¥129.00 at 1 point per ¥10: 12900 × 10^4 × 1 / (10 × 10^8) = 12.9 → 12
        assertEquals(12, rules.pointsFor(lines("水", 12_900L), CATEGORIES::get, 100, false));
    }

    @Test
    void lineMultipliersWeightEachLineBeforeOneRounding() {
        PointsRules rules = new PointsRules(1, 1, 100, 0, 0, null, Map.of(), Map.of("二次消费", 200));
        // 成人门票 ¥120.00 at 100% + 餐饮 ¥45.55 at 200%:
        // weighted = 12000×100 + 4555×200 = 1,200,000 + 911,000 = 2,111,000
        // points = 2,111,000 × 1 × 100 × 100 / 10^8 = 211.1 → 211 (rounding each line would give 120 + 91 = 211 too,
        // but ¥45.55 × 2 = 91.1 and 120 stay whole; one rounding never loses more than one point)
        assertEquals(211, rules.pointsFor(lines("成人门票", 12_000L, "餐饮", 4_555L), CATEGORIES::get, 100, false));
    }

    @Test
    void anItemsOwnMultiplierWinsOverItsCategory() {
        PointsRules rules = new PointsRules(1, 1, 100, 0, 0, null, Map.of("年卡", 150), Map.of("年卡", 300));
        // ¥298.00 × 150% = 447 (not 894 at the category's 300%)
        assertEquals(447, rules.pointsFor(lines("年卡", 29_800L), CATEGORIES::get, 100, false));
        assertEquals(150, rules.percentFor("年卡", "年卡"));
        assertEquals(100, rules.percentFor("其他", null));
    }

    @Test
    void birthdayMonthUnderATierMultiplier() {
        PointsRules rules = new PointsRules(1, 1, 200, 0, 0, null, Map.of(), Map.of());
        // ¥333.33 for a 金卡 member (125%) in the birthday month (200%):
        // 33333 × 100 × 1 × 125 × 200 / 10^8 = 833,325,000,000 / 10^8 = 833.325 → 833
        assertEquals(833, rules.pointsFor(lines("餐饮", 33_333L), CATEGORIES::get, 125, true));
        // outside the birthday month: 33333 × 100 × 125 × 100 / 10^8 = 416.6625 → 416
        assertEquals(416, rules.pointsFor(lines("餐饮", 33_333L), CATEGORIES::get, 125, false));
    }

    @Test
    void returnsCountTheirLinesAsPositive() {
        PointsRules rules = new PointsRules(1, 1, 100, 0, 0, null, Map.of(), Map.of());
        assertEquals(120, rules.pointsFor(lines("成人门票", -12_000L), CATEGORIES::get, 100, false));
    }

    @Test
    void bigAmountsDoNotOverflow() {
        PointsRules rules = new PointsRules(1000, 1, 1000, 0, 0, null, Map.of("x", 1000), Map.of());
        // ¥10,000,000.00 × 1000 points/yuan × 10 × 10 × 10 = 10^7 × 10^3 × 10^3 = 10^13
        assertEquals(10_000_000_000_000L, rules.pointsFor(lines("x", 1_000_000_000L), CATEGORIES::get, 1000, true));
    }

    @Test
    void expiryIsCalendarMonthsClampedAtMonthEnd() {
        PointsRules rules = PointsRules.defaults().withExpiryMonths(1);
        assertEquals(LocalDate.of(2026, 2, 28), rules.expiresOn(LocalDate.of(2026, 1, 31)));
        assertEquals(LocalDate.of(2027, 1, 10), rules.withExpiryMonths(12).expiresOn(LocalDate.of(2026, 1, 10)));
        assertNull(rules.withExpiryMonths(null).expiresOn(LocalDate.of(2026, 1, 10)));
    }
}
