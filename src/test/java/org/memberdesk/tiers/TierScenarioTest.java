package org.memberdesk.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import org.memberdesk.points.Growth;
import org.memberdesk.points.PointsRules;

/** Upgrades at the counter, downgrades at reviews; the default ladder is 普通 0 / 银卡 ¥1,000 / 金卡 ¥3,000 / 黑金 ¥10,000. */
@BothEngines
class TierScenarioTest {
    @TempDir
    Path folder;

    @Test
    void upgradeOnTheExactThresholdInTheSameTransactionAsThePurchase() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 4, 1, 9, 0));
        g.plainRules(null);
        Member m = g.member("M1", null);
        // ¥2,999.99 passes 银卡 (¥1,000) but not 金卡 (¥3,000): straight from 普通 to 银卡
        g.sale(m, "S1", LocalDateTime.of(2026, 4, 1, 10, 0), "年卡", 299_999);
        assertEquals("银卡", g.tier(m));
        // one more cent: 299,999 + 1 = 300,000 = the 金卡 threshold exactly, which qualifies
        g.sale(m, "S2", LocalDateTime.of(2026, 4, 1, 11, 0), "停车", 1);
        assertEquals("金卡", g.tier(m));
        List<TierChange> history = g.app.tiers().history(m.id(), 10);
        assertEquals(2, history.size());
        TierChange latest = history.get(0);
        assertEquals("银卡", latest.fromTier());
        assertEquals("金卡", latest.toTier());
        assertEquals("purchase", latest.reason());
        assertEquals(300_000, latest.measured());
        assertEquals("S2", latest.purchaseNo());
        assertEquals("普通", history.get(1).fromTier());
        // what is still needed: ¥10,000 − ¥3,000 = ¥7,000 for 黑金
        TierProgress progress = g.app.tiers().progress(m.id());
        assertEquals(700_000, progress.needed());
        assertEquals("再消费 ¥7,000 升级黑金", TierService.nextStep(progress, Messages.chinese()));
    }

    @Test
    void aBirthdayPurchaseUnderATierMultiplier() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 4, 1, 9, 0));
        g.app.points().saveRules(new PointsRules(1, 1, 200, 0, 0, null, Map.of(), Map.of()));
        Member m = g.member("M1", LocalDate.of(1990, 5, 18));
        // April, not the birthday month, still 普通 (100%) when paying: ¥3,000.00 → 3,000 points, then 金卡
        g.sale(m, "S1", LocalDateTime.of(2026, 4, 20, 10, 0), "年卡", 300_000);
        assertEquals(3_000, g.balance(m));
        assertEquals("金卡", g.tier(m));
        // May, the birthday month, as 金卡 (125%): 33333 × 100 × 125 × 200 / 10^8 = 833.325 → 833
        g.sale(m, "S2", LocalDateTime.of(2026, 5, 3, 10, 0), "餐饮", 33_333);
        assertEquals(3_833, g.balance(m));
    }

    @Test
    void downgradeIsBlockedInsideTheProtectionPeriod() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(null);
        Ladder ladder = g.app.tiers().ladder();
        // a 3-month window with 6 months' protection, so the spend leaves the window before protection ends
        g.app.tiers().saveLadder(new Ladder(new TierProgram(TierProgram.Basis.SPEND, 3, 6), ladder.tiers()));
        Member m = g.member("M1", null);
        g.sale(m, "S1", LocalDateTime.of(2026, 1, 10, 10, 0), "年卡", 100_000);   // exactly ¥1,000 → 银卡
        assertEquals("银卡", g.tier(m));

        // 2026-05-01: window (2026-02-01 23:59:59, 2026-05-01 23:59:59] holds ¥0 → 普通, but protected until 07-10
        ReviewResult may = g.app.tiers().review(LocalDate.of(2026, 5, 1));
        assertEquals(0, may.downgraded());
        assertEquals(1, may.blockedByProtection());
        assertEquals(Map.of("普通", 0L, "银卡", 1L, "金卡", 0L, "黑金", 0L), may.tiers());
        assertEquals(0, g.app.tiers().review(LocalDate.of(2026, 7, 9)).downgraded());   // last protected day
        assertEquals("银卡", g.tier(m));

        ReviewResult july = g.app.tiers().review(LocalDate.of(2026, 7, 10));            // 01-10 + 6 months
        assertEquals(1, july.downgraded());
        assertEquals("普通", g.tier(m));
        TierChange down = g.app.tiers().history(m.id(), 1).get(0);
        assertEquals("review", down.reason());
        assertEquals(LocalDateTime.of(2026, 7, 10, 0, 0), down.time());
        // reviewing the same day again changes nothing
        assertEquals(new ReviewResult(0, 0, 0, july.tiers()), g.app.tiers().review(LocalDate.of(2026, 7, 10)));
    }

    @Test
    void aReviewUpgradesAfterTheLadderIsLowered() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        g.plainRules(null);
        Member m = g.member("M1", null);
        g.sale(m, "S1", LocalDateTime.of(2026, 3, 1, 10, 0), "年卡", 80_000);       // ¥800 < ¥1,000
        assertNull(g.tier(m));
        Ladder ladder = g.app.tiers().ladder();
        List<Tier> lowered = new java.util.ArrayList<>(ladder.tiers());
        lowered.set(1, new Tier(1, "银卡", 50_000, 110, 2, "生日礼"));
        g.app.tiers().saveLadder(new Ladder(ladder.program(), lowered));
        ReviewResult result = g.app.tiers().review(LocalDate.of(2026, 3, 1));
        assertEquals(1, result.upgraded());
        assertEquals("银卡", g.tier(m));
    }

    @Test
    void renamingATierMovesItsMembersAndBadLaddersAreRefused() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        g.plainRules(null);
        Member m = g.member("M1", null);
        g.sale(m, "S1", LocalDateTime.of(2026, 3, 1, 10, 0), "年卡", 100_000);
        Ladder ladder = g.app.tiers().ladder();
        List<Tier> renamed = new java.util.ArrayList<>(ladder.tiers());
        renamed.set(1, new Tier(1, "银海", 100_000, 110, 2, null));
        g.app.tiers().saveLadder(new Ladder(ladder.program(), renamed));
        assertEquals("银海", g.tier(m));

        List<Tier> unordered = new java.util.ArrayList<>(renamed);
        unordered.set(2, new Tier(2, "金海", 100_000, 125, 5, null));                // not above 银海
        ValidationException refused = assertThrows(ValidationException.class,
                () -> g.app.tiers().saveLadder(new Ladder(ladder.program(), unordered)));
        assertEquals("tiers.threshold.order", refused.problems().get(0).key());
        assertEquals("银海", g.app.tiers().ladder().at(1).name());
    }

    @Test
    void theStartUpReviewRunsOncePerDay() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        g.member("M1", null);
        assertEquals(Map.of("普通", 1L, "银卡", 0L, "金卡", 0L, "黑金", 0L),
                g.app.tiers().reviewIfDue().orElseThrow().tiers());
        assertEquals(java.util.Optional.empty(), g.app.tiers().reviewIfDue());
        g.clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
        assertEquals(true, g.app.tiers().reviewIfDue().isPresent());
    }
}
