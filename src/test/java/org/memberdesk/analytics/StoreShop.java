package org.memberdesk.analytics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.memberdesk.app.AppContext;
import org.memberdesk.cards.Pay;
import org.memberdesk.members.Gender;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.Role;
import org.memberdesk.staff.Staff;
import org.memberdesk.stores.Store;

/**
 * A shop of two stores, 本店 and 二店, worked by hand for the reports by store (the clock is 2026-11-22 12:00,
 * TestDatabase). Members, all joined in November: 王芳 and 李雷 at 本店 (11-01), 张三 (11-01) and 赵六 (11-05, never
 * buys) at 二店. Staff: 小王 works at 本店, 小刘 at 二店.
 * <pre>
 *   #1 11-02 10:00 本店 小王   王芳 ¥100     her first sale ever
 *   #2 11-03 10:00 二店 小王   王芳 ¥20      she comes back the next day, at the other store
 *   #3 11-02 11:00 二店 小刘   张三 ¥50      his first sale
 *   #4 11-10 10:00 本店 小王   李雷 ¥30      his first sale
 *   #5 11-22 12:00 二店 owner  李雷 2 × ¥10 in cash at the counter, one given back (¥10 refunded in cash)
 *   check-ins: 王芳 at 本店 11-05 and 11-06, 张三 at 二店 11-20
 * </pre>
 * Until members, visits and payments carry their store themselves (other changes of issue 21), the shop sets
 * members.store_id, staff.store_id and payments.store_id by SQL and writes the check-ins as rows.
 */
public final class StoreShop {
    public final AppContext app;
    public final Store main;
    public final Store second;

    private StoreShop(AppContext app, Store main, Store second) {
        this.app = app;
        this.main = main;
        this.second = second;
    }

    public static StoreShop build(AppContext app) {
        Store main = app.stores().here();
        Store second = app.stores().add("二店");
        long wang = member(app, "A1", "王芳", "13800000001", LocalDate.of(2026, 11, 1));
        long li = member(app, "A2", "李雷", "13800000002", LocalDate.of(2026, 11, 1));
        long zhang = member(app, "A3", "张三", "13800000003", LocalDate.of(2026, 11, 1));
        long zhao = member(app, "A4", "赵六", "13800000004", LocalDate.of(2026, 11, 5));
        sql(app, "UPDATE members SET store_id = " + second.id() + " WHERE id IN (" + zhang + ", " + zhao + ")");
        Staff xiaoWang = app.staff().add("小王", Role.CASHIER, "1234");
        Staff xiaoLiu = app.staff().add("小刘", Role.CASHIER, "2345");
        sql(app, "UPDATE staff SET store_id = " + second.id() + " WHERE id = " + xiaoLiu.id());
        Actor owner = app.session().current();

        app.session().become(Actor.of(xiaoWang));
        app.storeHere().become(main);
        sale(app, wang, "2026-11-02T10:00", 10_000);
        sale(app, li, "2026-11-10T10:00", 3_000);
        app.storeHere().become(second);
        sale(app, wang, "2026-11-03T10:00", 2_000);
        app.session().become(Actor.of(xiaoLiu));
        sale(app, zhang, "2026-11-02T11:00", 5_000);
        app.session().become(owner);
        CounterSales.Sale today = app.counterSales().sell(li, List.of(new PurchaseLine("茶", 2, 2_000)), null,
                Pay.CASH);
        app.counterSales().giveBack(today.purchase().purchaseNo(), List.of(new CounterSales.LineReturn(1, 1)),
                "不要了");
        app.storeHere().become(main);
        sql(app, "UPDATE payments SET store_id = (SELECT p.store_id FROM purchases p WHERE p.id = payments.purchase_id)"
                + " WHERE purchase_id IS NOT NULL");
        visit(app, wang, "2026-11-05 09:00:00", main);
        visit(app, wang, "2026-11-06 09:00:00", main);
        visit(app, zhang, "2026-11-20 09:00:00", second);
        return new StoreShop(app, main, second);
    }

    /** November 2026, the month of the shop's history. */
    public static Period november() {
        return Period.of("2026-11-01", "2026-11-30");
    }

    private static long member(AppContext app, String number, String name, String phone, LocalDate joined) {
        return app.members().add(new MemberDetails(number, name, phone, Gender.FEMALE, LocalDate.of(1990, 5, 1),
                joined, "门店", null, null, Map.of())).id();
    }

    private static void sale(AppContext app, long member, String time, long cents) {
        app.purchases().record(new PurchaseDraft(null, member, LocalDateTime.parse(time),
                List.of(new PurchaseLine("咖啡", 1, cents)), null), false);
    }

    private static void visit(AppContext app, long member, String time, Store store) {
        sql(app, "INSERT INTO visits (member_id, time, store_id) VALUES (" + member + ", '" + time + "', "
                + store.id() + ")");
    }

    private static void sql(AppContext app, String sql) {
        app.database().write(connection -> {
            try (var statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        });
    }
}
