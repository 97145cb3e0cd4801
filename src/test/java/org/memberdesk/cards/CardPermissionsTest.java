package org.memberdesk.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;
import org.memberdesk.staff.Staff;

/**
 * Member cards under the permission matrix (issue 18, items 1–3): a cashier (小王) sells cards, tops up and checks in,
 * each logged with their name and staff id and the card's entries and visit carrying it; a freeze and a refund are a
 * manager's (店长 老李), refused to the cashier with nothing changed; the products and the ladder are the owner's.
 * "Now" is 2026-11-22 12:00 (TestDatabase). Products are made as the owner (the command line's default actor).
 */
@BothEngines
class CardPermissionsTest {
    @TempDir
    Path folder;
    AppContext app;
    Member wang;
    Actor cashier;
    Actor manager;
    long storedValue;
    long sessions;
    long pass;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        // added through the service as the owner; acting as them needs no PIN check here (the id is theirs)
        cashier = act(app.staff().add("小王", Role.CASHIER, "1234"));
        manager = act(app.staff().add("老李", Role.MANAGER, "5678"));
        storedValue = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充1000送200", 100_000,
                20_000, null, null, null, 0, 0, true, false));
        sessions = app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "私教10次", 300_000, 0, 10, 90,
                null, 0, 0, true, false));
        pass = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, 1, 2,
                14, true, false));
        app.cardProducts().setTopupSteps(Map.of(50_000L, 5_000L));
    }

    private static Actor act(Staff staff) {
        return Actor.of(staff);
    }

    private long count(String sql) {
        return app.database().read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                 ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The log's entries after {@code afterId}: action, staff name, staff id, subject, summary, reason, money. */
    private List<List<String>> logAfter(long afterId) {
        return app.database().read(connection -> {
            List<List<String>> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT action, staff_name, staff_id, subject, summary, reason, money FROM operation_log
                    WHERE id > ? ORDER BY id""")) {
                statement.setLong(1, afterId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= 7; i++) {
                            row.add(rs.getString(i));
                        }
                        rows.add(row);
                    }
                }
            }
            return rows;
        });
    }

    private long lastLogId() {
        return count("SELECT coalesce(max(id), 0) FROM operation_log");
    }

    /** What a refused action must leave as it was: every table a card change writes, and the cards' balances. */
    private String everything() {
        return app.database().read(connection -> {
            StringBuilder all = new StringBuilder();
            for (String sql : List.of("SELECT count(*) FROM operation_log", "SELECT count(*) FROM card_entries",
                    "SELECT count(*) FROM card_freezes", "SELECT count(*) FROM payments",
                    "SELECT count(*) FROM purchases", "SELECT count(*) FROM visits",
                    "SELECT group_concat(card_no || ':' || principal_cents || ':' || bonus_cents || ':'"
                            + " || coalesce(CAST(sessions_left AS TEXT), '-') || ':' || valid_to || ':' || coalesce(refunded_at, '-'),"
                            + " ',') FROM cards")) {
                try (PreparedStatement statement = connection.prepareStatement(sql);
                     ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    all.append(rs.getString(1)).append('|');
                }
            }
            return all.toString();
        });
    }

    @Test
    void item2_aCashierSellsCardsTopsUpAndChecksIn_eachLoggedWithTheCashierAndTheirStaffId() {
        long before = lastLogId();
        app.session().become(cashier);
        String stored = app.cards().sell(wang.id(), storedValue, Pay.CASH, null, null).card().cardNo();
        CardService.Sold tenSessions = app.cards().sell(wang.id(), sessions, Pay.CASH, null, null);
        CardService.ToppedUp topped = app.cards().topup(stored, 50_000, PayMethod.WECHAT, null);
        CheckIns.CheckedIn in = app.checkIns().checkIn("A1", tenSessions.card().cardNo(), null);
        // paying a counter sale from the stored-value card: that card's entry carries who served too
        app.counterSales().sell(wang.id(), List.of(new PurchaseLine("水", 1, 1_000)), null,
                Pay.of("stored-value"));

        // stored value: ¥1,000 + ¥200 bonus; the top-up of ¥500 earns ¥50 on the ladder → 1,200 + 550 = ¥1,750.00
        assertEquals(175_000, topped.card().balanceCents());
        assertEquals(9, in.card().sessionsLeft());
        List<List<String>> log = logAfter(before);
        assertEquals(List.of("card-sale", "card-sale", "top-up", "check-in", "sale"),
                log.stream().map(row -> row.get(0)).toList());
        for (List<String> row : log) {
            assertEquals("小王", row.get(1));
            assertEquals(Long.toString(cashier.staffId()), row.get(2));
        }
        assertEquals(stored, log.get(0).get(3));
        assertEquals("充1000送200 sold for ¥1,000.00 (cash): balance ¥0.00 → ¥1,200.00 (bonus ¥200.00)",
                log.get(0).get(4));
        assertEquals("私教10次 sold for ¥3,000.00 (cash), sale " + tenSessions.purchase().purchaseNo()
                + ": 10 sessions, valid 2026-11-22 to 2027-02-19", log.get(1).get(4));
        assertEquals("¥500.00 (wechat) + bonus ¥50.00: balance ¥1,200.00 → ¥1,750.00", log.get(2).get(4));
        assertEquals("1", log.get(2).get(6));
        assertEquals("私教10次: sessions left 10 → 9", log.get(3).get(4));
        // who served, in the rows themselves: every card entry, the visit, the purchases (the card sale, the sale)
        assertEquals(0, count("SELECT count(*) FROM card_entries WHERE staff_id IS DISTINCT FROM " + cashier.staffId()));
        assertEquals(5, count("SELECT count(*) FROM card_entries WHERE staff_id = " + cashier.staffId()));
        assertEquals(1, count("SELECT count(*) FROM visits WHERE staff_id = " + cashier.staffId()));
        assertEquals(2, count("SELECT count(*) FROM purchases WHERE staff_id = " + cashier.staffId()));
    }

    @Test
    void item1_aCashierMayNotFreezeUnfreezeOrRefund_nothingChanged_aManagerMay() {
        String stored = app.cards().sell(wang.id(), storedValue, Pay.CASH, null, null).card().cardNo();
        String month = app.cards().sell(wang.id(), pass, Pay.CASH, null, null).card().cardNo();
        app.session().become(cashier);
        String kept = everything();

        NotAllowedException freeze = assertThrows(NotAllowedException.class,
                () -> app.cards().freeze(month, 7, null, "出差", null));
        assertEquals("cashier 小王 may not freeze a card (a manager may)", freeze.getMessage());
        assertThrows(NotAllowedException.class, () -> app.cards().freeze(month, 7, null, "出差", "小王", null));
        assertThrows(NotAllowedException.class, () -> app.cards().unfreeze(month, null));
        NotAllowedException refund = assertThrows(NotAllowedException.class,
                () -> app.cards().refund(stored, "搬家", PayMethod.CASH, null));
        assertEquals("cashier 小王 may not refund a card (a manager may)", refund.getMessage());
        assertThrows(NotAllowedException.class,
                () -> app.cards().refund(stored, "搬家", PayMethod.CASH, "小王", null));
        assertEquals(kept, everything());

        long before = lastLogId();
        app.session().become(manager);
        // a 30-day pass from 2026-11-22 ends 2026-12-21; 7 days frozen from today → 2026-12-28
        Card frozen = app.cards().freeze(month, 7, null, "出差", "someone typed", null);
        assertEquals(LocalDate.of(2026, 12, 28), frozen.validTo());
        // ended on its first day: nothing was frozen yet, all 7 days given back
        assertEquals(LocalDate.of(2026, 12, 21), app.cards().unfreeze(month, null).validTo());
        CardService.Refunded refunded = app.cards().refund(stored, "搬家", PayMethod.CASH, "someone typed", null);
        assertEquals(100_000, refunded.refundCents());
        assertEquals(20_000, refunded.forfeitedBonusCents());

        List<List<String>> log = logAfter(before);
        assertEquals(List.of("freeze", "unfreeze", "card-refund"), log.stream().map(row -> row.get(0)).toList());
        assertEquals(List.of("老李"), log.stream().map(row -> row.get(1)).distinct().toList());
        assertEquals("frozen from 2026-11-22 for 7 days; valid to 2026-12-21 → 2026-12-28", log.get(0).get(4));
        assertEquals("出差", log.get(0).get(5));
        assertEquals("freeze of 2026-11-22 ended after 0 of 7 days; valid to 2026-12-28 → 2026-12-21",
                log.get(1).get(4));
        assertEquals("refund ¥1,000.00 (cash), bonus forfeited ¥200.00; balance ¥1,200.00 → ¥0.00",
                log.get(2).get(4));
        assertEquals("搬家", log.get(2).get(5));
        assertEquals("1", log.get(2).get(6));
        // who froze and refunded is the session's, never the typed "by"
        assertEquals(1, count("SELECT count(*) FROM card_freezes WHERE created_by = '老李'"));
        assertEquals(1, count("SELECT count(*) FROM cards WHERE refunded_by = '老李'"));
        assertEquals(1, count("SELECT count(*) FROM card_entries WHERE kind = 'refund' AND staff_id = "
                + manager.staffId()));
    }

    @Test
    void item1_cardProductsAndTheLadderAreTheOwners_loggedAsSettings() {
        for (Actor notOwner : List.of(cashier, manager)) {
            app.session().become(notOwner);
            String kept = everything() + app.cardProducts().products().size() + app.cardProducts().topupSteps();
            assertThrows(NotAllowedException.class, () -> app.cardProducts().addProduct(CardProduct.draft(
                    CardKind.PERIOD, "年卡", 200_000, 0, null, 365, null, 0, 0, true, false)));
            assertThrows(NotAllowedException.class, () -> app.cardProducts().archiveProduct(pass, true));
            assertThrows(NotAllowedException.class, () -> app.cardProducts().setTopupSteps(Map.of(1L, 1L)));
            assertEquals(kept, everything() + app.cardProducts().products().size()
                    + app.cardProducts().topupSteps());
        }
        app.session().become(Actor.commandLine("owner"));
        long before = lastLogId();
        app.cardProducts().archiveProduct(pass, true);
        app.cardProducts().setTopupSteps(Map.of(50_000L, 5_000L, 100_000L, 15_000L));
        List<List<String>> log = logAfter(before);
        assertEquals(List.of("settings", "settings"), log.stream().map(row -> row.get(0)).toList());
        assertEquals("cli:owner", log.get(0).get(1));
        assertNull(log.get(0).get(2));
        assertEquals("card product 月卡", log.get(0).get(3));
        assertEquals("sold → no longer sold", log.get(0).get(4));
        assertEquals("¥500.00+¥50.00 → ¥500.00+¥50.00, ¥1,000.00+¥150.00", log.get(1).get(4));
    }

    @Test
    void item2_theOwnerAtTheCommandLineIsLoggedAsCliUserWithNoStaffId() {
        long before = lastLogId();
        String stored = app.cards().sell(wang.id(), storedValue, Pay.CASH, null, null).card().cardNo();
        app.cards().topup(stored, 10_000, PayMethod.CASH, null);
        List<List<String>> log = logAfter(before);
        assertEquals(2, log.size());
        assertTrue(log.get(0).get(1).startsWith("cli:"));
        assertNull(log.get(0).get(2));
        assertEquals(0, count("SELECT count(*) FROM card_entries WHERE staff_id IS NOT NULL"));
    }
}
