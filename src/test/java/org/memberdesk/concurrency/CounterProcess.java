package org.memberdesk.concurrency;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.memberdesk.app.AppContext;
import org.memberdesk.cards.CheckIns;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Json;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.coupons.CheckoutService;
import org.memberdesk.db.Database;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;

/**
 * One counter as a program of its own, for {@link CountersTogetherTest} and bench/counters-postgresql.sh. It opens
 * the database once, as a till does at the start of the day, and then does a list of operations through the very
 * services the commands call — {@code sell} ({@link CounterSales#sell}, cash or stored value), {@code redeem} (the
 * same sale with a coupon), {@code checkin} ({@link CheckIns#checkIn}) — finding the member by number as they do, and
 * answering as they do: exit 0 with the command's JSON keys, or exit 3 with the refusal in the shop's words.
 * <p>
 * Why not the command line itself, one process per operation: a new JVM per sale measures the JVM's start (a
 * second or more on this machine), not the sale, and 8 × 500 of them would take the build an hour; and one
 * {@code Cli} object cannot run several command lines (picocli takes a boolean option's initial value from its
 * field, so a second {@code --json} turns the flag off). RedemptionRaceTest and ConcurrentCardsTest race the real
 * command line with two processes.
 * <p>
 * {@code CounterProcess LOCATION OPERATIONS RESULTS READY GO [WARM_UP [PACE_MS]]}: LOCATION a file or {@code postgresql://…};
 * OPERATIONS
 * one a line, fields separated by tabs: {@code sell MEMBER_NO NAME:QTY:CENTS…}, {@code pay MEMBER_NO CENTS} (from
 * stored value), {@code redeem CODE MEMBER_NO CENTS}, {@code checkin WHO}. Says it is ready (the READY file) once the
 * database is open, waits for the GO file so all counters start together, then writes one line per operation to
 * RESULTS: {@code exit<TAB>nanoseconds<TAB>json<TAB>refusal}. WARM_UP (the benchmark's): operations done before saying
 * ready, not counted, so the timed ones find the JIT and the caches warm as a till does after its first customers.
 * PACE_MS (the benchmark's): an operation starts every PACE_MS at most, as a till serving customers rather than
 * one replaying sales back to back (0: back to back); the first after a random part of one pace, so the counters
 * do not all start in step.
 */
public final class CounterProcess {
    private CounterProcess() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> operations = operations(Path.of(args[1]));
        Path results = Path.of(args[2]);
        AppContext app = new AppContext(Database.open(args[0]), Clock.systemDefaultZone());
        app.purchases().totals(); // the first read: connections made, as a till is opened before the first customer
        if (args.length > 5) {
            for (String[] operation : operations(Path.of(args[5]))) {
                try {
                    run(app, operation);
                } catch (ValidationException e) {
                    // a refusal warms up as well
                }
            }
        }
        Files.writeString(Path.of(args[3]), "ready");
        Path go = Path.of(args[4]);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!Files.exists(go) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        long pace = args.length > 6 ? Long.parseLong(args[6]) * 1_000_000L : 0;
        long next = System.nanoTime() + (pace == 0 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextLong(pace));
        List<String> done = new ArrayList<>(operations.size());
        for (String[] operation : operations) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            }
            next += pace;
            long start = System.nanoTime();
            String result;
            try {
                Map<String, Object> out = run(app, operation);
                result = "0\t" + (System.nanoTime() - start) + "\t" + Json.write(out) + "\t";
            } catch (ValidationException e) {
                // the commands' exit 3: the reason in the shop's words, nothing recorded
                result = "3\t" + (System.nanoTime() - start) + "\t\t" + e.problems().stream()
                        .map(problem -> problem.describe(Messages.english())).collect(Collectors.joining("; "));
            } catch (RuntimeException e) {
                result = "1\t" + (System.nanoTime() - start) + "\t\t" + e;
            }
            done.add(result.replaceAll("[\\r\\n]+", " "));
        }
        app.database().close();
        try (BufferedWriter out = Files.newBufferedWriter(results, StandardCharsets.UTF_8)) {
            for (String line : done) {
                out.write(line);
                out.newLine();
            }
        }
    }

    private static List<String[]> operations(Path file) throws java.io.IOException {
        List<String[]> operations = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                operations.add(line.split("\t"));
            }
        }
        return operations;
    }

    private static Map<String, Object> run(AppContext app, String[] operation) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (operation[0]) {
            case "sell", "pay" -> {
                boolean storedValue = operation[0].equals("pay");
                List<PurchaseLine> lines = new ArrayList<>();
                if (storedValue) {
                    lines.add(new PurchaseLine("咖啡", 1, Long.parseLong(operation[2])));
                } else {
                    for (int i = 2; i < operation.length; i++) {
                        String[] line = operation[i].split(":");
                        lines.add(new PurchaseLine(line[0], Integer.parseInt(line[1]), Long.parseLong(line[2])));
                    }
                }
                CounterSales.Sale sale = app.counterSales().sell(member(app, operation[1]).id(), lines, null,
                        storedValue ? new Pay(PayMethod.STORED_VALUE, null) : Pay.CASH);
                out.put("purchase", sale.purchase().purchaseNo());
                out.put("paid_cents", sale.payment().paidCents());
                out.put("points_balance", sale.pointsBalance());
                if (sale.payment().fromStoredValue()) {
                    out.put("stored_value_principal_cents", sale.payment().storedPrincipalCents());
                    out.put("stored_value_bonus_cents", sale.payment().storedBonusCents());
                }
            }
            case "redeem" -> {
                // as the `redeem` command: the member's tier discount, then the coupon, on one counter line
                CounterSales.Sale sale = app.counterSales().sell(member(app, operation[2]).id(),
                        List.of(new PurchaseLine(CheckoutService.COUNTER_ITEM, 1, Long.parseLong(operation[3]))),
                        operation[1]);
                out.put("ok", true);
                out.put("discount_cents", sale.priced().couponDiscountCents());
            }
            case "checkin" -> {
                CheckIns.CheckedIn checkedIn = app.checkIns().checkIn(operation[1], null, null);
                out.put("visit", checkedIn.visitId());
                out.put("card", checkedIn.card().cardNo());
                out.put("sessions_left", checkedIn.card().sessionsLeft());
            }
            default -> throw new IllegalArgumentException("unknown operation " + operation[0]);
        }
        return out;
    }

    private static Member member(AppContext app, String number) {
        return app.members().byNumberOrPhone(number)
                .orElseThrow(() -> new IllegalArgumentException("no such member: " + number));
    }
}
