package org.memberdesk.bench;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Json;
import org.memberdesk.common.Money;
import org.memberdesk.db.Database;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.staff.AuditChain;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;

/**
 * Issue 18's bar "writing a log entry adds < 1 ms p95 to a counter sale", on a big database: the log is first filled
 * to a shop's years of entries (PREFILL, in transactions of 10,000), then N times: a real counter sale through
 * {@link CounterSales#sell} (timed whole: with the log entry once the counter writes one, without it before), and
 * right after it a write transaction that records the sale's log entry, timed twice — {@link OperationLog#record}
 * alone inside the transaction (what the entry adds to the sale's own work: the chain's last link, SHA-256, the
 * INSERT with its indexes), and the whole transaction with its BEGIN IMMEDIATE and COMMIT (an upper bound: in a sale
 * the entry's pages go out with the sale's own commit). The bench measures the log write itself, so it holds whether
 * or not CounterSales writes its entry yet. Run by bench/operation-log.sh: {@code OperationLogBenchmark DB N
 * [PREFILL]}. Adds N sales, 2N entries (N when the sale writes none) and PREFILL entries to the database.
 */
public final class OperationLogBenchmark {
    private OperationLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int prefill = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        AppContext app = new AppContext(Database.open(file), Clock.systemDefaultZone());
        OperationLog log = app.operationLog();
        long maxId = app.database().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT max(id) FROM members")) {
                rs.next();
                return rs.getLong(1);
            }
        });

        long fillStart = System.nanoTime();
        for (int done = 0; done < prefill; ) {
            int batch = Math.min(10_000, prefill - done);
            int from = done;
            app.database().write(connection -> {
                for (int i = 0; i < batch; i++) {
                    log.record(connection, OperationLog.Entry.of(Operation.SALE, 1 + (from + i) % maxId,
                            "P-prefill-" + (from + i), "¥128.00, 2 lines"));
                }
                return null;
            });
            done += batch;
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        long entriesBefore = log.count();

        Random random = new Random(18);
        for (int i = 0; i < 200; i++) { // warm up the JIT and the page cache; not counted
            CounterSales.Sale sale = sell(app, random, 1 + random.nextLong(maxId));
            recordOwnTransaction(app, log, sale, new long[1], new long[1], 0);
        }
        long logBeforeSales = log.count();
        long[] sales = new long[count];
        long[] records = new long[count];
        long[] transactions = new long[count];
        for (int i = 0; i < count; i++) {
            long memberId = 1 + random.nextLong(maxId);
            long start = System.nanoTime();
            CounterSales.Sale sale = sell(app, random, memberId);
            sales[i] = System.nanoTime() - start;
            recordOwnTransaction(app, log, sale, records, transactions, i);
        }
        long written = log.count() - logBeforeSales;

        long verifyStart = System.nanoTime();
        AuditChain.Verification verified = log.verify();
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("members", maxId);
        out.put("log_entries_before", entriesBefore);
        out.put("prefill_s", round(fillSeconds));
        out.put("sales", count);
        // N: only the bench's own entries; 2N: the counter writes one per sale as well
        out.put("sale_writes_its_entry", written == 2L * count);
        describe(out, "sale", sales);
        describe(out, "log_record", records);
        describe(out, "log_record_own_tx", transactions);
        out.put("verify_entries", verified.entries());
        out.put("verify_broken_at", verified.brokenAt());
        out.put("verify_s", round(verifySeconds));
        System.out.println(Json.write(out));
    }

    /** The sale's log entry in a write transaction of its own: record() timed inside, and the whole transaction. */
    private static void recordOwnTransaction(AppContext app, OperationLog log, CounterSales.Sale sale, long[] records,
            long[] transactions, int i) {
        OperationLog.Entry entry = OperationLog.Entry.of(Operation.SALE, sale.purchase().memberId(),
                sale.purchase().purchaseNo(), Money.formatYuan(sale.priced().paidCents()) + ", 2 lines");
        long start = System.nanoTime();
        app.database().write(connection -> {
            long inside = System.nanoTime();
            log.record(connection, entry);
            records[i] = System.nanoTime() - inside;
            return null;
        });
        transactions[i] = System.nanoTime() - start;
    }

    /** Two lines of ¥50–¥1,500 each (two units of the first), no coupon. */
    private static CounterSales.Sale sell(AppContext app, Random random, long memberId) {
        long first = 5_000 + random.nextLong(145_000) / 100 * 100;
        long second = 5_000 + random.nextLong(145_000) / 100 * 100;
        return app.counterSales().sell(memberId, List.of(new PurchaseLine("年卡", 2, first * 2),
                new PurchaseLine("餐饮", 1, second)), null);
    }

    private static void describe(Map<String, Object> out, String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        out.put(what + "_p50_ms", round3(sorted[sorted.length / 2] / 1e6));
        out.put(what + "_p95_ms", round3(sorted[(int) (sorted.length * 0.95)] / 1e6));
        out.put(what + "_p99_ms", round3(sorted[(int) (sorted.length * 0.99)] / 1e6));
        out.put(what + "_max_ms", round3(sorted[sorted.length - 1] / 1e6));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
