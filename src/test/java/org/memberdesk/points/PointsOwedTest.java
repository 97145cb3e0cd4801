package org.memberdesk.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.members.Member;

/**
 * Issue 15, item 2, points owed: a return takes back what its part earned even when the points are spent, the
 * balance goes below zero, and later earning repays it first. Every number worked out by hand; the rules are
 * one point a yuan, no bonuses (Growth.plainRules).
 */
@BothEngines
class PointsOwedTest {
    @TempDir
    Path folder;

    private static String remainingOf(String purchaseNo) {
        return "SELECT remaining FROM points_ledger WHERE kind = 'earn' AND purchase_id = "
                + "(SELECT id FROM purchases WHERE purchase_no = '" + purchaseNo + "')";
    }

    @Test
    void finding2_aReturnAfterThePointsWereSpentLeavesTheBalanceNegativeAndRecordsWhatIsOwed() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(null);
        Member m = g.member("M1", null);
        g.sale(m, "S1", LocalDateTime.of(2026, 2, 1, 10, 0), "成人门票", 12_000);   // ¥120 → 120 points
        g.clock.set(LocalDateTime.of(2026, 2, 2, 10, 0));
        assertEquals(20, g.app.points().redeemPoints(m.id(), 100, "雨伞", "小王"));  // 120 − 100 = 20
        // the whole sale comes back: all 120 are taken back, 20 from S1's batch, the other 100 are owed
        g.refund(m, "R1", LocalDateTime.of(2026, 2, 3, 10, 0), "S1", 12_000);
        assertEquals(-100, g.balance(m));                                          // 20 − 120
        assertEquals(-120, g.sql("SELECT points FROM points_ledger WHERE kind = 'reverse'"));
        assertEquals(1, g.sql("SELECT count(*) FROM points_ledger WHERE kind = 'reverse' AND reason = 'owed:100'"));
        assertEquals(0, g.sql(remainingOf("S1")));
        assertEquals(-100, g.sql("SELECT points FROM members WHERE id = ?", m.id()));
        // the ledger adds up: 120 − 100 − 120 = −100 = the balance; nothing left in batches; 100 owed by the return
        assertEquals(new LedgerCheck(1, 0, List.of(), 1, 100), g.app.points().checkLedger());
    }

    @Test
    void finding2_laterEarningRepaysWhatIsOwedBeforeAnythingElse() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(12);
        Member m = g.member("M1", null);
        g.sale(m, "S1", LocalDateTime.of(2026, 2, 1, 10, 0), "成人门票", 3_000);    // 30 points
        g.clock.set(LocalDateTime.of(2026, 2, 2, 10, 0));
        assertEquals(0, g.app.points().redeemPoints(m.id(), 30, "雨伞", "小王"));    // all spent
        g.refund(m, "R1", LocalDateTime.of(2026, 2, 3, 10, 0), "S1", 3_000);       // 30 back, none in batches
        assertEquals(-30, g.balance(m));                                            // owes 30

        // earns 50: 30 of them repay the debt, the batch keeps 50 − 30 = 20
        g.sale(m, "S2", LocalDateTime.of(2026, 2, 10, 10, 0), "成人门票", 5_000);
        assertEquals(20, g.balance(m));                                             // −30 + 50
        assertEquals(50, g.sql("SELECT points FROM points_ledger WHERE kind = 'earn' AND purchase_id = "
                + "(SELECT id FROM purchases WHERE purchase_no = 'S2')"));          // the entry shows all it earned
        assertEquals(20, g.sql(remainingOf("S2")));
        // a debt paid off, the next earning is whole
        g.sale(m, "S3", LocalDateTime.of(2026, 2, 11, 10, 0), "成人门票", 1_000);   // 10 points
        assertEquals(10, g.sql(remainingOf("S3")));
        assertEquals(30, g.balance(m));                                             // 20 + 10
        g.clock.set(LocalDateTime.of(2026, 2, 12, 10, 0));
        assertEquals(0, g.app.points().redeemPoints(m.id(), 30, "保温杯", "小王"));  // every point can be spent
        assertEquals(new LedgerCheck(1, 0, List.of()), g.app.points().checkLedger());
    }

    @Test
    void finding2_aPositiveAdjustmentRepaysFirstToo() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(null);
        Member m = g.member("M1", null);
        g.sale(m, "S1", LocalDateTime.of(2026, 2, 1, 10, 0), "成人门票", 3_000);    // 30
        g.clock.set(LocalDateTime.of(2026, 2, 2, 10, 0));
        g.app.points().redeemPoints(m.id(), 30, "雨伞", "小王");                     // 0
        g.refund(m, "R1", LocalDateTime.of(2026, 2, 3, 10, 0), "S1", 3_000);       // −30
        g.clock.set(LocalDateTime.of(2026, 2, 4, 10, 0));
        // +10 by hand: still owes 30 − 10 = 20, the batch keeps max(0, 10 − 30) = 0
        assertEquals(-20, g.app.points().adjust(m.id(), 10, "补录纸质卡积分", "店长"));
        assertEquals(0, g.sql("SELECT remaining FROM points_ledger WHERE kind = 'adjust'"));
        // then ¥50: 50 − 20 = 30 left to spend
        g.sale(m, "S2", LocalDateTime.of(2026, 2, 5, 10, 0), "成人门票", 5_000);
        assertEquals(30, g.balance(m));
        assertEquals(30, g.sql(remainingOf("S2")));
        assertEquals(0, g.app.points().checkLedger().bad());
    }

    @Test
    void finding2_aReturnAfterItsPointsExpiredTakesFromOtherBatchesAndOwesTheRest() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(1);
        Member m = g.member("M1", null);
        // ¥100 on 01-10: 100 points, expire on 02-10; ¥40 on 02-01: 40 points, expire on 03-01
        g.sale(m, "S1", LocalDateTime.of(2026, 1, 10, 10, 0), "成人门票", 10_000);
        g.sale(m, "S2", LocalDateTime.of(2026, 2, 1, 10, 0), "成人门票", 4_000);
        // S1 comes back on 02-15: first S1's 100 expire (due 02-10), balance 40; the return takes back 100:
        // S1's own batch has 0, S2's has 40 → 40 from batches, 100 − 40 = 60 owed
        g.refund(m, "R1", LocalDateTime.of(2026, 2, 15, 10, 0), "S1", 10_000);
        assertEquals(-60, g.balance(m));                                            // 100 + 40 − 100 − 100
        assertEquals(-100, g.sql("SELECT points FROM points_ledger WHERE kind = 'expire'"));
        assertEquals(1, g.sql("SELECT count(*) FROM points_ledger WHERE kind = 'reverse' AND points = -100"
                + " AND reason = 'owed:60'"));
        assertEquals(0, g.sql(remainingOf("S2")));
        // S2's day comes: it has nothing left, so expiry takes nothing and the debt stays as it is
        assertEquals(new PointsService.Change(0, 0), g.app.points().expire(LocalDate.of(2026, 3, 1)));
        assertEquals(-60, g.balance(m));
        assertEquals(new LedgerCheck(1, 0, List.of(), 1, 60), g.app.points().checkLedger());
    }

    @Test
    void finding2_aPartialReturnTakesFromItsSalesOwnBatchFirstThenTheOldestThenOwes() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(null);
        Member m = g.member("M1", null);
        g.sale(m, "S1", LocalDateTime.of(2026, 1, 5, 10, 0), "成人门票", 10_000);   // 100
        g.sale(m, "S2", LocalDateTime.of(2026, 2, 5, 10, 0), "成人门票", 20_000);   // 200
        g.sale(m, "S3", LocalDateTime.of(2026, 3, 5, 10, 0), "成人门票", 5_000);    // 50
        // ¥20 of S2 back: ⌊200 × 20 / 200⌋ = 20, from S2's own batch, not from the older S1
        g.refund(m, "R1", LocalDateTime.of(2026, 3, 6, 10, 0), "S2", 2_000);
        assertEquals(100, g.sql(remainingOf("S1")));
        assertEquals(180, g.sql(remainingOf("S2")));
        assertEquals(330, g.balance(m));                                             // 350 − 20
        // redeem 250, oldest first: S1 100 → 0, S2 180 − 150 → 30, S3 50 untouched
        g.clock.set(LocalDateTime.of(2026, 3, 7, 10, 0));
        assertEquals(80, g.app.points().redeemPoints(m.id(), 250, "自行车", "小王"));
        // ¥160 more of S2 back: ⌊200 × 180 / 200⌋ − 20 = 160; S2's own 30 first, then the oldest with points
        // left (S1 has none, S3 50): 80 from batches, 160 − 80 = 80 owed
        g.refund(m, "R2", LocalDateTime.of(2026, 3, 8, 10, 0), "S2", 16_000);
        assertEquals(0, g.sql(remainingOf("S2")));
        assertEquals(0, g.sql(remainingOf("S3")));
        assertEquals(-80, g.balance(m));                                             // 80 − 160
        assertEquals(1, g.sql("SELECT count(*) FROM points_ledger WHERE points = -160 AND reason = 'owed:80'"));
        // the last ¥20 of S2: 200 − 180 = 20 more, nothing in batches, all owed
        g.refund(m, "R3", LocalDateTime.of(2026, 3, 9, 10, 0), "S2", 2_000);
        assertEquals(-100, g.balance(m));
        assertEquals(1, g.sql("SELECT count(*) FROM points_ledger WHERE points = -20 AND reason = 'owed:20'"));
        // 350 − 20 − 250 − 160 − 20 = −100; the returns recorded 80 + 20 = 100 owed
        assertEquals(new LedgerCheck(1, 0, List.of(), 1, 100), g.app.points().checkLedger());
    }

    @Test
    void finding2_checkLedgerFindsNothingOnOwedBalancesButFindsANegativeBalanceNoReturnExplains() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(null);
        Member owes = g.member("M1", null);
        Member handWritten = g.member("M2", null);
        Member tooDeep = g.member("M3", null);
        for (Member m : List.of(owes, tooDeep)) {
            String no = m.memberNo();
            g.sale(m, "S-" + no, LocalDateTime.of(2026, 2, 1, 10, 0), "成人门票", 3_000);     // 30
            g.clock.set(LocalDateTime.of(2026, 2, 2, 10, 0));
            g.app.points().redeemPoints(m.id(), 30, "雨伞", "小王");                             // 0
            g.refund(m, "R-" + no, LocalDateTime.of(2026, 2, 3, 10, 0), "S-" + no, 3_000);   // −30, owed:30
        }
        assertEquals(new LedgerCheck(3, 0, List.of(), 2, 60), g.app.points().checkLedger());

        // M2: a −50 entry written by hand with the cache kept in step — the sums agree, but no return owes it. Its id
        // as the app numbers entries on either engine (one past the highest; PostgreSQL's identity is not used)
        g.exec("""
                INSERT INTO points_ledger (id, member_id, time, kind, points, reason, operator)
                VALUES ((SELECT max(id) + 1 FROM points_ledger), ?, '2026-02-04 10:00:00', 'adjust', -50,
                        '手工', '店长')""",
                handWritten.id());
        g.exec("UPDATE members SET points = -50 WHERE id = ?", handWritten.id());
        // M3: 10 more taken by hand than its return recorded: −40 against owed:30
        g.exec("""
                INSERT INTO points_ledger (id, member_id, time, kind, points, reason, operator)
                VALUES ((SELECT max(id) + 1 FROM points_ledger), ?, '2026-02-04 10:00:00', 'adjust', -10,
                        '手工', '店长')""",
                tooDeep.id());
        g.exec("UPDATE members SET points = -40 WHERE id = ?", tooDeep.id());
        assertEquals(new LedgerCheck(3, 2, List.of("M2", "M3"), 1, 30), g.app.points().checkLedger());

        // a reason that only looks like a return's does not explain a debt either
        g.exec("UPDATE points_ledger SET reason = 'owed:50' WHERE member_id = ? AND kind = 'adjust'",
                handWritten.id());
        assertEquals(2, g.app.points().checkLedger().bad());
    }

    @Test
    void finding2_whileOwingNothingCanBeRedeemedOrTakenAway() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(null);
        Member m = g.member("M1", null);
        g.app.points().saveReward(new Reward(0, "纪念徽章", Reward.Kind.GIFT, 10, 0, true));
        g.sale(m, "S1", LocalDateTime.of(2026, 2, 1, 10, 0), "成人门票", 12_000);   // 120
        g.clock.set(LocalDateTime.of(2026, 2, 2, 10, 0));
        g.app.points().redeemPoints(m.id(), 100, "雨伞", "小王");                    // 20
        g.refund(m, "R1", LocalDateTime.of(2026, 2, 3, 10, 0), "S1", 12_000);      // 20 − 120 = −100
        long entries = g.sql("SELECT count(*) FROM points_ledger");

        g.clock.set(LocalDateTime.of(2026, 2, 4, 10, 0));
        ValidationException points = assertThrows(ValidationException.class,
                () -> g.app.points().redeemPoints(m.id(), 1, "贴纸", "小王"));
        assertEquals("points.redeem.owed", points.problems().get(0).key());
        assertEquals("该会员欠 100 积分（退货收回了已经用掉的积分），先消费抵扣：之后消费得到的积分会先补上这 100 积分，补齐之前不能兑换。",
                points.problems().get(0).describe(Messages.chinese()));
        ValidationException reward = assertThrows(ValidationException.class,
                () -> g.app.points().redeem(m.id(), "纪念徽章", "小王"));
        assertEquals("points.redeem.owed", reward.problems().get(0).key());
        // a hand adjustment cannot make the debt deeper: only a return may
        ValidationException taken = assertThrows(ValidationException.class,
                () -> g.app.points().adjust(m.id(), -1, "误操作", "店长"));
        assertEquals("points.adjust.owed", taken.problems().get(0).key());
        assertEquals("Cannot take points away: the member already owes 100 points from a return. Nothing was"
                + " changed. Points earned or added later make up what is owed first.",
                taken.problems().get(0).describe(Messages.english()));
        assertEquals(entries, g.sql("SELECT count(*) FROM points_ledger"));
        assertEquals(-100, g.balance(m));
    }

    /** The import's in-memory ledger (LedgerBatch) follows the same rule as the counter's. */
    @Test
    void finding2_anImportedReturnAndLaterSaleOweAndRepayLikeTheCounter() throws Exception {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 1, 1, 9, 0));
        g.plainRules(null);
        Member typed = g.member("T1", null);
        Member imported = g.member("I1", null);

        g.sale(typed, "T-1", LocalDateTime.of(2026, 2, 1, 10, 0), "成人门票", 12_000);
        importPurchases(g, "a.csv", "I-1,I1,2026-02-01 10:00:00,成人门票,1,120.00,");
        // both: 120 points, 100 redeemed → 20
        g.clock.set(LocalDateTime.of(2026, 2, 2, 10, 0));
        g.app.points().redeemPoints(typed.id(), 100, "雨伞", "小王");
        g.app.points().redeemPoints(imported.id(), 100, "雨伞", "小王");

        g.refund(typed, "T-R", LocalDateTime.of(2026, 2, 3, 10, 0), "T-1", 12_000);
        g.sale(typed, "T-2", LocalDateTime.of(2026, 2, 4, 10, 0), "成人门票", 5_000);
        importPurchases(g, "b.csv", """
                I-R,I1,2026-02-03 10:00:00,成人门票,1,-120.00,I-1
                I-2,I1,2026-02-04 10:00:00,成人门票,1,50.00,""");
        // the return: 20 − 120 = −100 (owed:100); the ¥50 sale: −100 + 50 = −50, its batch keeps max(0, 50 − 100) = 0
        for (Member m : List.of(typed, imported)) {
            assertEquals(-50, g.balance(m));
            assertEquals(1, g.sql("SELECT count(*) FROM points_ledger WHERE member_id = ? AND reason = 'owed:100'",
                    m.id()));
            assertEquals(0, g.sql("SELECT coalesce(sum(remaining), 0) FROM points_ledger WHERE member_id = ?",
                    m.id()));
        }
        assertEquals(g.app.points().entries(typed.id(), 10).stream().map(e -> e.points() + "/" + e.remaining())
                        .toList(),
                g.app.points().entries(imported.id(), 10).stream().map(e -> e.points() + "/" + e.remaining())
                        .toList());
        assertEquals(new LedgerCheck(2, 0, List.of(), 2, 100), g.app.points().checkLedger());
    }

    private void importPurchases(Growth g, String name, String rows) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, "purchase_no,member_no,time,item,quantity,amount,refund_of\n" + rows + "\n");
        g.app.purchaseImporter().importFile(file, ImportOptions.defaults().withReturns(true), Progress.NONE,
                Messages.english());
    }
}
