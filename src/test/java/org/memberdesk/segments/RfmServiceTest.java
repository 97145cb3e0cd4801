package org.memberdesk.segments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.members.Gender;
import org.memberdesk.tags.TestShop;

@BothEngines
class RfmServiceTest {
    @TempDir
    Path folder;

    /**
     * <pre>
     * As of 2026-06-30; D never bought, so RFM covers 5 members.
     *        R days                 F   M (cents)
     *  A     05-31 → 30             3    60000
     *  B     05-15 → 46             3    45000 (55000 − a 10000 return)
     *  C     06-30 → 0              1     5000
     *  E     06-25 → 5              1     8000
     *  F     2025-08-01 → 333       2   150000
     * Means: R 414/5 = 82.8 → high when days &lt; 83 (A, B, C, E); F 10/5 = 2 → high when &gt; 2 (A, B);
     *        M 268000/5 = 53600 → high when &gt; 53600 (A, F).
     * Segments: A ↑↑↑ important_value; B ↑↑↓ general_value; C, E ↑↓↓ general_develop; F ↓↓↑ important_retain.
     * R score = 1 + ⌊5 × (members with more days) / 5⌋: F 333 → 1, B 46 → 2, A 30 → 3, E 5 → 4, C 0 → 5.
     * F score = 1 + ⌊5 × (members with fewer purchases) / 5⌋: C, E (1) → 1; F (2, two below) → 3;
     *           A, B (3, three below, a tie) → 4 both.
     * Grid [R][F]: F (1,3), B (2,4), A (3,4), E (4,1), C (5,1).
     * </pre>
     */
    @Test
    void segmentsScoresAndGridOnAHandBuiltShop() {
        TestShop shop = new TestShop(folder);
        long a = shop.member("M001", Gender.FEMALE, null, "2026-01-10", null, null);
        long b = shop.member("M002", Gender.MALE, null, "2026-02-01", null, null);
        long c = shop.member("M003", null, null, "2026-03-01", null, null);
        shop.member("M004", null, null, "2026-04-01", null, null);
        long e = shop.member("M005", null, null, "2026-06-20", null, null);
        long f = shop.member("M006", null, null, "2025-06-01", null, null);
        shop.purchase(a, "2026-03-01", "苹果", 10000);
        shop.purchase(a, "2026-05-01", "香蕉", 20000);
        shop.purchase(a, "2026-05-31", "苹果", 30000);
        shop.purchase(b, "2026-04-20", "苹果", 20000);
        shop.purchase(b, "2026-05-01", "梨", 10000);
        shop.purchase(b, "2026-05-15", "梨", 25000);
        shop.purchase(b, "2026-06-01", "梨", -10000);
        shop.purchase(c, "2026-06-30", "香蕉", 5000);
        shop.purchase(e, "2026-06-25", "苹果", 8000);
        shop.purchase(f, "2025-07-01", "香蕉", 100000);
        shop.purchase(f, "2025-08-01", "梨", 50000);

        RfmResult rfm = shop.context().rfm().compute(TestShop.TODAY);
        assertEquals(5, rfm.members());
        assertEquals(268000, rfm.netCents());
        assertEquals(83, rfm.recentBelow());
        assertEquals(2, rfm.frequentAbove());
        assertEquals(53600, rfm.spendAboveCents());
        assertSegment(rfm, RfmSegment.IMPORTANT_VALUE, 1, 60000);
        assertSegment(rfm, RfmSegment.GENERAL_VALUE, 1, 45000);
        assertSegment(rfm, RfmSegment.GENERAL_DEVELOP, 2, 13000);
        assertSegment(rfm, RfmSegment.IMPORTANT_RETAIN, 1, 150000);
        for (RfmSegment empty : new RfmSegment[] {RfmSegment.IMPORTANT_DEVELOP, RfmSegment.IMPORTANT_KEEP,
                RfmSegment.GENERAL_KEEP, RfmSegment.GENERAL_RETAIN}) {
            assertSegment(rfm, empty, 0, 0);
        }
        long[][] grid = {
            {0, 0, 1, 0, 0},
            {0, 0, 0, 1, 0},
            {0, 0, 0, 1, 0},
            {1, 0, 0, 0, 0},
            {1, 0, 0, 0, 0}};
        for (int r = 0; r < 5; r++) {
            assertArrayEquals(grid[r], rfm.grid()[r], "R score " + (r + 1));
        }
        // the rules behind segments and cells select exactly the counted members
        for (RfmSegment segment : RfmSegment.values()) {
            assertEquals(rfm.segments().get(segment).members(),
                    shop.context().rules().count(rfm.segmentRule(segment), TestShop.TODAY), segment.key());
        }
        for (int r = 1; r <= 5; r++) {
            for (int fScore = 1; fScore <= 5; fScore++) {
                long expected = rfm.grid()[r - 1][fScore - 1];
                var rule = rfm.cellRule(r, fScore);
                long counted = rule.map(x -> shop.context().rules().count(x, TestShop.TODAY)).orElse(0L);
                assertEquals(expected, counted, "cell " + r + "," + fScore + " " + rule);
            }
        }

        // the fast path over the kept statistics and the general path over summed purchases agree
        RfmResult summed = shop.context().database().read(connection -> RfmService.compute(connection,
                org.memberdesk.tags.MemberFacts.computed(connection, TestShop.TODAY, "check")));
        assertEquals(rfm.members(), summed.members());
        assertEquals(rfm.segments(), summed.segments());
        assertEquals(rfm.recentBelow(), summed.recentBelow());
        for (int r = 0; r < 5; r++) {
            assertArrayEquals(rfm.grid()[r], summed.grid()[r]);
        }

        // as of 2026-05-20 (purchases after it do not count; E had not joined; C had not bought):
        // A 05-01 → 19 days, 2, 30000; B 05-15 → 5, 3, 55000; F 2025-08-01 → 292, 2, 150000.
        // R mean 316/3 = 105.3 → high when < 106: A, B. F mean 7/3 → high when > 2: B. M mean 235000/3 = 78333.3
        // → high when > 78333: F. A ↑↓↓ general_develop, B ↑↑↓ general_value, F ↓↓↑ important_retain.
        RfmResult earlier = shop.context().rfm().compute(LocalDate.of(2026, 5, 20));
        assertEquals(3, earlier.members());
        assertSegment(earlier, RfmSegment.GENERAL_DEVELOP, 1, 30000);
        assertSegment(earlier, RfmSegment.GENERAL_VALUE, 1, 55000);
        assertSegment(earlier, RfmSegment.IMPORTANT_RETAIN, 1, 150000);
    }

    @Test
    void aSingleMemberIsAtTheMeanEverywhereAndScoresOne() {
        // one member: nothing is below or above its own mean → general_retain; nobody is worse → scores 1
        TestShop shop = new TestShop(folder);
        long a = shop.member("M001", null, null, "2026-01-10", null, null);
        shop.member("M002", null, null, "2026-01-10", null, null);
        shop.purchase(a, "2026-06-01", "苹果", 10000);
        RfmResult rfm = shop.context().rfm().compute(TestShop.TODAY);
        assertEquals(1, rfm.members());
        assertSegment(rfm, RfmSegment.GENERAL_RETAIN, 1, 10000);
        assertEquals(1, rfm.grid()[0][0]);
    }

    @Test
    void tiesShareAScore() {
        // three members with identical R, F, M: nobody strictly worse → all score 1; all at the mean → general_retain
        TestShop shop = new TestShop(folder);
        for (int i = 1; i <= 3; i++) {
            long id = shop.member("M00" + i, null, null, "2026-01-10", null, null);
            shop.purchase(id, "2026-06-01", "苹果", 10000);
        }
        RfmResult rfm = shop.context().rfm().compute(TestShop.TODAY);
        assertEquals(3, rfm.grid()[0][0]);
        assertSegment(rfm, RfmSegment.GENERAL_RETAIN, 3, 30000);
    }

    @Test
    void membersWithoutPurchasesGiveAnEmptyResult() {
        TestShop shop = new TestShop(folder);
        shop.member("M001", null, null, "2026-01-10", null, null);
        RfmResult rfm = shop.context().rfm().compute(TestShop.TODAY);
        assertEquals(0, rfm.members());
        for (RfmSegment segment : RfmSegment.values()) {
            assertSegment(rfm, segment, 0, 0);
        }
        assertTrue(rfm.cellRule(1, 1).isEmpty());
    }

    @Test
    void scoreFormulaWithTies() {
        // values 10, 20, 20, 30, 40 (higher better): worse counts 0, 1, 1, 3, 4 of 5
        // → scores 1 + ⌊5·0/5⌋ = 1, 1 + ⌊5·1/5⌋ = 2 (both 20s), 1 + ⌊15/5⌋ = 4, 1 + ⌊20/5⌋ = 5
        TreeMap<Long, Long> histogram = new TreeMap<>();
        histogram.put(10L, 1L);
        histogram.put(20L, 2L);
        histogram.put(30L, 1L);
        histogram.put(40L, 1L);
        var scores = RfmService.scores(histogram, 5, false);
        assertEquals(1, scores.get(10L));
        assertEquals(2, scores.get(20L));
        assertEquals(4, scores.get(30L));
        assertEquals(5, scores.get(40L));
        // lower is better (days): 40 has nobody worse → 1; 10 has four worse → 5
        var days = RfmService.scores(histogram, 5, true);
        assertEquals(1, days.get(40L));
        assertEquals(2, days.get(30L));
        assertEquals(3, days.get(20L));
        assertEquals(5, days.get(10L));
    }

    private static void assertSegment(RfmResult rfm, RfmSegment segment, long members, long cents) {
        assertEquals(members, rfm.segments().get(segment).members(), segment.key() + " members");
        assertEquals(cents, rfm.segments().get(segment).netCents(), segment.key() + " spend");
    }
}
