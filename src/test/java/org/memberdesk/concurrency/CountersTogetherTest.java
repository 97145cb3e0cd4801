package org.memberdesk.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Json;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignDraft;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.Target;
import org.memberdesk.coupons.Validity;
import org.memberdesk.db.Database;
import org.memberdesk.members.Member;
import org.memberdesk.points.LedgerCheck;
import org.memberdesk.purchases.PurchaseStore;
import org.memberdesk.staff.AuditChain;

/**
 * Issue 21's first bar: 8 counters, each a real process of its own ({@link CounterProcess}: the database opened once,
 * then the services the {@code sell}, {@code redeem} and {@code checkin} commands call, answering as they do), on one
 * database at once — the same SQLite file, or the same PostgreSQL database — selling
 * to shared members, checking in on shared session cards until their last sessions are raced, redeeming the same
 * coupons (each tried by every counter: one wins, the others get exit 3 "already used"), and paying from shared
 * stored-value cards until they run dry. Then every invariant the shop relies on is checked against what the counters
 * were told.
 * <p>
 * The command line takes no lock of its own on a SQLite file (db.DatabaseLock is the windows' "one window per
 * database"; support.SingleInstance is only used by ui.DesktopApp's startup): eight processes write to the one file,
 * each write one BEGIN IMMEDIATE transaction waiting its turn (busy timeout). On PostgreSQL each write is one
 * transaction under the database's advisory lock, retried on a serialization failure.
 * <p>
 * Size: {@value #COUNTERS} counters × {@value #DEFAULT_OPERATIONS} operations each by default (every build, both
 * engines); {@code -Dmemberdesk.test.counters.operations=500} runs the issue's full 8 × 500.
 */
@BothEngines
class CountersTogetherTest {
    static final int COUNTERS = 8;
    static final int DEFAULT_OPERATIONS = 60;
    private static final String ITEM = "咖啡";
    /** A stored-value payment: ¥9 a cup. */
    private static final long CUP_CENTS = 900;
    private static final int SHOP_MEMBERS = 10;
    private static final int SESSION_CARDS = 4;
    private static final int STORED_VALUE_CARDS = 3;

    @TempDir
    Path folder;

    @Test
    void eightCountersAtOnceKeepEveryInvariant() throws Exception {
        int operations = Integer.getInteger("memberdesk.test.counters.operations", DEFAULT_OPERATIONS);
        long began = System.nanoTime();
        Database database = TestDatabase.database(folder);
        AppContext app = new AppContext(database, Clock.systemDefaultZone());
        Shop shop = Shop.prepare(app, operations);
        long salesBefore = count(app, "SELECT count(*) FROM purchases WHERE kind = 'sale'");
        Map<String, Long> valueBefore = storedValue(app);

        List<List<Op>> plans = new ArrayList<>();
        for (int c = 0; c < COUNTERS; c++) {
            plans.add(shop.plan(new Random(c), operations));
        }
        String location = database.server().map(Object::toString).orElse(database.file().toString());
        long prepared = System.nanoTime();
        List<List<Outcome>> outcomes = runCounters(location, plans);
        long raced = System.nanoTime();

        // what the counters were told, by kind
        int sold = 0;
        int checkedIn = 0;
        int redeemed = 0;
        int paid = 0;
        int refusedCheckIns = 0;
        int refusedCoupons = 0;
        int refusedPayments = 0;
        long storedValueTaken = 0;
        Map<String, Integer> visitsByCard = new TreeMap<>();
        for (int c = 0; c < COUNTERS; c++) {
            for (int i = 0; i < plans.get(c).size(); i++) {
                Op op = plans.get(c).get(i);
                Outcome outcome = outcomes.get(c).get(i);
                String what = "counter " + c + " op " + i + " " + op + ": exit " + outcome.exit() + " " + outcome.err();
                if (outcome.exit() == 0) {
                    Map<String, Object> json = Json.readObject(outcome.json());
                    switch (op.kind()) {
                        case SALE -> sold++;
                        case CHECK_IN -> {
                            checkedIn++;
                            visitsByCard.merge((String) json.get("card"), 1, Integer::sum);
                        }
                        case COUPON -> redeemed++;
                        case STORED_VALUE -> {
                            paid++;
                            storedValueTaken += ((Number) json.get("stored_value_principal_cents")).longValue()
                                    + ((Number) json.get("stored_value_bonus_cents")).longValue();
                        }
                    }
                    continue;
                }
                // the loser of a race gets the shop's refusal (exit 3), never an error, a deadlock or a retry message
                assertEquals(3, outcome.exit(), what);
                switch (op.kind()) {
                    case CHECK_IN -> {
                        assertTrue(outcome.err().contains("has no sessions left"), what);
                        refusedCheckIns++;
                    }
                    case COUPON -> {
                        assertTrue(outcome.err().contains("was already used"), what);
                        refusedCoupons++;
                    }
                    case STORED_VALUE -> {
                        assertTrue(outcome.err().contains("Stored value holds")
                                || outcome.err().contains("The stored value is short"), what);
                        refusedPayments++;
                    }
                    case SALE -> throw new AssertionError("a plain sale was refused: " + what);
                }
            }
        }
        int tried = COUNTERS * operations;
        // in the test report (system-out): what the race came to
        System.out.printf("%d counters x %d operations on %s: %d sales, %d check-ins (%d refused), %d coupons redeemed"
                + " (%d refused), %d stored-value payments (%d refused); the shop prepared in %.1f s, the counters"
                + " opened and done in %.1f s (the race itself %.1f s)%n", COUNTERS, operations, database.dialect(),
                sold, checkedIn, refusedCheckIns, redeemed, refusedCoupons, paid, refusedPayments,
                (prepared - began) / 1e9, (raced - prepared) / 1e9, race / 1e9);
        assertEquals(tried, sold + checkedIn + redeemed + paid + refusedCheckIns + refusedCoupons + refusedPayments);

        // every coupon was tried by every counter: each redeemed exactly once, the other tries told "already used"
        assertEquals(shop.codes.size(), redeemed, "coupons redeemed");
        assertEquals((long) shop.codes.size() * (COUNTERS - 1), refusedCoupons, "coupon tries refused");
        assertEquals(redeemed, count(app, "SELECT count(*) FROM coupons WHERE used_at IS NOT NULL"));
        assertEquals(redeemed, count(app, "SELECT count(DISTINCT purchase_id) FROM coupons WHERE used_at IS NOT NULL"));
        assertEquals(0, count(app, """
                SELECT count(*) FROM coupons c JOIN purchases p ON p.id = c.purchase_id
                WHERE p.member_id <> c.member_id OR p.kind <> 'sale'"""), "a coupon's purchase is its member's sale");

        // session cards: more check-ins were tried than they had sessions, so every card ended with none left;
        // used = the check-ins the counters were told of, never more than sold
        assertTrue(refusedCheckIns > 0, "the last sessions were raced");
        for (String card : shop.sessionCards) {
            long sold0 = count(app, "SELECT sessions_sold FROM cards WHERE card_no = ?", card);
            long left = count(app, "SELECT sessions_left FROM cards WHERE card_no = ?", card);
            long visits = count(app, "SELECT count(*) FROM visits v JOIN cards c ON c.id = v.card_id WHERE c.card_no = ?",
                    card);
            assertEquals(0, left, card + " sessions left");
            assertEquals(sold0, visits, card + " visits = sessions sold");
            assertEquals(visits, (long) visitsByCard.getOrDefault(card, 0), card + " visits = check-ins told");
        }
        assertEquals(checkedIn, count(app, "SELECT count(*) FROM visits"));

        // stored value: never below zero, drained as far as a cup goes, and what it lost = what the payments took
        assertTrue(refusedPayments > 0, "the stored value ran dry under the race");
        Map<String, Long> valueAfter = storedValue(app);
        long lost = 0;
        for (String card : shop.storedValueCards) {
            long after = valueAfter.get(card);
            assertTrue(after >= 0 && after < CUP_CENTS, card + " left with " + after + " cents");
            lost += valueBefore.get(card) - after;
        }
        assertEquals(storedValueTaken, lost, "stored value taken = what the successful payments reported");
        assertEquals(paid, count(app, "SELECT count(*) FROM card_entries WHERE kind = 'payment'"));
        assertTrue(app.cardReports().check().ok(), app.cardReports().check().problems().toString());

        // purchases: one per successful sale, redemption and payment
        assertEquals(salesBefore + sold + redeemed + paid, count(app, "SELECT count(*) FROM purchases WHERE kind = 'sale'"));

        // points ledger = balances
        LedgerCheck ledger = app.points().checkLedger();
        assertEquals(0, ledger.bad(), ledger.firstBad().toString());

        // the kept totals and the members' kept statistics = counted again from the rows
        PurchaseStore store = new PurchaseStore();
        PurchaseStore.Totals kept = database.read(store::totals);
        PurchaseStore.Totals counted = database.read(store::recomputeTotals);
        assertEquals(counted, kept);
        assertEquals(0, count(app, """
                SELECT count(*) FROM members m
                WHERE m.purchase_count <> (SELECT count(*) FROM purchases p WHERE p.member_id = m.id AND p.kind = 'sale')
                   OR m.spent_cents <> (SELECT coalesce(sum(p.total_cents), 0) FROM purchases p
                                        WHERE p.member_id = m.id AND p.kind = 'sale')
                   OR coalesce(m.last_purchase_at, '') <> coalesce((SELECT max(p.time) FROM purchases p
                                        WHERE p.member_id = m.id AND p.kind = 'sale'), '')
                   OR m.visit_count <> (SELECT count(*) FROM visits v WHERE v.member_id = m.id)"""),
                "members whose kept statistics differ from their purchases and visits");

        // the operation log: one entry per thing done, its hash chain unbroken
        AuditChain.Verification chain = app.operationLog().verify();
        assertTrue(chain.intact(), "the operation log breaks at " + chain.brokenAt());
    }

    // ---- the counters ----

    private record Outcome(int exit, long nanos, String json, String err) {
    }

    /** How long the counters took from the common start to the last one's end. */
    private long race;

    private List<List<Outcome>> runCounters(String location, List<List<Op>> plans) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path go = folder.resolve("go");
        List<Process> processes = new ArrayList<>();
        List<Path> ready = new ArrayList<>();
        List<Path> results = new ArrayList<>();
        List<Path> errors = new ArrayList<>();
        for (int c = 0; c < plans.size(); c++) {
            Path commands = folder.resolve("counter" + c + ".commands");
            List<String> lines = plans.get(c).stream().map(op -> String.join("\t", op.args())).toList();
            Files.write(commands, lines, StandardCharsets.UTF_8);
            ready.add(folder.resolve("ready" + c));
            results.add(folder.resolve("counter" + c + ".results"));
            errors.add(folder.resolve("counter" + c + ".err"));
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "-Xmx256m", "-Duser.home=" + folder, "-Dfile.encoding=UTF-8"));
            // the server's password: from PGPASSWORD (inherited) or the tester's own ~/.pgpass
            Path pgpass = Path.of(System.getProperty("user.home"), ".pgpass");
            if (System.getenv("PGPASSFILE") == null && Files.exists(pgpass)) {
                command.add("-Dorg.postgresql.pgpassfile=" + pgpass);
            }
            command.addAll(List.of(CounterProcess.class.getName(), location, commands.toString(),
                    results.get(c).toString(), ready.get(c).toString(), go.toString()));
            processes.add(new ProcessBuilder(command).redirectOutput(folder.resolve("counter" + c + ".out").toFile())
                    .redirectError(errors.get(c).toFile()).start());
            // two counters opening at a time, as this machine has two cores (they all wait for the go file): eight JVMs
            // loading classes and logging in at once on it, under load, once took a login past the app's 5-second limit
            if (c >= 1) {
                awaitReady(processes.get(c - 1), ready.get(c - 1), errors.get(c - 1), c - 1);
            }
        }
        awaitReady(processes.get(plans.size() - 1), ready.get(plans.size() - 1), errors.get(plans.size() - 1),
                plans.size() - 1);
        Files.writeString(go, "go");
        long start = System.nanoTime();
        for (int c = 0; c < processes.size(); c++) {
            assertTrue(processes.get(c).waitFor(600, TimeUnit.SECONDS), "counter " + c + " did not finish");
        }
        race = System.nanoTime() - start;
        List<List<Outcome>> outcomes = new ArrayList<>();
        for (int c = 0; c < processes.size(); c++) {
            assertEquals(0, processes.get(c).exitValue(), Files.readString(errors.get(c), StandardCharsets.UTF_8));
            List<Outcome> mine = new ArrayList<>();
            for (String line : Files.readAllLines(results.get(c), StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", -1);
                mine.add(new Outcome(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), parts[2], parts[3]));
            }
            assertEquals(plans.get(c).size(), mine.size(), "counter " + c + " results");
            outcomes.add(mine);
        }
        return outcomes;
    }

    private static void awaitReady(Process process, Path ready, Path errors, int counter) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(ready) && System.nanoTime() < deadline) {
            assertTrue(process.isAlive() || Files.exists(ready),
                    "counter " + counter + " stopped: " + Files.readString(errors, StandardCharsets.UTF_8));
            Thread.sleep(20);
        }
        assertTrue(Files.exists(ready), "counter " + counter + " opened the database");
    }

    enum Kind { SALE, CHECK_IN, COUPON, STORED_VALUE }

    /** One thing a counter does: its kind and its line for {@link CounterProcess}. */
    record Op(Kind kind, List<String> args) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    /**
     * The shared shop: members bought for at every counter, session cards with fewer sessions than the check-ins
     * tried, one coupon per member of a campaign (every counter tries every coupon, in the same order), and
     * stored-value cards holding about half of what the counters try to pay from them.
     */
    private static final class Shop {
        final List<String> shopMembers = new ArrayList<>();
        final List<String> sessionMembers = new ArrayList<>();
        final List<String> sessionCards = new ArrayList<>();
        final List<String> storedValueMembers = new ArrayList<>();
        final List<String> storedValueCards = new ArrayList<>();
        /** The coupons in the order every counter tries them, with their members. */
        final List<String> codes = new ArrayList<>();
        final Map<String, String> codeMember = new HashMap<>();

        static Shop prepare(AppContext app, int operations) {
            Shop shop = new Shop();
            int phone = 0;
            for (int i = 1; i <= SHOP_MEMBERS; i++) {
                shop.shopMembers.add(add(app, "S%02d".formatted(i), "顾客" + i, ++phone).memberNo());
            }
            // a quarter of the operations are check-ins: the cards together hold half of what is tried
            int checkIns = COUNTERS * quarter(operations);
            int sessions = Math.max(1, checkIns / 2 / SESSION_CARDS);
            long sessionProduct = app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "次卡" + sessions
                    + "次", 10_000, 0, sessions, 365, null, 0, 0, true, false));
            for (int i = 1; i <= SESSION_CARDS; i++) {
                Member member = add(app, "C%02d".formatted(i), "健身" + i, ++phone);
                shop.sessionMembers.add(member.memberNo());
                shop.sessionCards.add(app.cards().sell(member.id(), sessionProduct, Pay.CASH, null, null).card().cardNo());
            }
            // a quarter are stored-value payments of a cup each: the cards hold about half of them (5/6 paid, 1/6 bonus)
            int payments = COUNTERS * quarter(operations);
            long holds = Math.max(2, payments / 2 / STORED_VALUE_CARDS) * CUP_CENTS;
            long bonus = holds / 6;
            long valueProduct = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "储值卡",
                    holds - bonus, bonus, null, null, null, 0, 0, true, false));
            for (int i = 1; i <= STORED_VALUE_CARDS; i++) {
                Member member = add(app, "V%02d".formatted(i), "储值" + i, ++phone);
                shop.storedValueMembers.add(member.memberNo());
                shop.storedValueCards.add(app.cards().sell(member.id(), valueProduct, Pay.CASH, null, null).card()
                        .cardNo());
            }
            // a quarter are coupon redemptions: one coupon for each, every counter trying each in turn
            int coupons = quarter(operations);
            List<String> holders = new ArrayList<>();
            List<Member> couponMembers = new ArrayList<>();
            for (int i = 1; i <= coupons; i++) {
                Member member = add(app, "K%03d".formatted(i), "券" + i, ++phone);
                holders.add(member.memberNo());
                couponMembers.add(member);
            }
            Campaign campaign = app.campaigns().create(new CampaignDraft("八台同时", null,
                    new Coupon(0, "立减20", CouponKind.CASH, 2_000, null, null, 0, List.of(), Validity.days(30)),
                    Target.parse("list:" + String.join(",", holders)), null, 0, 1L));
            app.campaigns().issue(campaign.id());
            for (Member member : couponMembers) {
                String code = app.campaigns().memberCoupons(member.id()).get(0).code();
                shop.codes.add(code);
                shop.codeMember.put(code, member.memberNo());
            }
            return shop;
        }

        private static int quarter(int operations) {
            return Math.max(1, operations / 4);
        }

        private static Member add(AppContext app, String number, String name, int phone) {
            return app.members().add(TestDatabase.member(number, name, "139%08d".formatted(phone)));
        }

        /** A counter's operations in a shuffled order; coupons in the shared order, so counters race for each. */
        List<Op> plan(Random random, int operations) {
            int each = quarter(operations);
            List<Op> others = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                others.add(new Op(Kind.CHECK_IN, List.of("checkin",
                        sessionMembers.get(random.nextInt(sessionMembers.size())))));
                others.add(new Op(Kind.STORED_VALUE, List.of("pay",
                        storedValueMembers.get(random.nextInt(storedValueMembers.size())), Long.toString(CUP_CENTS))));
            }
            while (others.size() + each < operations) {
                others.add(new Op(Kind.SALE, List.of("sell", shopMembers.get(random.nextInt(shopMembers.size())),
                        "私教课:1:" + (1_000 + random.nextInt(30_000)), ITEM + ":2:3000")));
            }
            java.util.Collections.shuffle(others, random);
            // the coupons go in at evenly spread places, in the same order at every counter
            List<Op> plan = new ArrayList<>(others);
            for (int i = 0; i < each; i++) {
                String code = codes.get(i);
                int at = Math.min(plan.size(), (int) ((long) i * operations / each));
                plan.add(at, new Op(Kind.COUPON, List.of("redeem", code, codeMember.get(code), "12000")));
            }
            return plan;
        }
    }

    // ---- reading the database ----

    private static Map<String, Long> storedValue(AppContext app) {
        return app.database().read(connection -> {
            Map<String, Long> value = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT card_no, principal_cents + bonus_cents FROM cards WHERE kind = 'stored-value'")) {
                while (rs.next()) {
                    value.put(rs.getString(1), rs.getLong(2));
                }
            }
            return value;
        });
    }

    private static long count(AppContext app, String sql, String... parameters) {
        return app.database().read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        });
    }
}
