package org.memberdesk.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;

/** Every metric on the hand-built {@link Shop}; the working is in the comments. */
@BothEngines
class AnalyticsServiceTest {
    @TempDir
    static Path folder;
    static Shop shop;
    static AnalyticsService analytics;

    static final Period JANUARY = Period.of("2026-01-01", "2026-01-31");

    @BeforeAll
    static void build() {
        shop = Shop.built(folder);
        analytics = shop.context.analytics();
    }

    @Test
    void januaryCountsMembersAndBuyers() {
        Metrics m = analytics.metrics(JANUARY);
        // joined in January: B 01-01 (first day), C 01-10, E 01-15, F 01-20, I 01-25, D 01-31 (last day) = 6;
        // H joined 12-31 and J 02-05, just outside
        assertEquals(6, m.newMembers());
        // bought in January: A, B, C, D (23:59:59 on the 31st), F, H (00:00:00 on the 1st) = 6;
        // G bought at 12-31 23:59:59 and 02-01 00:00:00 only, and a return does not make a member active
        assertEquals(6, m.activeMembers());
        // first purchase ever in January: B 01-01, C 01-10, F 01-19, H 01-01, D 01-31 = 5; A first bought 12-10
        assertEquals(5, m.newBuyers());
        assertEquals(1, m.returningMembers());
    }

    @Test
    void januaryMoney() {
        Metrics m = analytics.metrics(JANUARY);
        // A 2 (5000+7000) + B 2 (3000+2000) + C 3 (4000+4000+2500) + D 1 (9999) + F 2 (1200+800) + H 1 (6000)
        // = 11 purchases, 12000 + 5000 + 10500 + 9999 + 2000 + 6000 = 45499 cents
        assertEquals(11, m.purchases());
        assertEquals(45_499, m.salesCents());
        // returns in January: B 2000 (01-03) + G 1500 (01-31 23:00, for a December sale) = 3500
        assertEquals(3_500, m.returnsCents());
        // 45499 − 3500 = 41999
        assertEquals(41_999, m.revenueCents());
        // 45499 / 11 = 4136.27… → 4136 (purchase totals only: returns do not lower the order value)
        assertEquals(4_136, m.avgOrderCents());
    }

    @Test
    void januaryRates() {
        Metrics m = analytics.metrics(JANUARY);
        // two or more purchases in January: A 2, B 2, C 3, F 2 (D and H 1) → 4 of 6 active
        assertEquals(new Ratio(4, 6), m.repurchase());
        // new members who bought on or after joining, by 01-31: B (01-01), C (01-10), D (01-31 23:59:59) and
        // F (01-22; its 01-19 purchase was the day before joining) = 4 of 6; E and I never bought
        assertEquals(new Ratio(4, 6), m.paidConversion());
        assertEquals(4.0 / 6, m.paidConversion().share());
    }

    @Test
    void januaryRetention() {
        Metrics m = analytics.metrics(JANUARY);
        // first purchase day F and next purchase on a later day:
        //   B 01-01 → 01-02 (gap 1), C 01-10 → 01-16 (the 15:00 purchase is the same day; gap 6),
        //   F 01-19 → 01-22 (gap 3), H 01-01 → 02-01 (gap 31); D's F is 01-31 = to, in no base
        // d1: F ≤ 01-30: B, C, F, H → gap ≤ 1: B → 1/4
        assertEquals(new Ratio(1, 4), m.retention(1));
        // d3: F ≤ 01-28: same four → gap ≤ 3: B, F → 2/4
        assertEquals(new Ratio(2, 4), m.retention(3));
        // d7: F ≤ 01-24: same four → gap ≤ 7: B, C, F → 3/4
        assertEquals(new Ratio(3, 4), m.retention(7));
        // d30: F ≤ 01-01: B, H → gap ≤ 30: B (H's gap is 31, one day late) → 1/2
        assertEquals(new Ratio(1, 2), m.retention(30));
    }

    @Test
    void previousPeriodIsDecemberWithAZeroRateAndAnAbsentOne() {
        Dashboard dashboard = analytics.dashboard(JANUARY, Granularity.WEEK);
        Metrics m = dashboard.previous();
        // January has 31 days, so the previous period is 2025-12-01 … 2025-12-31
        assertEquals(Period.of("2025-12-01", "2025-12-31"), m.period());
        // joined: H (12-31) = 1; bought: A 12-10 10000, G 12-31 23:59:59 3000 → 2 members, 2 purchases, 13000
        assertEquals(1, m.newMembers());
        assertEquals(2, m.activeMembers());
        assertEquals(2, m.purchases());
        assertEquals(13_000, m.revenueCents());
        // 13000 / 2 = 6500
        assertEquals(6_500, m.avgOrderCents());
        // first purchase in December: A only (G first bought in June)
        assertEquals(1, m.newBuyers());
        // nobody bought twice: 0 of 2 — a real zero, not absent
        assertEquals(new Ratio(0, 2), m.repurchase());
        assertEquals(0.0, m.repurchase().share());
        // H joined 12-31 but first bought 01-01, after the period: 0 of 1
        assertEquals(new Ratio(0, 1), m.paidConversion());
        // A: F = 12-10, next 01-05 (gap 26): in the d1, d3, d7 bases (F ≤ 12-30, 12-28, 12-24), not kept
        assertEquals(new Ratio(0, 1), m.retention(1));
        assertEquals(new Ratio(0, 1), m.retention(7));
        // d30 needs F ≤ 12-01: nobody → absent, not 0
        assertNull(m.retention(30).share());
        // change of new members: 6 now against 1 before = +500 %
        assertEquals(5.0, Dashboard.change(dashboard.current().newMembers(), m.newMembers()));
    }

    @Test
    void anEmptyPeriodHasZeroCountsAndAbsentRates() {
        Metrics m = analytics.metrics(Period.of("2024-03-01", "2024-03-31"));
        assertEquals(0, m.newMembers());
        assertEquals(0, m.activeMembers());
        assertEquals(0, m.purchases());
        assertEquals(0, m.revenueCents());
        assertNull(m.avgOrderCents());
        assertNull(m.repurchase().share());
        assertNull(m.paidConversion().share());
        for (int days : Metrics.RETENTION_DAYS) {
            assertNull(m.retention(days).share(), "d" + days);
        }
    }

    @Test
    void aOneDayPeriodOnTheLastDayOfJanuary() {
        Metrics m = analytics.metrics(Period.of("2026-01-31", "2026-01-31"));
        // D joined and first bought on 01-31 (23:59:59); G's 23:00 return is that day too
        assertEquals(1, m.newMembers());
        assertEquals(1, m.activeMembers());
        assertEquals(1, m.newBuyers());
        assertEquals(9_999, m.salesCents());
        // 9999 − 1500 = 8499
        assertEquals(8_499, m.revenueCents());
        assertEquals(new Ratio(0, 1), m.repurchase());
        assertEquals(new Ratio(1, 1), m.paidConversion());
        // a first purchase on the last day is in no retention base (F ≤ to − N is impossible): all absent
        for (int days : Metrics.RETENTION_DAYS) {
            assertNull(m.retention(days).share(), "d" + days);
        }
    }

    @Test
    void revenueDecomposition() {
        Decomposition d = analytics.dashboard(JANUARY, Granularity.WEEK).decomposition();
        // joined by 01-31: A, B, C, D, E, F, G, H, I = 9 (J and K joined in February; K archived counts anyway)
        assertEquals(9, d.members());
        // 6 of the 9 bought
        assertEquals(new Ratio(6, 9), d.conversion());
        assertEquals(4_136, d.avgOrderCents());
        // 11 purchases / 6 buyers
        assertEquals(11.0 / 6, d.frequency(), 1e-12);
        // 9 × 6/9 × (45499/11) × 11/6 = 45499 sales; − 3500 returns = 41999
        assertEquals(45_499, d.salesCents());
        assertEquals(41_999, d.revenueCents());
    }

    @Test
    void weeklyTrendOfJanuary() {
        Trend trend = analytics.trend(JANUARY, Granularity.WEEK);
        // 2026-01-01 is a Thursday, so the first week starts Monday 2025-12-29 (only 01-01…01-04 counted)
        assertEquals(List.of(
                // joined B; bought B (01-01, 01-02), H (01-01): 3000 + 2000 + 6000 − 2000 (B's return) = 9000
                new Trend.Point(LocalDate.of(2025, 12, 29), 1, 2, 9_000),
                // joined C; bought A 5000, C 4000 + 4000 = 13000
                new Trend.Point(LocalDate.of(2026, 1, 5), 1, 2, 13_000),
                // joined E; bought C 2500
                new Trend.Point(LocalDate.of(2026, 1, 12), 1, 1, 2_500),
                // joined F, I; bought A 7000, F 1200 + 800 = 9000
                new Trend.Point(LocalDate.of(2026, 1, 19), 2, 2, 9_000),
                // joined D; bought D 9999; G returned 1500 → 8499 (02-01 is outside the period)
                new Trend.Point(LocalDate.of(2026, 1, 26), 1, 1, 8_499)),
                trend.points());
    }

    @Test
    void monthlyTrendAcrossTwoMonths() {
        Trend trend = analytics.trend(Period.of("2025-12-01", "2026-01-31"), Granularity.MONTH);
        // December: joined H; bought A, G: 13000. January: 6 joined, 6 bought, 41999
        assertEquals(List.of(new Trend.Point(LocalDate.of(2025, 12, 1), 1, 2, 13_000),
                new Trend.Point(LocalDate.of(2026, 1, 1), 6, 6, 41_999)), trend.points());
    }

    @Test
    void cohortsByMonthOfFirstPurchase() {
        List<Cohort> cohorts = analytics.cohorts(YearMonth.of(2025, 11), YearMonth.of(2026, 1));
        // today is 2026-04-10: months up to April have begun
        // 2025-11: nobody's first purchase → size 0; months 1..5 (Dec … Apr) begun, all 0
        assertEquals(new Cohort(YearMonth.of(2025, 11), 0, List.of(0L, 0L, 0L, 0L, 0L)), cohorts.get(0));
        // 2025-12: A (12-10). Month 1 = January: A bought → 1; February, March, April: 0
        assertEquals(new Cohort(YearMonth.of(2025, 12), 1, List.of(1L, 0L, 0L, 0L)), cohorts.get(1));
        // 2026-01: B, C, D, F, H = 5. Month 1 = February: D (02-01 00:00), H (02-01 08:00) → 2
        // (G bought then too but is not in this cohort); month 2 = March: C → 1; month 3 = April (begun): 0
        assertEquals(new Cohort(YearMonth.of(2026, 1), 5, List.of(2L, 1L, 0L)), cohorts.get(2));
        assertEquals(0.4, cohorts.get(2).share(1));
        assertNull(cohorts.get(2).share(4));
        assertNull(cohorts.get(0).share(1));
    }

    @Test
    void aarrrFunnelAsOfTheLastDay() {
        Funnel funnel = analytics.aarrr(JANUARY, 10_000);
        // joined in January: B, C, D, E, F, I
        // as of 01-31: purchases B 2, C 3, D 1 (its 02-01 purchase is too late), E 0, F 2, I 0
        // spent (purchases − returns): B 3000 + 2000 − 2000 = 3000, C 10500, D 9999, F 2000
        // referrals: C is named by I (joined 01-25) and J (02-05, too late) → 1; F by K (02-10, too late) → 0
        assertEquals(List.of("joined", "purchases >= 1", "purchases >= 2", "total_spent >= 100.00", "referrals >= 1"),
                funnel.steps().stream().map(Funnel.Step::name).toList());
        assertArrayEquals(new long[] {shop.b, shop.c, shop.d, shop.e, shop.f, shop.i}, funnel.steps().get(0).memberIds());
        assertArrayEquals(new long[] {shop.b, shop.c, shop.d, shop.f}, funnel.steps().get(1).memberIds());
        assertArrayEquals(new long[] {shop.b, shop.c, shop.f}, funnel.steps().get(2).memberIds());
        // ≥ 10000 cents: C only
        assertArrayEquals(new long[] {shop.c}, funnel.steps().get(3).memberIds());
        assertArrayEquals(new long[] {shop.c}, funnel.steps().get(4).memberIds());
        // step-to-step: 4 of 6, 3 of 4, 1 of 3, 1 of 1
        assertEquals(new Ratio(3, 4), funnel.conversion(2));
    }

    @Test
    void aarrrWithoutASpendThresholdKeepsTheReferralAsOfTheLastDay() {
        Funnel funnel = analytics.aarrr(JANUARY, 0);
        // everyone with 2 purchases passes "spent ≥ 0"; of B, C, F only C had referred someone by 01-31
        // (F's referral K joined 02-10)
        assertEquals(List.of(6L, 4L, 3L, 3L, 1L), funnel.steps().stream().map(Funnel.Step::count).toList());
    }

    @Test
    void customFunnelOfRulesAgreesWithTheAarrrFunnel() {
        // the same steps written as rules, evaluated by the rule engine as of 01-31: 6, 4, 3, 1, 1 as worked above
        Funnel funnel = analytics.custom(JANUARY,
                List.of("purchases >= 1", "purchases >= 2", "total_spent >= 100", " referrals >= 1 "));
        assertEquals(List.of(6L, 4L, 3L, 1L, 1L), funnel.steps().stream().map(Funnel.Step::count).toList());
        assertEquals("referrals >= 1", funnel.steps().get(4).name());
    }

    @Test
    void customFunnelKeepsOnlyThePreviousStepsMembers() {
        // joined in January through 门店: C, F; of them with 2+ purchases by 01-31: C (3), F (2);
        // A (门店, 2 January purchases) matches the second rule but did not join in January
        Funnel funnel = analytics.custom(JANUARY, List.of("channel = 门店", "purchases >= 2"));
        assertArrayEquals(new long[] {shop.c, shop.f}, funnel.steps().get(1).memberIds());
        assertArrayEquals(new long[] {shop.c, shop.f}, funnel.steps().get(2).memberIds());
        assertThrows(org.memberdesk.tags.RuleException.class, () -> analytics.custom(JANUARY, List.of("bogus >= 1")));
    }

    @Test
    void segmentsAndStagesComeFromTheSegmentsEngine() {
        LocalDate asOf = LocalDate.of(2026, 1, 31);
        // RFM covers members who had bought by 01-31: A, B, C, D, F, G, H = 7
        assertEquals(7, analytics.rfmSegments(asOf).total());
        assertEquals(8, analytics.rfmSegments(asOf).slices().size());
        // stages cover members who had joined by 01-31: A … I = 9; no purchase yet: E, I
        Distribution stages = analytics.lifecycleStages(asOf);
        assertEquals(9, stages.total());
        assertEquals(new Distribution.Slice("prospect", "prospect", 2), stages.slices().get(0));
    }

    @Test
    void intersectionOfSortedIds() {
        assertArrayEquals(new long[] {3, 7}, AnalyticsService.intersect(new long[] {1, 3, 5, 7}, new long[] {2, 3, 7, 9}));
        assertArrayEquals(new long[0], AnalyticsService.intersect(new long[] {1}, new long[0]));
    }

    @Test
    void distributionsOfCurrentMembers() {
        shop.setTier(shop.a, "金卡");
        shop.setTier(shop.c, "金卡");
        shop.setTier(shop.h, "银卡");
        // 10 current members (K is archived): 金卡 2, 银卡 1, no tier yet 7 — on the entry tier, 普通 (issue 19)
        Distribution tiers = analytics.tiers();
        assertEquals(List.of(new Distribution.Slice("普通", "普通", 7), new Distribution.Slice("金卡", "金卡", 2),
                new Distribution.Slice("银卡", "银卡", 1)), tiers.slices());
        // channels: 门店 A, C, F, H; 转介绍 I, J; one each 公众号 B, 抖音 D, 美团 G, none E
        assertEquals(List.of(4L, 2L, 1L, 1L, 1L, 1L),
                analytics.channels().slices().stream().map(Distribution.Slice::count).toList());
        assertEquals("门店", analytics.channels().slices().get(0).key());
        // net spend: A 22000, B 3000, C 13500, D 14999, F 2000, G 1000 + 3000 − 1500 + 4000 = 6500, H 10500;
        // never bought: E, I, J → none 3; < ¥100: B, F, G 3; ¥100–500: A, C, D, H 4; higher bands 0
        assertEquals(List.of(3L, 3L, 4L, 0L, 0L, 0L),
                analytics.spendBands().slices().stream().map(Distribution.Slice::count).toList());
    }

    @Test
    void aPurchaseBeforeJoiningIsNotAConversion(@TempDir Path other) {
        Shop oddShop = new Shop(org.memberdesk.TestDatabase.database(other));
        long member = oddShop.member("X1", "2026-01-20", null, null);
        // bought the day before joining (an imported file can say so), and never after
        oddShop.buy(member, "2026-01-19 12:00:00", 1200);
        Metrics m = oddShop.context.analytics().metrics(JANUARY);
        // joined in January: 1; bought on or after joining: nobody → 0 of 1; still an active new buyer
        assertEquals(new Ratio(0, 1), m.paidConversion());
        assertEquals(1, m.activeMembers());
        assertEquals(1, m.newBuyers());
    }

    @Test
    void averageOrderRoundsToTheNearestCent() {
        // 45499/11 = 4136.27 → 4136; 8939/2 = 4469.5 → 4470 (a half goes up); 8941/3 = 2980.33 → 2980
        assertEquals(4136, Metrics.divideRounded(45_499, 11));
        assertEquals(4470, Metrics.divideRounded(8_939, 2));
        assertEquals(2980, Metrics.divideRounded(8_941, 3));
        // 2/3 = 0.67 → 1
        assertEquals(1, Metrics.divideRounded(2, 3));
        assertEquals(-3, Metrics.divideRounded(-5, 2));
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> Period.of("2026-02-01", "2026-01-31"));
        assertThrows(IllegalArgumentException.class, () -> new Ratio(3, 2));
    }
}
