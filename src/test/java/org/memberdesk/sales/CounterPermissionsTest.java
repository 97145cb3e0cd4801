package org.memberdesk.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignDraft;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.Target;
import org.memberdesk.coupons.Validity;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/**
 * The counter under the permission matrix (issue 18, items 1–3): a cashier (小王) sells, uses a coupon and gives back
 * today's sale, each logged with their name and staff id and the purchases carrying it; a return of yesterday's sale
 * and a void are a manager's (老李), refused to the cashier with nothing changed. "Now" is 2026-11-22 12:00
 * (TestDatabase); default growth rules, 1 point per yuan at the entry tier.
 */
@BothEngines
class CounterPermissionsTest {
    @TempDir
    Path folder;
    AppContext app;
    Member wang;
    Actor cashier;
    Actor manager;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        cashier = Actor.of(app.staff().add("小王", Role.CASHIER, "1234"));
        manager = Actor.of(app.staff().add("老李", Role.MANAGER, "5678"));
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

    /** What a refused action must leave as it was: the purchases, voids, points, coupons, log, the member's totals. */
    private String everything() {
        return app.database().read(connection -> {
            StringBuilder all = new StringBuilder();
            for (String sql : List.of("SELECT count(*) FROM operation_log", "SELECT count(*) FROM purchases",
                    "SELECT count(*) FROM voided_purchases", "SELECT count(*) FROM points_ledger",
                    "SELECT count(*) FROM coupons WHERE used_at IS NOT NULL",
                    "SELECT points || ':' || purchase_count || ':' || spent_cents || ':' || returned_cents"
                            + " FROM members")) {
                try (PreparedStatement statement = connection.prepareStatement(sql);
                     ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    all.append(rs.getString(1)).append('|');
                }
            }
            return all.toString();
        });
    }

    private String couponFor(Member member) {
        Campaign campaign = app.campaigns().create(new CampaignDraft("回馈", null, new Coupon(0, "满100减20",
                CouponKind.THRESHOLD, 2_000, null, null, 10_000, List.of(), Validity.days(30)), Target.parse("all"),
                null, 0, 1L));
        app.campaigns().issue(campaign.id());
        return app.campaigns().memberCoupons(member.id()).get(0).code();
    }

    @Test
    void item2_aCashierSellsWithACouponAndGivesBackTodaysSale_eachLoggedWithTheCashier() {
        String code = couponFor(wang);
        long before = lastLogId();
        app.session().become(cashier);
        // ¥150 at the entry tier, coupon 满100减20 → ¥130 paid, 130 points
        CounterSales.Sale sale = app.counterSales().sell(wang.id(), List.of(new PurchaseLine("私教课", 1, 15_000)),
                code);
        assertEquals(13_000, sale.purchase().totalCents());
        CounterSales.Returned back = app.counterSales().giveBack(sale.purchase().purchaseNo(), List.of(), "不满意");
        assertEquals(13_000, back.refundCents());

        List<List<String>> log = logAfter(before);
        assertEquals(List.of("sale", "return"), log.stream().map(row -> row.get(0)).toList());
        for (List<String> row : log) {
            assertEquals("小王", row.get(1));
            assertEquals(Long.toString(cashier.staffId()), row.get(2));
        }
        // one entry for the sale, naming the coupon it used (one action at the counter, one entry)
        assertEquals(sale.purchase().purchaseNo(), log.get(0).get(3));
        assertEquals("total ¥130.00, coupon " + code + " redeemed −¥20.00, paid cash, points +130",
                log.get(0).get(4));
        assertEquals("0", log.get(0).get(6));
        assertEquals(back.purchase().purchaseNo(), log.get(1).get(3));
        assertEquals("refund ¥130.00 of sale " + sale.purchase().purchaseNo() + " (2026-11-22), 1 line, points −130",
                log.get(1).get(4));
        assertEquals("不满意", log.get(1).get(5));
        assertEquals("1", log.get(1).get(6));
        assertEquals(2, count("SELECT count(*) FROM purchases WHERE staff_id = " + cashier.staffId()));
    }

    @Test
    void item1_aCashierMayNotGiveBackYesterdaysSaleNorVoid_nothingChanged_aManagerMay() {
        // as the owner: yesterday's sale, and one of today
        app.purchases().record(new PurchaseDraft("P-OLD", wang.id(), TestDatabase.NOW.minusDays(1),
                List.of(new PurchaseLine("门票", 1, 5_000)), null), false);
        String today = app.counterSales().sell(wang.id(), List.of(new PurchaseLine("水", 1, 1_000)), null)
                .purchase().purchaseNo();
        app.session().become(cashier);
        String kept = everything();

        NotAllowedException old = assertThrows(NotAllowedException.class,
                () -> app.counterSales().giveBack("P-OLD", List.of(), "坏了"));
        assertEquals("cashier 小王 may not take back a sale of an earlier day (a manager may)", old.getMessage());
        assertThrows(NotAllowedException.class, () -> app.purchases().record(new PurchaseDraft("R-OLD", wang.id(),
                TestDatabase.NOW, List.of(new PurchaseLine("门票", 1, -5_000)), "P-OLD"), true));
        NotAllowedException voiding = assertThrows(NotAllowedException.class,
                () -> app.counterSales().voidSale(today, "keyed twice"));
        assertEquals("cashier 小王 may not void a sale (a manager may)", voiding.getMessage());
        assertThrows(NotAllowedException.class, () -> app.counterSales().voidSale(today, "keyed twice", "小王"));
        assertEquals(kept, everything());

        long before = lastLogId();
        app.session().become(manager);
        // the void first: a sale is voided only while it is the member's latest
        app.counterSales().voidSale(today, "keyed twice", "someone typed");
        app.counterSales().giveBack("P-OLD", List.of(), "坏了");
        List<List<String>> log = logAfter(before);
        assertEquals(List.of("void", "return"), log.stream().map(row -> row.get(0)).toList());
        assertEquals(List.of("老李"), log.stream().map(row -> row.get(1)).distinct().toList());
        assertEquals(today, log.get(0).get(3));
        assertEquals("sale of ¥10.00 → voided", log.get(0).get(4));
        assertEquals("keyed twice", log.get(0).get(5));
        assertEquals("refund ¥50.00 of sale P-OLD (2026-11-21), 1 line, points −50", log.get(1).get(4));
        // who voided it is the session's, never the typed "by"
        assertEquals("老李", app.counterSales().voided(wang.id()).get(0).voidedBy());
    }

    @Test
    void item1_nobodySignedIn_theLockedDesktop_cannotSell_nothingChanged() {
        app.session().become(Actor.NOBODY);
        String kept = everything();
        NotAllowedException refused = assertThrows(NotAllowedException.class, () -> app.counterSales().sell(wang.id(),
                List.of(new PurchaseLine("水", 1, 1_000)), null));
        assertEquals("staff.refused.nobody", refused.textKey());
        assertEquals(kept, everything());
    }

    @Test
    void item2_purchaseServiceRecordIsASaleOfTheCashier_logged() {
        long before = lastLogId();
        app.session().become(cashier);
        app.purchases().record(new PurchaseDraft("S1", wang.id(), TestDatabase.NOW,
                List.of(new PurchaseLine("门票", 2, 12_000)), null), false);
        // a return of today's sale is the cashier's too
        app.purchases().record(new PurchaseDraft("R1", wang.id(), TestDatabase.NOW,
                List.of(new PurchaseLine("门票", 1, -6_000)), "S1"), true);
        List<List<String>> log = logAfter(before);
        assertEquals(List.of("sale", "return"), log.stream().map(row -> row.get(0)).toList());
        assertEquals("total ¥120.00, 1 line", log.get(0).get(4));
        assertEquals("refund ¥60.00, 1 line, of sale S1", log.get(1).get(4));
        assertEquals(List.of("小王"), log.stream().map(row -> row.get(1)).distinct().toList());
        assertEquals(2, count("SELECT count(*) FROM purchases WHERE staff_id = " + cashier.staffId()));
    }
}
