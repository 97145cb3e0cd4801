package org.memberdesk.coupons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;
import org.memberdesk.coupons.print.CouponPrinter;
import org.memberdesk.coupons.print.Paper;
import org.memberdesk.common.Progress;
import org.memberdesk.purchases.PurchaseLine;

/**
 * The coupons benchmark (run by bench/coupons.sh, not by the tests): on a database of at least
 * 100,000 members, times issuing a campaign to 100,000 of them, printing a 10,000-row coupon
 * list to PDF, and redeeming coupons one by one at the counter.
 */
public final class CouponsBenchmark {
    private CouponsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int redemptions = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        AppContext app = new AppContext(Database.open(file), Clock.systemDefaultZone());
        CampaignService campaigns = app.campaigns();
        Coupon cash = new Coupon(0, "bench ¥10", CouponKind.CASH, 1_000, null, null, 0, List.of(), Validity.days(30));

        long c0 = cpu();
        long t0 = System.nanoTime();
        Campaign big = campaigns.create(new CampaignDraft("bench issue 100k", null, cash, Target.parse("all"), null,
                0, 1L));
        long t1 = System.nanoTime();
        long c1 = cpu();
        int issued = campaigns.issue(big.id());
        long t2 = System.nanoTime();
        long c2 = cpu();
        System.out.printf("create campaign (%d members targeted): %d ms (this thread's CPU %d ms)%n", big.targeted(),
                ms(t1 - t0), ms(c1 - c0));
        System.out.printf("issue %d coupons: %d ms (CPU %d ms)%n", issued, ms(t2 - t1), ms(c2 - c1));

        // 90 % held back of the targeted members leaves 10 % with coupons: 10,000 of 100,000
        Campaign tenth = campaigns.create(new CampaignDraft("bench print 10k 打印", null, cash, Target.parse("all"),
                null, 90, 2L));
        campaigns.issue(tenth.id());
        Path pdf = Files.createTempFile("coupons-bench", ".pdf");
        long c3 = cpu();
        long t3 = System.nanoTime();
        int rows = app.couponPrinter().print(tenth.id(), CouponPrinter.Kind.LIST, Paper.A4, pdf, Messages.chinese(),
                Progress.NONE);
        long t4 = System.nanoTime();
        long c4 = cpu();
        System.out.printf("print %d-row A4 coupon list: %d ms (CPU %d ms), %d KB%n", rows, ms(t4 - t3), ms(c4 - c3),
                Files.size(pdf) / 1024);
        Files.delete(pdf);

        List<long[]> members = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        app.database().read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT member_id, code FROM coupons WHERE campaign_id = ? AND used_at IS NULL LIMIT ?")) {
                statement.setLong(1, big.id());
                statement.setInt(2, redemptions);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        members.add(new long[] {rs.getLong(1)});
                        codes.add(rs.getString(2));
                    }
                }
            }
            return null;
        });
        long[] times = new long[codes.size()];
        long[] cpus = new long[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            long cpuStart = cpu();
            long start = System.nanoTime();
            app.counterSales().sell(members.get(i)[0], List.of(new PurchaseLine("门票", 1, 10_000)), codes.get(i));
            times[i] = System.nanoTime() - start;
            cpus[i] = cpu() - cpuStart;
        }
        Arrays.sort(times);
        Arrays.sort(cpus);
        System.out.printf("redeem %d coupons one by one: median %.1f ms, p95 %.1f ms, max %.1f ms (CPU median %.1f ms)%n",
                times.length, times[times.length / 2] / 1e6, times[times.length * 95 / 100] / 1e6,
                times[times.length - 1] / 1e6, cpus[cpus.length / 2] / 1e6);
    }

    /** CPU time of this thread: what the work cost, apart from waiting for a core on a busy machine. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
