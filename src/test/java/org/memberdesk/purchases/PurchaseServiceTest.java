package org.memberdesk.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.members.MemberStats;

@BothEngines
class PurchaseServiceTest {
    @TempDir
    Path folder;
    AppContext app;
    Member wang;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
    }

    PurchaseDraft sale(String number, String time, long... amounts) {
        List<PurchaseLine> lines = new java.util.ArrayList<>();
        for (long amount : amounts) {
            lines.add(new PurchaseLine(amount < 0 ? "门票" : "门票", 1, amount));
        }
        return new PurchaseDraft(number, wang.id(), LocalDateTime.parse(time.replace(' ', 'T')), lines, null);
    }

    MemberStats stats() {
        return app.members().byId(wang.id()).orElseThrow().stats();
    }

    @Test
    void salesKeepTheMemberStatisticsCurrent() {
        app.purchases().record(sale("P1", "2026-03-05 10:00:00", 12_000, 4_550), false);
        app.purchases().record(sale("P2", "2026-01-02 09:30:00", 8_000), false);
        MemberStats stats = stats();
        // 120.00 + 45.50 + 80.00 = 245.50 over two purchases; first is the January one even though stored last
        assertEquals(2, stats.purchases());
        assertEquals(24_550, stats.spentCents());
        assertEquals(LocalDateTime.of(2026, 1, 2, 9, 30), stats.firstPurchaseAt());
        assertEquals(LocalDateTime.of(2026, 3, 5, 10, 0), stats.lastPurchaseAt());
        assertEquals(12_275, stats.averageOrderCents());
    }

    @Test
    void aReturnLowersSpendButIsNotAPurchase() {
        app.purchases().record(sale("P1", "2026-03-05 10:00:00", 12_000), false);
        assertThrows(ValidationException.class,
                () -> app.purchases().record(sale("R1", "2026-03-06 10:00:00", -12_000), false));
        Purchase refund = app.purchases().record(new PurchaseDraft("R1", wang.id(),
                LocalDateTime.of(2026, 3, 6, 10, 0), List.of(new PurchaseLine("门票", 1, -5_000)), "P1"), true);
        assertEquals(Purchase.Kind.RETURN, refund.kind());
        MemberStats stats = stats();
        assertEquals(1, stats.purchases());
        assertEquals(1, stats.returns());
        assertEquals(7_000, stats.netSpentCents());
        assertEquals(LocalDateTime.of(2026, 3, 5, 10, 0), stats.lastPurchaseAt(), "a return is not a visit");
        assertEquals(app.purchases().byNumber("P1").orElseThrow().id(), refund.refundOf());
    }

    @Test
    void refusesBadPurchasesAndStoresNothing() {
        assertThrows(ValidationException.class,
                () -> app.purchases().record(sale("P1", "2026-03-05 10:00:00", 1_000, -500), true), "mixed lines");
        assertThrows(ValidationException.class,
                () -> app.purchases().record(sale("P2", "2026-12-25 10:00:00", 1_000), false), "future");
        assertThrows(ValidationException.class,
                () -> app.purchases().record(sale("P3", "2026-03-05 10:00:00"), false), "no lines");
        app.purchases().record(sale("P4", "2026-03-05 10:00:00", 1_000), false);
        ValidationException twice = assertThrows(ValidationException.class,
                () -> app.purchases().record(sale("P4", "2026-03-06 10:00:00", 2_000), false));
        assertEquals("purchase.number.taken", twice.problems().get(0).key());
        assertEquals(1, stats().purchases());
        assertEquals(1_000, stats().spentCents());
    }

    @Test
    void generatesPurchaseNumbersPerDay() {
        Purchase first = app.purchases().record(sale(null, "2026-11-22 10:00:00", 1_000), false);
        Purchase second = app.purchases().record(sale("", "2026-11-22 10:05:00", 1_000), false);
        assertEquals("P20261122-0001", first.purchaseNo());
        assertEquals("P20261122-0002", second.purchaseNo());
    }

    @Test
    void historyIsNewestFirstWithLines() {
        app.purchases().record(sale("P1", "2026-03-05 10:00:00", 12_000, 4_550), false);
        app.purchases().record(sale("P2", "2026-04-01 10:00:00", 8_000), false);
        List<Purchase> history = app.purchases().history(wang.id(), 10);
        assertEquals(List.of("P2", "P1"), history.stream().map(Purchase::purchaseNo).toList());
        assertEquals(2, history.get(1).lines().size());
        assertNull(history.get(0).refundOf());
        assertEquals(2, app.purchases().count(PurchaseQuery.all()));
        assertEquals(1, app.purchases().count(new PurchaseQuery(
                java.time.LocalDate.of(2026, 4, 1), null, null, null)));
        assertEquals("门票", app.purchases().search(PurchaseQuery.all(), 0, 5).get(0).items());
    }

    @Test
    void aPurchasesItemsAreListedInLineOrderOnEitherEngine() {
        app.purchases().record(new PurchaseDraft("P1", wang.id(), LocalDateTime.of(2026, 3, 1, 10, 0), List.of(
                new PurchaseLine("甲", 1, 100), new PurchaseLine("乙", 1, 100), new PurchaseLine("丙", 1, 100)),
                null), false);
        // the items' ids run 甲 1, 乙 2, 丙 3: the lines of P2 the other way round, so an engine that joined in id
        // (or name) order would say "甲 ×3、乙、丙 ×2"
        app.purchases().record(new PurchaseDraft("P2", wang.id(), LocalDateTime.of(2026, 3, 2, 10, 0), List.of(
                new PurchaseLine("丙", 2, 200), new PurchaseLine("乙", 1, 100), new PurchaseLine("甲", 3, 300)),
                null), false);
        assertEquals("丙 ×2、乙、甲 ×3", app.purchases().search(PurchaseQuery.all(), 0, 1).get(0).items());
    }

    @Test
    void membersWhoNeverBoughtSortFirstByLastPurchaseGoingUpAndLastGoingDown() {
        Member li = app.members().add(TestDatabase.member("A2", "李娜", "13900001111"));
        app.purchases().record(sale("P1", "2026-03-05 10:00:00", 12_000), false);
        // 李娜 has no last purchase (NULL): SQLite sorts it first going up, PostgreSQL last unless told
        assertEquals(List.of(li.id(), wang.id()), ids(app.members().search(
                MemberQuery.all().sortedBy(MemberQuery.Sort.LAST_PURCHASE, true), 0, 10)));
        assertEquals(List.of(wang.id(), li.id()), ids(app.members().search(
                MemberQuery.all().sortedBy(MemberQuery.Sort.LAST_PURCHASE, false), 0, 10)));
    }

    private static List<Long> ids(List<Member> members) {
        return members.stream().map(Member::id).toList();
    }

    @Test
    void totalsComeFromTheMemberStatistics() {
        app.purchases().record(sale("P1", "2026-03-05 10:00:00", 12_000), false);
        app.purchases().record(sale("R1", "2026-03-06 10:00:00", -2_000), true);
        PurchaseStore.Totals totals = app.purchases().totals();
        assertEquals(new PurchaseStore.Totals(1, 1, 1, 10_000), totals);
    }
}
