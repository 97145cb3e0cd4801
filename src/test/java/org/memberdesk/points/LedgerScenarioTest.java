package org.memberdesk.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;

/** A member's year on the ledger, every number worked out by hand. */
@BothEngines
class LedgerScenarioTest {
    @TempDir
    Path folder;

    @Test
    void earnInJanuaryAndMarchRedeemInMayReturnInJune() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(12);
        Member m = g.member("M1", null);

        // January: ¥300 → 300 points, a batch that expires on 2027-01-10
        g.sale(m, "S1", LocalDateTime.of(2026, 1, 10, 10, 0), "成人门票", 30_000);
        // March: ¥200 → 200 points, expires 2027-03-05
        g.sale(m, "S2", LocalDateTime.of(2026, 3, 5, 11, 0), "餐饮", 20_000);
        assertEquals(500, g.balance(m));

        // May: redeem 250, oldest first: 250 of January's 300 → January 50 left, March 200 left
        g.clock.set(LocalDateTime.of(2026, 5, 20, 15, 0));
        assertEquals(250, g.app.points().redeemPoints(m.id(), 250, "保温杯", "小王"));
        assertEquals(50, g.sql("SELECT remaining FROM points_ledger WHERE purchase_id = "
                + "(SELECT id FROM purchases WHERE purchase_no = 'S1')"));
        assertEquals(200, g.sql("SELECT remaining FROM points_ledger WHERE purchase_id = "
                + "(SELECT id FROM purchases WHERE purchase_no = 'S2')"));

        // June: ¥100 of March's ¥200 comes back: ⌊200 × 100 / 200⌋ = 100 points, taken from March's own batch
        g.refund(m, "R1", LocalDateTime.of(2026, 6, 2, 12, 0), "S2", 10_000);
        assertEquals(150, g.balance(m));                     // 500 − 250 − 100
        assertEquals(100, g.sql("SELECT remaining FROM points_ledger WHERE purchase_id = "
                + "(SELECT id FROM purchases WHERE purchase_no = 'S2')"));
        assertEquals(50, g.sql("SELECT remaining FROM points_ledger WHERE purchase_id = "
                + "(SELECT id FROM purchases WHERE purchase_no = 'S1')"));

        // the rest of March's sale comes back too: ⌊200 × 200/200⌋ − ⌊200 × 100/200⌋ = 200 − 100 = 100 more
        g.refund(m, "R2", LocalDateTime.of(2026, 6, 20, 12, 0), "S2", 10_000);
        assertEquals(50, g.balance(m));
        assertEquals(-200, g.sql("SELECT sum(points) FROM points_ledger WHERE kind = 'reverse'"));

        // January's last 50 expire on 2027-01-10, not a day before, and only once
        assertEquals(new PointsService.Change(0, 0), g.app.points().expire(LocalDate.of(2027, 1, 9)));
        assertEquals(new PointsService.Change(1, 50), g.app.points().expire(LocalDate.of(2027, 1, 10)));
        assertEquals(new PointsService.Change(0, 0), g.app.points().expire(LocalDate.of(2027, 1, 10)));
        assertEquals(0, g.balance(m));

        List<PointsEntry> entries = g.app.points().entries(m.id(), 10);
        assertEquals(List.of(PointsEntry.Kind.EXPIRE, PointsEntry.Kind.REVERSE, PointsEntry.Kind.REVERSE,
                PointsEntry.Kind.REDEEM, PointsEntry.Kind.EARN, PointsEntry.Kind.EARN),
                entries.stream().map(PointsEntry::kind).toList());
        assertEquals(LocalDateTime.of(2027, 1, 10, 0, 0), entries.get(0).time());
        assertEquals(new LedgerCheck(1, 0, List.of()), g.app.points().checkLedger());
    }

    @Test
    void aReturnNamingNoSaleTakesBackWhatItsLinesWouldEarn() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(null);
        Member m = g.member("M1", null);
        g.sale(m, "S1", LocalDateTime.of(2026, 2, 1, 10, 0), "成人门票", 50_000);   // 500 points
        g.refund(m, "R1", LocalDateTime.of(2026, 2, 3, 10, 0), null, 12_345);      // ⌊123.45⌋ = 123 back
        assertEquals(377, g.balance(m));
    }

    @Test
    void expiryAtTheEdgesOfTheWindow() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(1);
        Member m = g.member("M1", null);
        // earned 2026-01-31 23:59 with 1 month: usable through 2026-02-27, gone on 2026-02-28 (month end clamps)
        g.sale(m, "S1", LocalDateTime.of(2026, 1, 31, 23, 59), "成人门票", 10_000);
        // earned 2026-02-28 00:00: gone on 2026-03-28
        g.sale(m, "S2", LocalDateTime.of(2026, 2, 28, 0, 0), "成人门票", 5_000);
        assertEquals(150, g.balance(m));
        // on 2026-02-20 the next 30 days reach 2026-03-22: the January batch (02-28) is in, February's (03-28) not
        g.clock.set(LocalDateTime.of(2026, 2, 20, 9, 0));
        assertEquals(100, g.app.points().summary(m.id()).expiringIn30Days());
        // on the last usable day nothing has expired yet
        assertEquals(0, g.app.points().expire(LocalDate.of(2026, 2, 27)).entries());
        // on the expiry day it is gone before any redemption: 150 − 100 = 50 left, so 60 is refused
        g.clock.set(LocalDateTime.of(2026, 2, 28, 8, 0));
        ValidationException refused = assertThrows(ValidationException.class,
                () -> g.app.points().redeemPoints(m.id(), 60, "毛巾", "小王"));
        assertEquals("points.redeem.notEnough", refused.problems().get(0).key());
        assertEquals(150, g.balance(m)); // refused: even the expiry it ran was rolled back with it
        assertEquals(new PointsService.Change(1, 100), g.app.points().expire(LocalDate.of(2026, 2, 28)));
        assertEquals(new PointsService.Change(0, 0), g.app.points().expire(LocalDate.of(2026, 3, 27)));
        assertEquals(new PointsService.Change(1, 50), g.app.points().expire(LocalDate.of(2026, 3, 28)));
        assertEquals(0, g.balance(m));
    }

    @Test
    void pointsThatNeverExpireStay() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(null);
        Member m = g.member("M1", null);
        g.sale(m, "S1", LocalDateTime.of(2026, 1, 5, 10, 0), "成人门票", 10_000);
        assertEquals(0, g.app.points().expire(LocalDate.of(2099, 12, 31)).entries());
        assertEquals(100, g.balance(m));
    }

    @Test
    void adjustmentsNeedAReasonAndWhoAndNeverGoBelowZero() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        g.plainRules(12);
        Member m = g.member("M1", null);
        ValidationException missing = assertThrows(ValidationException.class,
                () -> g.app.points().adjust(m.id(), 50, " ", ""));
        assertEquals(List.of("reason", "operator"), missing.problems().stream().map(p -> p.field()).toList());
        assertEquals(80, g.app.points().adjust(m.id(), 80, "补录纸质卡积分", "店长"));
        ValidationException below = assertThrows(ValidationException.class,
                () -> g.app.points().adjust(m.id(), -81, "误操作", "店长"));
        assertEquals("points.adjust.belowZero", below.problems().get(0).key());
        assertEquals(30, g.app.points().adjust(m.id(), -50, "误操作", "店长"));
        // an added batch expires like earned points: 2026-03-01 + 12 months
        assertEquals(1, g.sql("SELECT count(*) FROM points_ledger WHERE kind = 'adjust' AND expires_on = '2027-03-01'"));
        assertEquals(1, g.sql("SELECT count(*) FROM points_ledger WHERE kind = 'adjust' AND operator = '店长'"
                + " AND reason = '误操作' AND points = -50"));
    }

    /**
     * Found by a hostile try after issue 14: adjust-points 9,223,372,036,854,775,000 twice left a balance of
     * Long.MAX_VALUE that the ledger no longer explained (check-ledger: 1 bad). Adjustments are bounded.
     */
    @Test
    void finding7_hugeAdjustmentsAreRefusedAndTheBalanceNeverWraps() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        g.plainRules(12);
        Member m = g.member("M1", null);
        for (long huge : new long[] {9_223_372_036_854_775_000L, Long.MIN_VALUE, 100_000_001L, -100_000_001L}) {
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> g.app.points().adjust(m.id(), huge, "测试", "店长"));
            assertEquals("points.adjust.tooMany", refused.problems().get(0).key());
        }
        // 10,000 adjustments of the most one may add would pass a trillion: the 10,001st is refused
        // (10,000 × 100,000,000 = 1,000,000,000,000 = the most held); here the balance is set close to it directly
        assertEquals(100_000_000L, g.app.points().adjust(m.id(), 100_000_000L, "测试", "店长"));
        g.exec("UPDATE points_ledger SET points = ?, remaining = ? WHERE member_id = ?", 999_950_000_000L,
                999_950_000_000L, m.id());
        g.exec("UPDATE members SET points = ? WHERE id = ?", 999_950_000_000L, m.id());
        ValidationException full = assertThrows(ValidationException.class,
                () -> g.app.points().adjust(m.id(), 50_000_001L, "测试", "店长"));
        assertEquals("points.adjust.tooManyHeld", full.problems().get(0).key());
        // 999,950,000,000 + 50,000,000 = 1,000,000,000,000: exactly the most, allowed
        assertEquals(1_000_000_000_000L, g.app.points().adjust(m.id(), 50_000_000L, "测试", "店长"));
        assertEquals(0, g.app.points().checkLedger().bad());
    }

    @Test
    void rewardsRedeemByNameAndTooFewPointsChangesNothing() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        g.plainRules(null);
        Member m = g.member("M1", null);
        g.app.points().saveReward(new Reward(0, "纪念徽章", Reward.Kind.GIFT, 100, 0, true));
        g.app.points().saveReward(new Reward(0, "10元抵用", Reward.Kind.CASH, 500, 1_000, true));
        g.sale(m, "S1", LocalDateTime.of(2026, 3, 1, 10, 0), "成人门票", 12_000);  // 120
        assertEquals(20, g.app.points().redeem(m.id(), "纪念徽章", "小王"));
        long entries = g.sql("SELECT count(*) FROM points_ledger");
        ValidationException refused = assertThrows(ValidationException.class,
                () -> g.app.points().redeem(m.id(), "10元抵用", "小王"));
        assertEquals("Not enough points: this needs 500 but the member has 20",
                refused.problems().get(0).describe(org.memberdesk.common.Messages.english()));
        assertEquals(entries, g.sql("SELECT count(*) FROM points_ledger"));
        assertEquals(20, g.balance(m));
        assertTrue(g.app.points().entries(m.id(), 5).stream().anyMatch(e -> "纪念徽章".equals(e.rewardName())));
    }

    @Test
    void checkLedgerFindsATamperedCache() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        g.plainRules(null);
        Member a = g.member("M1", null);
        Member b = g.member("M2", null);
        g.sale(a, "S1", LocalDateTime.of(2026, 3, 1, 10, 0), "成人门票", 12_000);
        assertEquals(new LedgerCheck(2, 0, List.of()), g.app.points().checkLedger());
        g.exec("UPDATE members SET points = points + 1 WHERE id = ?", b.id());
        assertEquals(new LedgerCheck(2, 1, List.of("M2")), g.app.points().checkLedger());
        g.exec("UPDATE members SET points = points - 1 WHERE id = ?", b.id());
        // a batch whose remaining no longer matches the entries is caught too
        g.exec("UPDATE points_ledger SET remaining = remaining - 1 WHERE member_id = ?", a.id());
        assertEquals(new LedgerCheck(2, 1, List.of("M1")), g.app.points().checkLedger());
    }

    @Test
    void signUpAndFirstPurchaseBonuses() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        g.app.points().saveRules(new PointsRules(1, 1, 100, 100, 50, 12, java.util.Map.of(), java.util.Map.of()));
        Member m = g.member("M1", null);
        assertEquals(100, g.balance(m));                                          // sign-up
        g.sale(m, "S1", LocalDateTime.of(2026, 3, 2, 10, 0), "成人门票", 12_000);   // 120 + 50 first purchase
        g.sale(m, "S2", LocalDateTime.of(2026, 3, 3, 10, 0), "成人门票", 12_000);   // 120, no bonus again
        assertEquals(390, g.balance(m));
        // the sign-up batch is dated on the join day (2025-01-01) and expires 12 months later
        assertEquals(1, g.sql("SELECT count(*) FROM points_ledger WHERE reason = 'signup' AND expires_on = '2026-01-01'"));
    }
}
