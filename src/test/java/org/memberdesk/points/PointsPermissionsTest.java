package org.memberdesk.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.members.Member;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.LogEntry;
import org.memberdesk.staff.LogFilter;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/** Issue 18: points adjusted within the manager's limit, redeemed at the counter, rules the owner's; all logged. */
@BothEngines
class PointsPermissionsTest {
    @TempDir
    Path folder;
    Growth g;
    Member m;
    Actor cashier;
    Actor manager;
    final Actor owner = Actor.commandLine("boss");

    @BeforeEach
    void open() {
        g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        g.plainRules(12);
        m = g.member("M1", null);
        cashier = new Actor(g.app.staff().add("小王", Role.CASHIER, "1234").id(), "小王", Role.CASHIER);
        manager = new Actor(g.app.staff().add("李姐", Role.MANAGER, "5678").id(), "李姐", Role.MANAGER);
        g.app.staff().saveSettings(15, 300); // the manager may adjust up to 300 points at a time
    }

    @Test
    void finding1_aManagerAdjustsWithinTheLimitLoggedWithBeforeAfterAndReasonAndIsRefusedAbove() {
        g.app.session().become(manager);
        // whatever name is typed, the signed-in manager is who did it
        assertEquals(300, g.app.points().adjust(m.id(), 300, "补录纸质卡积分", "someone"));
        NotAllowedException above = assertThrows(NotAllowedException.class,
                () -> g.app.points().adjust(m.id(), 301, "开业赠送", "李姐"));
        assertEquals("staff.refused.pointsLimit", above.textKey());
        assertThrows(NotAllowedException.class, () -> g.app.points().adjust(m.id(), -301, "误操作", "李姐"));
        assertEquals(300, g.balance(m), "the refused adjustments changed nothing");
        assertEquals(1, g.sql("SELECT count(*) FROM points_ledger WHERE kind = 'adjust' AND operator = '李姐'"));

        // the owner is not limited: 300 + 1000 = 1300
        g.app.session().become(owner);
        assertEquals(1_300, g.app.points().adjust(m.id(), 1_000, "年终回馈", "boss"));

        List<LogEntry> log = entries("points-adjust");
        assertEquals(2, log.size());
        LogEntry byManager = log.get(1);
        assertEquals("李姐", byManager.staffName());
        assertEquals(m.id(), byManager.memberId());
        assertEquals("M1", byManager.subject());
        assertEquals("+300 pt, balance 0 → 300", byManager.summary());
        assertEquals("补录纸质卡积分", byManager.reason());
        assertEquals("+1000 pt, balance 300 → 1300", log.get(0).summary());
        assertEquals("cli:boss", log.get(0).staffName());
    }

    @Test
    void finding1_aCashierMayNotAdjustButRedeemsLogged() {
        g.app.points().adjust(m.id(), 200, "开业赠送", "boss");
        g.app.session().become(cashier);
        assertThrows(NotAllowedException.class, () -> g.app.points().adjust(m.id(), 1, "补录", "小王"));
        assertEquals(150, g.app.points().redeemPoints(m.id(), 50, "雨伞", "anyone")); // 200 − 50 = 150
        assertEquals(1, g.sql("SELECT count(*) FROM points_ledger WHERE kind = 'redeem' AND operator = '小王'"));

        g.app.session().become(owner);
        LogEntry redeemed = entries("points-redeem").get(0);
        assertEquals("小王", redeemed.staffName());
        assertEquals("-50 pt, balance 200 → 150", redeemed.summary());
        assertEquals("雨伞", redeemed.reason());
        assertEquals(1, entries("points-adjust").size());
    }

    @Test
    void finding1_aCashierOrManagerMayNotChangeTheRulesTheOwnerIsLogged() {
        PointsRules doubled = new PointsRules(2, 1, 100, 0, 0, 12, Map.of(), Map.of());
        for (Actor actor : List.of(cashier, manager)) {
            g.app.session().become(actor);
            assertThrows(NotAllowedException.class, () -> g.app.points().saveRules(doubled));
            assertThrows(NotAllowedException.class, () -> g.app.points().setItemCategory("拿铁", "咖啡"));
            assertThrows(NotAllowedException.class,
                    () -> g.app.points().saveReward(new Reward(0, "雨伞", Reward.Kind.GIFT, 100, 0, true)));
        }
        g.app.session().become(owner);
        assertEquals(1, g.app.points().rules().earnPoints());
        assertEquals(0, g.app.points().rewards().size());

        g.app.points().saveRules(doubled);
        g.app.points().setItemCategory("拿铁", "咖啡");
        assertEquals("earn: 1 pt per ¥1 → 2 pt per ¥1", entries("rules").get(0).summary());
        assertEquals("item 拿铁: (none) → 咖啡", entries("settings").get(0).summary());
    }

    @Test
    void finding3_expiryIsTheAppsOneEntryPerRun() {
        g.app.points().adjust(m.id(), 80, "补录", "boss"); // a batch expiring 2027-03-01
        g.app.session().become(Actor.NOBODY); // the desktop before a PIN: expiry runs all the same
        assertEquals(80, g.app.points().expire(LocalDate.of(2027, 3, 1)).points());
        assertEquals(0, g.app.points().expire(LocalDate.of(2027, 3, 1)).points());
        g.app.session().become(owner);
        List<LogEntry> expired = entries("points-expire");
        assertEquals(1, expired.size(), "a run that expired nothing writes nothing");
        assertEquals("system", expired.get(0).staffName());
        assertEquals("1 batches, 80 pt expired", expired.get(0).summary());
    }

    private List<LogEntry> entries(String action) {
        return g.app.operationLog().find(new LogFilter(null, null, null, action, null), 100);
    }
}
