package org.memberdesk.bench;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Json;
import org.memberdesk.db.Database;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;

/**
 * Times purchases typed at the counter on a big database, the full path: one transaction, the
 * purchase and member statistics, points earned, and a possible tier upgrade. Run by
 * bench/points-and-tiers.sh: {@code CounterBenchmark DB N}. Adds N purchases to the database.
 */
public final class CounterBenchmark {
    private CounterBenchmark() {
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
        Random random = new Random(7);
        long[] nanos = new long[count];
        int upgrades = 0;
        // warm up the JIT and the page cache on a few purchases that are not counted
        for (int i = 0; i < 50; i++) {
            record(app, random, 1 + random.nextLong(maxId), "W");
        }
        for (int i = 0; i < count; i++) {
            long memberId = 1 + random.nextLong(maxId);
            String before = app.members().byId(memberId).orElseThrow().tier();
            long start = System.nanoTime();
            record(app, random, memberId, "B");
            nanos[i] = System.nanoTime() - start;
            String after = app.members().byId(memberId).orElseThrow().tier();
            if (after != null && !after.equals(before)) {
                upgrades++;
            }
        }
        Arrays.sort(nanos);
        long total = Arrays.stream(nanos).sum();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("purchases", count);
        out.put("upgrades", upgrades);
        out.put("mean_ms", round(total / (double) count / 1e6));
        out.put("p50_ms", round(nanos[count / 2] / 1e6));
        out.put("p95_ms", round(nanos[(int) (count * 0.95)] / 1e6));
        out.put("max_ms", round(nanos[count - 1] / 1e6));
        System.out.println(Json.write(out));
    }

    /** A sale of ¥50-¥3,000 now: large enough that some members cross a threshold. */
    private static Purchase record(AppContext app, Random random, long memberId, String prefix) {
        long cents = 5_000 + random.nextLong(295_000) / 100 * 100;
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        return app.purchases().record(new PurchaseDraft(null, memberId, now,
                List.of(new PurchaseLine(prefix.equals("W") ? "餐饮" : "年卡", 1, cents)), null), false);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
