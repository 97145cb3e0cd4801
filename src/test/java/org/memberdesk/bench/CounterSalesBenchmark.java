package org.memberdesk.bench;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Json;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignDraft;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.IssuedCoupon;
import org.memberdesk.coupons.Target;
import org.memberdesk.coupons.Validity;
import org.memberdesk.db.Database;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;

/**
 * Issue 15's counter bar on a big database: N sales through {@link CounterSales#sell} — the member's tier
 * discount, half of them with a coupon (满100减20, issued to every member first, not timed), points earned, a
 * possible upgrade, one transaction each — then N returns of one unit of one line of those sales. Run by
 * bench/counter.sh: {@code CounterSalesBenchmark DB N}. Adds N sales and N returns to the database.
 */
public final class CounterSalesBenchmark {
    private CounterSalesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        AppContext app = new AppContext(Database.open(file), Clock.systemDefaultZone());
        long maxId = app.database().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT max(id) FROM members")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        long issueStart = System.nanoTime();
        Campaign campaign = app.campaigns().create(new CampaignDraft("bench " + System.currentTimeMillis(), null,
                new Coupon(0, "满100减20", CouponKind.THRESHOLD, 2_000, null, null, 10_000, List.of(),
                        Validity.days(30)), Target.parse("all"), null, 0, 1L));
        int issued = app.campaigns().issue(campaign.id());
        double issueSeconds = (System.nanoTime() - issueStart) / 1e9;

        Random random = new Random(15);
        for (int i = 0; i < 50; i++) { // warm up the JIT and the page cache; not counted
            sell(app, random, 1 + random.nextLong(maxId), false);
        }
        long[] sales = new long[count];
        List<String> sold = new ArrayList<>();
        int withCoupon = 0;
        int upgrades = 0;
        long tierDiscounts = 0;
        for (int i = 0; i < count; i++) {
            long memberId = 1 + random.nextLong(maxId);
            String before = app.members().byId(memberId).orElseThrow().tier();
            boolean coupon = i % 2 == 0;
            long start = System.nanoTime();
            CounterSales.Sale sale = sell(app, random, memberId, coupon);
            sales[i] = System.nanoTime() - start;
            sold.add(sale.purchase().purchaseNo());
            withCoupon += sale.priced().couponDiscountCents() > 0 ? 1 : 0;
            tierDiscounts += sale.priced().tierDiscountCents() > 0 ? 1 : 0;
            upgrades += sale.tier() != null && !sale.tier().equals(before) ? 1 : 0;
        }
        long[] returns = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            app.counterSales().giveBack(sold.get(i), List.of(new CounterSales.LineReturn(1, 1)), "bench");
            returns[i] = System.nanoTime() - start;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("members", maxId);
        out.put("coupons_issued", issued);
        out.put("issue_s", round(issueSeconds));
        out.put("sales", count);
        out.put("with_coupon", withCoupon);
        out.put("with_tier_discount", tierDiscounts);
        out.put("upgrades", upgrades);
        describe(out, "sale", sales);
        out.put("returns", count);
        describe(out, "return", returns);
        System.out.println(Json.write(out));
    }

    /** Two lines of ¥50–¥1,500 each (two units of the first), with the member's coupon when asked. */
    private static CounterSales.Sale sell(AppContext app, Random random, long memberId, boolean withCoupon) {
        String code = null;
        if (withCoupon) {
            code = app.campaigns().memberCoupons(memberId).stream()
                    .filter(c -> c.usedAt() == null).map(IssuedCoupon::code).findFirst().orElse(null);
        }
        long first = 5_000 + random.nextLong(145_000) / 100 * 100;
        long second = 5_000 + random.nextLong(145_000) / 100 * 100;
        return app.counterSales().sell(memberId, List.of(new PurchaseLine("年卡", 2, first * 2),
                new PurchaseLine("餐饮", 1, second)), code);
    }

    private static void describe(Map<String, Object> out, String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        out.put(what + "_mean_ms", round(Arrays.stream(sorted).sum() / (double) sorted.length / 1e6));
        out.put(what + "_p50_ms", round(sorted[sorted.length / 2] / 1e6));
        out.put(what + "_p95_ms", round(sorted[(int) (sorted.length * 0.95)] / 1e6));
        out.put(what + "_max_ms", round(sorted[sorted.length - 1] / 1e6));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
