package org.memberdesk.analytics;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.db.Database;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;

/**
 * A small hand-built shop for the analytics tests, stored through the real services so the member
 * statistics (first purchase) are kept exactly as in the app. "Today" is 2026-04-10.
 *
 * <pre>
 * member join        channel  referrer  purchases (time, cents; negative = return)
 * A M1   2025-11-20  门店                2025-12-10 12:00 10000, 2026-01-05 10:00 5000, 2026-01-20 10:00 7000
 * B M2   2026-01-01  公众号              2026-01-01 09:00 3000, 2026-01-02 09:00 2000, 2026-01-03 10:00 -2000
 * C M3   2026-01-10  门店                2026-01-10 10:00 4000, 2026-01-10 15:00 4000, 2026-01-16 11:00 2500,
 *                                        2026-03-15 11:00 3000
 * D M4   2026-01-31  抖音                2026-01-31 23:59:59 9999, 2026-02-01 00:00:00 5000
 * E M5   2026-01-15  —                   none
 * F M6   2026-01-20  门店                2026-01-19 12:00 1200 (before joining), 2026-01-22 12:00 800
 * G M7   2025-06-01  美团                2025-06-02 10:00 1000, 2025-12-31 23:59:59 3000,
 *                                        2026-01-31 23:00 -1500, 2026-02-01 00:00:00 4000
 * H M8   2025-12-31  门店                2026-01-01 00:00:00 6000, 2026-02-01 08:00 4500
 * I M9   2026-01-25  转介绍   M3          none
 * J M10  2026-02-05  转介绍   M3          none
 * K M11  2026-02-10  转介绍   M6          none; archived
 * </pre>
 */
final class Shop {
    static final Clock CLOCK = Clock.fixed(LocalDateTime.of(2026, 4, 10, 10, 0)
            .atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());

    final AppContext context;
    long a;
    long b;
    long c;
    long d;
    long e;
    long f;
    long g;
    long h;
    long i;
    long j;
    long k;
    private int purchaseNo;

    Shop(Database database) {
        context = new AppContext(database, CLOCK);
    }

    /** The shop of the table above, on this test run's engine (a file in the folder, or a server database). */
    static Shop built(Path folder) {
        Shop shop = new Shop(TestDatabase.database(folder));
        shop.build();
        return shop;
    }

    /** The shop of the table above in a SQLite file, shop.db in the folder (for tests that need the file). */
    static Shop builtInFile(Path folder) {
        Shop shop = new Shop(Database.open(folder.resolve("shop.db")));
        shop.build();
        return shop;
    }

    private void build() {
        a = member("M1", "2025-11-20", "门店", null);
        b = member("M2", "2026-01-01", "公众号", null);
        c = member("M3", "2026-01-10", "门店", null);
        d = member("M4", "2026-01-31", "抖音", null);
        e = member("M5", "2026-01-15", null, null);
        f = member("M6", "2026-01-20", "门店", null);
        g = member("M7", "2025-06-01", "美团", null);
        h = member("M8", "2025-12-31", "门店", null);
        i = member("M9", "2026-01-25", "转介绍", "M3");
        j = member("M10", "2026-02-05", "转介绍", "M3");
        k = member("M11", "2026-02-10", "转介绍", "M6");
        context.members().archive(k, true);

        buy(a, "2025-12-10 12:00:00", 10000);
        buy(a, "2026-01-05 10:00:00", 5000);
        buy(a, "2026-01-20 10:00:00", 7000);
        buy(b, "2026-01-01 09:00:00", 3000);
        buy(b, "2026-01-02 09:00:00", 2000);
        buy(b, "2026-01-03 10:00:00", -2000);
        buy(c, "2026-01-10 10:00:00", 4000);
        buy(c, "2026-01-10 15:00:00", 4000);
        buy(c, "2026-01-16 11:00:00", 2500);
        buy(c, "2026-03-15 11:00:00", 3000);
        buy(d, "2026-01-31 23:59:59", 9999);
        buy(d, "2026-02-01 00:00:00", 5000);
        buy(f, "2026-01-19 12:00:00", 1200);
        buy(f, "2026-01-22 12:00:00", 800);
        buy(g, "2025-06-02 10:00:00", 1000);
        buy(g, "2025-12-31 23:59:59", 3000);
        buy(g, "2026-01-31 23:00:00", -1500);
        buy(g, "2026-02-01 00:00:00", 4000);
        buy(h, "2026-01-01 00:00:00", 6000);
        buy(h, "2026-02-01 08:00:00", 4500);
    }

    long member(String number, String joined, String channel, String referrer) {
        Member member = context.members().add(new MemberDetails(number, "会员" + number, null, null, null,
                LocalDate.parse(joined), channel, referrer, null, null));
        return member.id();
    }

    void buy(long member, String time, long cents) {
        purchaseNo++;
        context.purchases().record(new PurchaseDraft("P" + purchaseNo, member,
                LocalDateTime.parse(time.replace(' ', 'T')), List.of(new PurchaseLine("门票", 1, cents)), null),
                cents < 0);
    }

    void setTier(long member, String tier) {
        context.database().write(connection -> {
            try (var statement = connection.prepareStatement("UPDATE members SET tier = ? WHERE id = ?")) {
                statement.setString(1, tier);
                statement.setLong(2, member);
                return statement.executeUpdate();
            }
        });
    }
}
