package org.memberdesk.bench;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.memberdesk.app.AppContext;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.CardReports;
import org.memberdesk.cards.CheckIns;
import org.memberdesk.common.Json;
import org.memberdesk.db.Database;

/**
 * Issue 16's card bars on a big database, run by bench/cards.sh:
 * <ul>
 * <li>{@code products DB}: the four products the cards file names (储值 ¥1,000 + ¥200, 十次卡 10 sessions in 90 days,
 * 月卡 30 days once a day, 年卡 365 days);</li>
 * <li>{@code cards-csv FILE N MEMBERS}: an import-cards file of N cards of members B0000001 … (a third stored value,
 * a third session cards, a sixth each 月卡 and 年卡), dated around today so that passes end every day;</li>
 * <li>{@code measure DB N}: N check-ins through {@link CheckIns} (one transaction each, members with a card usable
 * today, picked at random), then {@code liability} and the 7-day ending-soon list five times each, then the card
 * check; prints one JSON object.</li>
 * </ul>
 */
public final class CardsBenchmark {
    private CardsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "products" -> products(Path.of(args[1]));
            case "cards-csv" -> cardsFile(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "measure" -> measure(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void products(Path db) {
        AppContext app = new AppContext(Database.open(db), Clock.systemDefaultZone());
        app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "储值", 100_000, 20_000, null, null, null, 0, 0,
                true, false));
        app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "十次卡", 80_000, 0, 10, 90, null, 0, 0, true,
                false));
        app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, 1, 1, 7, true, false));
        app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "年卡", 198_000, 0, null, 365, null, 2, 30, true,
                false));
    }

    private static void cardsFile(Path file, int count, int members) throws Exception {
        LocalDate today = LocalDate.now();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("member_no,product,principal,bonus,sessions_left,valid_from,valid_to,paid\n");
            for (int i = 1; i <= count; i++) {
                String member = String.format("B%07d", 1 + (int) ((i * 7_919L) % members));
                switch (i % 6) {
                    case 0, 3 -> out.write(member + ",储值," + (100 + i % 900) + "," + (i % 100) + ",,,,\n");
                    case 1, 4 -> {
                        LocalDate from = today.minusDays(i % 80);
                        out.write(member + ",十次卡,,," + (1 + i % 10) + "," + from + "," + from.plusDays(89) + ","
                                + (80 * (1 + i % 10)) + "\n");
                    }
                    case 2 -> {
                        LocalDate from = today.minusDays(i % 40);
                        out.write(member + ",月卡,,,," + from + "," + from.plusDays(29) + ",300\n");
                    }
                    default -> {
                        LocalDate from = today.minusDays(i % 330);
                        out.write(member + ",年卡,,,," + from + "," + from.plusDays(364) + ",1980\n");
                    }
                }
            }
        }
    }

    private static void measure(Path db, int count) {
        AppContext app = new AppContext(Database.open(db), Clock.systemDefaultZone());
        LocalDate today = LocalDate.now();
        // members holding a card usable today: a session card with sessions left or a pass, valid today, with no
        // visit on it today (月卡 lets in once a day)
        List<String> usable = app.database().read(connection -> {
            List<String> members = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT DISTINCT m.member_no FROM cards c JOIN members m ON m.id = c.member_id
                    WHERE c.kind IN ('sessions', 'period') AND c.refunded_at IS NULL AND c.valid_from <= ?1
                      AND c.valid_to >= ?1 AND (c.sessions_left IS NULL OR c.sessions_left > 0)
                      AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.card_id = c.id AND v.time >= ?1)""")) {
                statement.setString(1, today.toString());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        members.add(rs.getString(1));
                    }
                }
            }
            return members;
        });
        Collections.shuffle(usable, new Random(16));
        for (int i = 0; i < 50; i++) { // warm up the JIT and the page cache; not counted
            app.checkIns().checkIn(usable.get(i), null, null);
        }
        // wall time, and this thread's CPU time (SQLite runs on it too): on a shared, loaded machine the CPU time
        // says what the work costs, the wall time what a cashier would have waited here and now
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] checkIns = new long[count];
        long[] checkInsCpu = new long[count];
        for (int i = 0; i < count; i++) {
            String member = usable.get(50 + i);
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            app.checkIns().checkIn(member, null, null);
            checkIns[i] = System.nanoTime() - start;
            checkInsCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
        }
        long[] liability = new long[5];
        long[] liabilityCpu = new long[5];
        CardReports.Liability owed = null;
        for (int i = 0; i < liability.length; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            owed = app.cardReports().liability(null);
            liability[i] = System.nanoTime() - start;
            liabilityCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
        }
        long[] expiring = new long[5];
        long[] expiringCpu = new long[5];
        int ending = 0;
        for (int i = 0; i < expiring.length; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            ending = app.cardReports().expiring(7, null).size();
            expiring[i] = System.nanoTime() - start;
            expiringCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
        }
        long checkStart = System.nanoTime();
        CardReports.CardCheck check = app.cardReports().check();
        long checkNanos = System.nanoTime() - checkStart;

        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("members_with_a_usable_card", usable.size());
        out.put("checkins", count);
        out.put("checkin_ms", summary(checkIns));
        out.put("checkin_cpu_ms", summary(checkInsCpu));
        out.put("liability_ms", summary(liability));
        out.put("liability_cpu_ms", summary(liabilityCpu));
        out.put("liability", Map.of("principal_cents", owed.storedValuePrincipalCents(), "bonus_cents",
                owed.storedValueBonusCents(), "sessions_left", owed.sessionsLeft(), "sessions_value_cents",
                owed.sessionsValueCents(), "valid_passes", owed.validPasses()));
        out.put("expiring_7_days_ms", summary(expiring));
        out.put("expiring_7_days_cpu_ms", summary(expiringCpu));
        out.put("expiring_7_days", ending);
        out.put("check_cards", Map.of("cards", check.cards(), "ok", check.ok(), "ms", ms(checkNanos)));
        System.out.println(Json.write(out));
    }

    private static Map<String, Object> summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("min", ms(sorted[0]));
        summary.put("p50", ms(sorted[sorted.length / 2]));
        summary.put("p95", ms(sorted[(int) Math.ceil(sorted.length * 0.95) - 1]));
        summary.put("max", ms(sorted[sorted.length - 1]));
        return summary;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
