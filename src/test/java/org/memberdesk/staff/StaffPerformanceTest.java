package org.memberdesk.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.ValidationException;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;

/**
 * Staff performance (员工业绩, issue 18 item 4), on a small shop made through the real services, each staff member
 * acting as themselves. "Now" is 2026-11-22 12:00; the period is 2026-11-20 … 2026-11-22.
 *
 * <p>Until the check-ins and card entries carry their staff themselves (another change of this issue), the test
 * fills visits.staff_id and card_entries.staff_id of the rows it made by SQL, only where they are still empty.
 */
@BothEngines
class StaffPerformanceTest {
    static final LocalDate FROM = LocalDate.of(2026, 11, 20);
    static final LocalDate TO = LocalDate.of(2026, 11, 22);

    @TempDir
    static Path folder;
    static AppContext app;
    static Staff wang;
    static Staff li;
    static Staff mei;
    static Staff zhang;

    /**
     * 小王 (cashier): S0 ¥30 on 11-19 (before the period), S1 ¥30 on 11-21, S2 2 × ¥25 = ¥50 on 11-22, one of S2's
     * teas given back (¥25), a swim card of ¥800 sold (a purchase too, counted as a card only), two check-ins.
     * 李姐 (manager): S3 ¥120 on 11-20, a stored-value package ¥1,000 (+ ¥200 bonus) on 11-20, a ¥500 top-up on
     * 11-21, S4 ¥99 today voided (gone: counts nowhere). 老张 (cashier, then inactive): S6 ¥15 on 11-21.
     * 小美 (cashier): nothing. The command line as the owner: S5 ¥40 on 11-21.
     */
    @BeforeAll
    static void shop() {
        app = TestDatabase.open(folder);
        long m1 = app.members().add(TestDatabase.member("M1", "王芳", "13800000001")).id();
        long m2 = app.members().add(TestDatabase.member("M2", "李娜", "13800000002")).id();
        long m3 = app.members().add(TestDatabase.member("M3", "赵敏", "13800000003")).id();
        long swim = app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "Swim 10", 80_000, 0, 10, 365,
                null, 0, 0, true, false));
        long value = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "Pay 1000 get 1200",
                100_000, 20_000, null, null, null, 0, 0, true, false));
        wang = app.staff().add("小王", Role.CASHIER, "1234");
        li = app.staff().add("李姐", Role.MANAGER, "2345");
        mei = app.staff().add("小美", Role.CASHIER, "3456");
        zhang = app.staff().add("老张", Role.CASHIER, "4567");
        Actor owner = app.session().current();

        act(wang);
        sale(m1, "2026-11-19T10:00", "Coffee", 1, 3_000);
        sale(m1, "2026-11-21T10:00", "Coffee", 1, 3_000);
        Purchase s2 = sale(m2, "2026-11-22T09:00", "Tea", 2, 5_000);
        app.counterSales().giveBack(s2.purchaseNo(), List.of(new CounterSales.LineReturn(1, 1)), "too sweet");
        String swimCard = app.cards().sell(m1, swim, Pay.CASH, null, at("2026-11-22T11:00")).card().cardNo();
        long visit1 = app.checkIns().checkIn("M1", swimCard, at("2026-11-22T11:10")).visitId();
        long visit2 = app.checkIns().checkIn("M1", swimCard, at("2026-11-22T11:20")).visitId();
        fillStaff("visits", "id IN (" + visit1 + ", " + visit2 + ")", wang.id());

        act(li);
        sale(m3, "2026-11-20T15:00", "Cake", 1, 12_000);
        String valueCard = app.cards().sell(m3, value, Pay.CASH, null, at("2026-11-20T16:00")).card().cardNo();
        app.cards().topup(valueCard, 50_000, PayMethod.CASH, at("2026-11-21T09:00"));
        fillStaff("card_entries", "card_id = (SELECT id FROM cards WHERE card_no = '" + valueCard + "')", li.id());
        Purchase s4 = sale(m3, "2026-11-22T11:30", "Cake", 1, 9_900);
        app.counterSales().voidSale(s4.purchaseNo(), "keyed twice", null);

        act(zhang);
        sale(m2, "2026-11-21T13:00", "Biscuits", 1, 1_500);

        app.session().become(owner);
        sale(m2, "2026-11-21T12:00", "Tea", 1, 4_000);
        app.staff().change(zhang.id(), Role.CASHIER, false);
    }

    @AfterAll
    static void close() {
        app = null;
    }

    private static void act(Staff staff) {
        app.session().become(Actor.of(staff));
    }

    private static LocalDateTime at(String time) {
        return LocalDateTime.parse(time);
    }

    private static Purchase sale(long member, String time, String item, int quantity, long cents) {
        return app.purchases().record(new PurchaseDraft(null, member, at(time),
                List.of(new PurchaseLine(item, quantity, cents)), null), false);
    }

    /** Who served, where the service did not write it yet (see the class comment). */
    private static void fillStaff(String table, String where, long staffId) {
        app.database().write(connection -> {
            try (var update = connection.prepareStatement(
                    "UPDATE " + table + " SET staff_id = ? WHERE staff_id IS NULL AND " + where)) {
                update.setLong(1, staffId);
                return update.executeUpdate();
            }
        });
    }

    @Test
    void finding4_eachStaffMembersFiguresAsHandChecked() {
        StaffPerformance.Report report = app.staffPerformance().report(FROM, TO);
        // the manager first, then cashiers by name (小王 < 小美 < 老张), then no staff named; 老张 left but sold
        assertEquals(java.util.Arrays.asList("李姐", "小王", "小美", "老张", null),
                report.staff().stream().map(StaffFigures::name).toList());

        // 李姐: S3 ¥120 (S4 voided); no returns; the ¥1,000 package (its ¥200 bonus is no takings); a ¥500 top-up
        assertEquals(new StaffFigures(li.id(), "李姐", Role.MANAGER, true, 1, 12_000, 0, 0, 1, 100_000, 1, 50_000, 0),
                report.staff().get(0));
        // 小王: S1 ¥30 + S2 ¥50 = ¥80 in 2 sales (S0 is before the period; the swim card's sale is a card, not
        // goods); one tea back ¥50 / 2 = ¥25; net 80 − 25 = ¥55; the swim card ¥800; two check-ins
        StaffFigures xiaoWang = report.staff().get(1);
        assertEquals(new StaffFigures(wang.id(), "小王", Role.CASHIER, true, 2, 8_000, 1, 2_500, 1, 80_000, 0, 0, 2),
                xiaoWang);
        assertEquals(5_500, xiaoWang.netCents());
        // 小美: active, nothing done: a row of zeros
        assertEquals(new StaffFigures(mei.id(), "小美", Role.CASHIER, true, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                report.staff().get(2));
        // 老张: inactive now, still owed for S6 ¥15
        assertEquals(new StaffFigures(zhang.id(), "老张", Role.CASHIER, false, 1, 1_500, 0, 0, 0, 0, 0, 0, 0),
                report.staff().get(3));
        // the command line as the owner: S5 ¥40
        assertEquals(new StaffFigures(null, null, null, true, 1, 4_000, 0, 0, 0, 0, 0, 0, 0), report.staff().get(4));

        // all together: 1 + 2 + 1 + 1 = 5 sales, 120 + 80 + 15 + 40 = ¥255; cards 100,000 + 80,000 = ¥1,800
        StaffFigures total = StaffPerformance.total(report.staff());
        assertEquals(5, total.sales());
        assertEquals(25_500, total.salesCents());
        assertEquals(180_000, total.cardsSoldCents());
        assertEquals(23_000, total.netCents());
    }

    @Test
    void finding4_aDayAloneCountsOnlyThatDay() {
        // 2026-11-21 only: 小王 S1 ¥30; 李姐 the top-up; 老张 S6; the owner S5
        StaffPerformance.Report day = app.staffPerformance().report(LocalDate.of(2026, 11, 21),
                LocalDate.of(2026, 11, 21));
        assertEquals(new StaffFigures(wang.id(), "小王", Role.CASHIER, true, 1, 3_000, 0, 0, 0, 0, 0, 0, 0),
                day.staff().get(1));
        assertEquals(new StaffFigures(li.id(), "李姐", Role.MANAGER, true, 0, 0, 0, 0, 0, 0, 1, 50_000, 0),
                day.staff().get(0));
        // before anything happened: the staff with zeros, no row for no staff named (it has no figures)
        StaffPerformance.Report empty = app.staffPerformance().report(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31));
        assertEquals(List.of("李姐", "小王", "小美"), empty.staff().stream().map(StaffFigures::name).toList());
    }

    @Test
    void finding4_aCashierMayNotSeeIt_andAPeriodEndsAfterItStarts() {
        Actor before = app.session().current();
        try {
            act(mei);
            assertThrows(NotAllowedException.class, () -> app.staffPerformance().report(FROM, TO));
        } finally {
            app.session().become(before);
        }
        assertThrows(ValidationException.class, () -> app.staffPerformance().report(TO, FROM));
    }
}
