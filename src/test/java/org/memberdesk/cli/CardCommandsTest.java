package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Json;
import org.memberdesk.db.Database;
import org.memberdesk.members.MemberDetails;

/**
 * The card commands end to end on a file database, as a script calls them; "now" is Sunday 2026-11-22 12:00, earlier
 * days are recorded with {@code --at}. Products made in {@link #setUp()}: 1 充1000送200 (stored value: pay ¥1,000, get
 * ¥200 on top), 2 月卡 (a 30-day pass, 1 entry a day, 2 freezes of 14 days in all), 3 私教10次 (10 sessions in 90 days,
 * no freezes). Default growth rules: 1 point per yuan at the entry tier, 银卡 from ¥1,000 of spend.
 */
class CardCommandsTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 12, 0);
    private static final Clock CLOCK = Clock.fixed(NOW.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @TempDir
    Path folder;
    Path db;

    record Run(int exit, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = new Cli(CLOCK).run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }

    /** Runs a command that must succeed and returns its JSON. */
    private Map<String, Object> ok(String... args) {
        Run run = run(args);
        assertEquals(0, run.exit(), () -> String.join(" ", args) + " → " + run.err());
        return run.json();
    }

    /** Runs a command that must be refused (exit 3, nothing on stdout) and returns the reason on stderr. */
    private String refused(String... args) {
        Run run = run(args);
        assertEquals(3, run.exit(), () -> String.join(" ", args) + " → " + run.out() + " / " + run.err());
        assertEquals("", run.out());
        return run.err();
    }

    /** Runs a command that is a usage error (exit 2, the synopsis on stderr). */
    private void usage(String... args) {
        Run run = run(args);
        assertEquals(2, run.exit(), () -> String.join(" ", args) + " → " + run.out() + " / " + run.err());
        assertTrue(run.err().contains("usage: memberdesk"), run.err());
        assertEquals("", run.out());
    }

    @BeforeEach
    void setUp() {
        db = folder.resolve("shop.db");
        AppContext app = new AppContext(Database.open(db), CLOCK);
        app.members().add(new MemberDetails("M001", "王芳", "13812345678", null, null, LocalDate.of(2025, 1, 1),
                null, null, null, null));
        app.members().add(new MemberDetails("M002", "李雷", "13900001111", null, null, LocalDate.of(2025, 1, 1),
                null, null, null, null));
        assertEquals(Map.of("product", 1), ok("card-product", "add", "--kind", "stored-value", "--name", "充1000送200",
                "--price", "1000", "--bonus", "200", "--json"));
        assertEquals(Map.of("product", 2), ok("card-product", "add", "--kind", "period", "--name", "月卡", "--price",
                "300", "--days", "30", "--per-day", "1", "--max-freezes", "2", "--max-freeze-days", "14", "--json"));
        assertEquals(Map.of("product", 3), ok("card-product", "add", "--kind", "sessions", "--name", "私教10次",
                "--price", "2000", "--sessions", "10", "--days", "90", "--json"));
    }

    private Map<String, Object> stats() {
        return ok("stats", "--json");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> cardOf(String memberNo, String cardNo) {
        List<Map<String, Object>> cards = (List<Map<String, Object>>) ok("card", "list", memberNo, "--json")
                .get("cards");
        return cards.stream().filter(card -> card.get("card").equals(cardNo)).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void cardProductAddAndListGiveEveryKeyAndBadValuesAreUsageErrorsOrRefusals() {
        assertEquals(Map.of("product", 4), ok("card-product", "add", "--kind", "period", "--name", "年卡", "--price",
                "1200.50", "--days", "365", "--no-refund", "--tier-discount", "--json"));
        List<Map<String, Object>> products = (List<Map<String, Object>>) ok("card-product", "list", "--json")
                .get("products");
        assertEquals(4, products.size());
        Map<String, Object> year = products.stream().filter(p -> p.get("id").equals(4)).findFirst().orElseThrow();
        assertEquals("{\"id\":4,\"kind\":\"period\",\"name\":\"年卡\",\"price_cents\":120050,\"bonus_cents\":0,"
                + "\"sessions\":null,\"days\":365,\"per_day\":null,\"max_freezes\":0,\"max_freeze_days\":0,"
                + "\"refundable\":false,\"tier_discount\":true,\"archived\":false}", Json.write(year));
        Map<String, Object> stored = products.stream().filter(p -> p.get("id").equals(1)).findFirst().orElseThrow();
        assertEquals(100_000, stored.get("price_cents"));
        assertEquals(20_000, stored.get("bonus_cents"));
        assertEquals("stored-value", stored.get("kind"));

        usage("card-product", "add", "--kind", "monthly", "--name", "x", "--price", "1", "--json");
        usage("card-product", "add", "--kind", "period", "--name", "x", "--price", "三百", "--days", "30", "--json");
        usage("card-product", "add", "--kind", "period", "--name", "x", "--days", "30", "--json"); // no --price
        // a session card without sessions makes no sense: the service refuses it in the shop's words
        String why = refused("card-product", "add", "--kind", "sessions", "--name", "x", "--price", "1", "--days",
                "30", "--json");
        assertTrue(why.contains("A session card needs a number of sessions"), why);
        assertTrue(refused("card-product", "add", "--kind", "period", "--name", "月卡", "--price", "1", "--days", "3",
                "--json").contains("There is already a card called 月卡"));
        assertEquals(4, ((List<?>) ok("card-product", "list", "--json").get("products")).size());
    }

    @Test
    void cardSellOfEachKindGivesItsDatesSessionsAndBalances() {
        assertEquals("{\"card\":\"C000001\",\"purchase\":null,\"valid_from\":null,\"valid_to\":null,\"sessions\":null,"
                        + "\"principal_cents\":100000,\"bonus_cents\":20000,\"paid_cents\":100000}",
                run("card", "sell", "M001", "--product", "1", "--json").out());
        // a pass sold on 1 November from a paper log: 1 Nov + 30 days − 1 = 30 Nov, the first purchase of that day
        assertEquals("{\"card\":\"C000002\",\"purchase\":\"P20261101-0001\",\"valid_from\":\"2026-11-01\","
                        + "\"valid_to\":\"2026-11-30\",\"sessions\":null,\"principal_cents\":null,\"bonus_cents\":null,"
                        + "\"paid_cents\":30000}",
                run("card", "sell", "M001", "--product", "2", "--pay", "wechat", "--at", "2026-11-01 10:00",
                        "--json").out());
        // renewed today while it is valid: starts the day after it ends, 1 Dec … 1 Dec + 29 = 30 Dec
        Map<String, Object> renewal = ok("card", "sell", "M001", "--product", "2", "--json");
        assertEquals("C000003", renewal.get("card"));
        assertEquals("P20261122-0001", renewal.get("purchase"));
        assertEquals("2026-12-01", renewal.get("valid_from"));
        assertEquals("2026-12-30", renewal.get("valid_to"));
        // sessions from 25 Nov: 6 days of November + 31 + 31 + 22 = 90, so the last day is 22 Feb 2027
        Map<String, Object> sessions = ok("card", "sell", "M002", "--product", "3", "--start", "2026-11-25",
                "--json");
        assertEquals("2026-11-25", sessions.get("valid_from"));
        assertEquals("2027-02-22", sessions.get("valid_to"));
        assertEquals(10, sessions.get("sessions"));
        assertEquals(200_000, sessions.get("paid_cents"));
        // spend counts the passes and the session card, not the stored value: 30,000 × 2 + 200,000
        assertEquals(Map.of("members", 2, "purchases", 3, "returns", 0, "revenue_cents", 260_000), stats());
    }

    @Test
    void cardSellPaidFromStoredValueShowsThePrincipalAndBonusParts() {
        ok("card", "sell", "M001", "--product", "1", "--json");
        // 月卡 ¥300 from 100,000 + 20,000: bonus ⌊30,000 × 20,000 ÷ 120,000⌋ = 5,000, principal 25,000
        Map<String, Object> sold = ok("card", "sell", "M001", "--product", "2", "--pay", "stored-value", "--json");
        assertEquals(25_000, sold.get("paid_cents"));
        assertEquals(25_000, sold.get("stored_value_principal_cents"));
        assertEquals(5_000, sold.get("stored_value_bonus_cents"));
        Map<String, Object> card = cardOf("M001", "C000001");
        assertEquals(75_000, card.get("principal_cents"));
        assertEquals(15_000, card.get("bonus_cents"));
        // stored value cannot buy stored value
        assertTrue(refused("card", "sell", "M001", "--product", "1", "--pay", "stored-value", "--json")
                .contains("Stored value cannot be bought with stored value"));
    }

    @Test
    void cardSellUsageErrorsAndAFutureAtAreExit2And3() {
        usage("card", "sell", "M001", "--product", "2", "--pay", "paypal", "--json");
        usage("card", "sell", "M001", "--product", "2", "--pay", "cash+wechat", "--json");
        usage("card", "sell", "M001", "--product", "2", "--at", "22/11/2026 10:00", "--json");
        usage("card", "sell", "M001", "--product", "2", "--at", "2026-11-31 10:00", "--json");
        usage("card", "sell", "M001", "--product", "2", "--start", "2026-13-01", "--json");
        usage("card", "sell", "M001", "--json"); // no --product
        String future = refused("card", "sell", "M001", "--product", "2", "--at", "2026-11-22 12:01", "--json");
        assertEquals("error: The time 2026-11-22 12:01:00 is in the future: a record made later can only be for"
                + " something that already happened.", future);
        assertTrue(refused("card", "sell", "M001", "--product", "9", "--json").contains("no card product 9"));
        assertEquals(Map.of("members", 2, "purchases", 0, "returns", 0, "revenue_cents", 0), stats());
    }

    @Test
    @SuppressWarnings("unchecked")
    void topupBonusLadderAndATopUpAddTheHighestStepReached() {
        assertEquals(Map.of("steps", 2), ok("topup-bonus", "set", "500:50,1000:150", "--json"));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ok("topup-bonus", "list", "--json")
                .get("steps");
        assertEquals(List.of(Map.of("amount_cents", 50_000, "bonus_cents", 5_000),
                Map.of("amount_cents", 100_000, "bonus_cents", 15_000)), steps);
        usage("topup-bonus", "set", "500", "--json");
        usage("topup-bonus", "set", "500:50,500:60", "--json");
        assertTrue(refused("topup-bonus", "set", "100:200", "--json").contains("the bonus at most the amount"));

        ok("card", "sell", "M001", "--product", "1", "--json");
        // ¥1,200 reaches the ¥1,000 step: +¥150 (not 50 + 150); balances 100,000 + 120,000 and 20,000 + 15,000
        assertEquals("{\"principal_cents\":120000,\"bonus_cents\":15000,\"balance_principal_cents\":220000,"
                        + "\"balance_bonus_cents\":35000}",
                run("card", "topup", "C000001", "--amount", "1200", "--pay", "wechat", "--json").out());
        // ¥499.99 is under the first step: no bonus
        assertEquals(0, ok("card", "topup", "C000001", "--amount", "499.99", "--json").get("bonus_cents"));
        assertTrue(refused("card", "topup", "C000001", "--amount", "100", "--pay", "stored-value", "--json")
                .contains("A top-up is paid with money"));
        usage("card", "topup", "C000001", "--amount", "100", "--pay", "paypal", "--json");
        usage("card", "topup", "C000001", "--amount", "lots", "--json");
        ok("card", "sell", "M001", "--product", "2", "--json");
        assertTrue(refused("card", "topup", "C000002", "--amount", "100", "--json")
                .contains("only stored value can be topped up"));
    }

    @Test
    void sellAtTheCounterPaidFromStoredValueAddsItsPartsAndAShortBalanceRecordsNothing() {
        ok("card", "sell", "M001", "--product", "1", "--json");
        // ¥100 of drinks from 100,000 + 20,000: bonus ⌊10,000 × 20,000 ÷ 120,000⌋ = 1,666, principal 8,334;
        // paid = cash 0 + principal 8,334; points ⌊83.34⌋ = 83
        Run sold = run("sell", "M001", "--line", "饮料:2:100", "--pay", "stored-value", "--json");
        assertEquals(0, sold.exit(), sold.err());
        Map<String, Object> json = sold.json();
        assertEquals(List.of("purchase", "total_cents", "tier_discount_cents", "coupon_discount_cents", "paid_cents",
                "points_earned", "points_balance", "tier", "stored_value_principal_cents", "stored_value_bonus_cents"),
                List.copyOf(json.keySet()));
        assertEquals("P20261122-0001", json.get("purchase"));
        assertEquals(10_000, json.get("total_cents"));
        assertEquals(8_334, json.get("paid_cents"));
        assertEquals(83, json.get("points_earned"));
        assertEquals(8_334, json.get("stored_value_principal_cents"));
        assertEquals(1_666, json.get("stored_value_bonus_cents"));
        // left: 91,666 + 18,334 = ¥1,100; a ¥2,000 sale from stored value alone is refused, nothing recorded
        String why = refused("sell", "M001", "--line", "大件:1:2000", "--pay", "stored-value", "--json");
        assertEquals("error: Stored value holds 1100.00, the sale is 2000.00. Nothing was recorded; pay the rest"
                + " another way (stored value + cash).", why);
        assertEquals(Map.of("members", 2, "purchases", 1, "returns", 0, "revenue_cents", 8_334), stats());
        assertEquals(91_666, cardOf("M001", "C000001").get("principal_cents"));
        // stored value first, the rest in cash: all ¥1,100 from the card (bonus ⌊110,000 × 18,334 ÷ 110,000⌋ =
        // 18,334, principal 91,666), ¥900 cash; paid = 90,000 + 91,666 = 181,666
        Map<String, Object> split = ok("sell", "M001", "--line", "大件:1:2000", "--pay", "stored-value+cash",
                "--json");
        assertEquals(181_666, split.get("paid_cents"));
        assertEquals(91_666, split.get("stored_value_principal_cents"));
        assertEquals(18_334, split.get("stored_value_bonus_cents"));
        // a sale without --pay keeps its keys as before: cash, nothing from stored value
        Map<String, Object> cash = ok("sell", "M002", "--line", "饮料:1:10", "--json");
        assertEquals(List.of("purchase", "total_cents", "tier_discount_cents", "coupon_discount_cents", "paid_cents",
                "points_earned", "points_balance", "tier"), List.copyOf(cash.keySet()));
        assertEquals(1_000, cash.get("paid_cents"));
        usage("sell", "M001", "--line", "饮料:1:10", "--pay", "credit", "--json");
    }

    @Test
    void checkinUsesASessionOrShowsAPassAndARefusalIsReadAloudOnStderr() {
        ok("card", "sell", "M002", "--product", "3", "--json"); // C000001: 10 sessions, 22 Nov … 19 Feb
        // by the scanned card code: 10 − 1 = 9 left
        assertEquals("{\"visit\":1,\"card\":\"C000001\",\"sessions_left\":9,\"valid_to\":\"2027-02-19\"}",
                run("checkin", "C000001", "--json").out());
        // by the last 4 digits of the phone (13900001111): 8 left
        assertEquals(8, ok("checkin", "1111", "--json").get("sessions_left"));

        ok("card", "sell", "M001", "--product", "2", "--at", "2026-11-01 09:00", "--json"); // C000002, 1 … 30 Nov
        Map<String, Object> in = ok("checkin", "M001", "--json");
        assertEquals(3, in.get("visit"));
        assertEquals("C000002", in.get("card"));
        assertNull(in.get("sessions_left"));
        assertEquals("2026-11-30", in.get("valid_to"));
        // a second time today: over the pass's 1 a day, in English and in Chinese; no visit recorded
        assertEquals("error: Already checked in 1 time today (limit 1 a day).", refused("checkin", "M001",
                "--json"));
        assertEquals("error: 今日已入园 1 次（每日限 1 次）。", refused("checkin", "13812345678", "--lang", "zh",
                "--json"));
        // yesterday, from the paper log, is another day: visit 4
        assertEquals(4, ok("checkin", "M001", "--at", "2026-11-21 18:00", "--json").get("visit"));

        // a pass that ended: the example line
        ok("card", "sell", "M002", "--product", "2", "--at", "2026-10-01 09:00", "--json"); // C000003, 1 … 30 Oct
        assertEquals("error: 月卡已于 10 月 30 日到期。", refused("checkin", "M002", "--card", "C000003", "--lang",
                "zh", "--json"));
        assertEquals("error: 月卡 ended on 2026-10-30.", refused("checkin", "M002", "--card", "C000003", "--json"));
        assertEquals("error: No member or card 9999.", refused("checkin", "9999", "--json"));
        usage("checkin", "M001", "--lang", "fr", "--json");
        usage("checkin", "M001", "--at", "now", "--json");
        assertTrue(refused("checkin", "M001", "--at", "2026-11-23 08:00", "--json").contains("in the future"));
        // the next visit is still number 5: nothing refused was recorded
        assertEquals(5, ok("checkin", "M002", "--json").get("visit"));
    }

    @Test
    void freezeExtendsThePassUnfreezeGivesTheDaysBackAndTheAllowanceIsKept() {
        ok("card", "sell", "M001", "--product", "2", "--at", "2026-11-01 09:00", "--json"); // C000001, 1 … 30 Nov
        // 5 days from 20 Nov (20 … 24 Nov), asked for on the 19th: the pass ends 5 days later, 5 Dec
        assertEquals("{\"card\":\"C000001\",\"valid_to\":\"2026-12-05\",\"frozen_from\":\"2026-11-20\","
                        + "\"frozen_to\":\"2026-11-24\"}",
                run("card", "freeze", "C000001", "--days", "5", "--from", "2026-11-20", "--reason", "出差",
                        "--at", "2026-11-19 10:00", "--json").out());
        Map<String, Object> listed = cardOf("M001", "C000001");
        assertEquals("2026-11-20", listed.get("frozen_from"));
        assertEquals("2026-11-24", listed.get("frozen_to"));
        assertTrue(refused("checkin", "M001", "--json").contains("月卡 is frozen until 2026-11-24"));
        // back today (22 Nov): 20 and 21 Nov stay frozen, 3 days given back → 30 Nov + 2 = 2 Dec
        assertEquals("{\"card\":\"C000001\",\"valid_to\":\"2026-12-02\"}",
                run("card", "unfreeze", "C000001", "--json").out());
        assertTrue(refused("card", "unfreeze", "C000001", "--json").contains("Card C000001 is not frozen"));
        // 14 days allowed in all, 2 used: 13 more is refused, with what is left
        assertEquals("error: This card has 12 of its 14 freeze days left.", refused("card", "freeze", "C000001",
                "--days", "13", "--reason", "受伤", "--json"));
        usage("card", "freeze", "C000001", "--days", "3", "--json"); // no --reason
        usage("card", "freeze", "C000001", "--days", "3", "--reason", " ", "--json");
        usage("card", "freeze", "C000001", "--days", "3", "--reason", "x", "--from", "tomorrow", "--json");
        // a session card of a product without freezes
        ok("card", "sell", "M001", "--product", "3", "--json");
        assertTrue(refused("card", "freeze", "C000002", "--days", "3", "--reason", "x", "--json")
                .contains("私教10次 cannot be frozen"));
    }

    @Test
    void refundOfEachKindReturnsWhatIsLeftAndNeedsAReason() {
        ok("card", "sell", "M001", "--product", "1", "--json"); // C000001
        ok("sell", "M001", "--line", "饮料:2:100", "--pay", "stored-value", "--json"); // principal 8,334, bonus 1,666
        usage("card", "refund", "C000001", "--json"); // no --reason
        usage("card", "refund", "C000001", "--reason", "搬家", "--pay", "paypal", "--json");
        usage("card", "refund", "C000001", "--reason", "搬家", "--pay", "stored-value", "--json");
        usage("card", "refund", "C000001", "--reason", " ", "--json");
        // stored value: the principal left, 100,000 − 8,334 = 91,666, paid out; the bonus 20,000 − 1,666 = 18,334
        // given up; not a return of a sale
        assertEquals("{\"refund_cents\":91666,\"forfeited_bonus_cents\":18334,\"return\":null}",
                run("card", "refund", "C000001", "--reason", "搬家", "--pay", "wechat", "--json").out());
        assertTrue(refused("card", "refund", "C000001", "--reason", "again", "--json")
                .contains("Card C000001 has been refunded"));
        assertEquals(true, cardOf("M001", "C000001").get("refunded"));

        // a session card with 1 of 10 used: 200,000 × 9 ÷ 10 = 180,000, a return against its sale (P…-0002; the
        // return is the day's third number)
        ok("card", "sell", "M002", "--product", "3", "--json"); // C000002
        ok("checkin", "M002", "--json");
        assertEquals("{\"refund_cents\":180000,\"forfeited_bonus_cents\":0,\"return\":\"R20261122-0003\"}",
                run("card", "refund", "C000002", "--reason", "受伤", "--json").out());
        // a pass of 1 … 30 Nov refunded on 22 Nov: the days after it, 23 … 30 Nov = 8; 30,000 × 8 ÷ 30 = 8,000
        ok("card", "sell", "M002", "--product", "2", "--at", "2026-11-01 09:00", "--json"); // C000003
        assertEquals(8_000, ok("card", "refund", "C000003", "--reason", "搬家", "--json").get("refund_cents"));
        // revenue: 8,334 + 200,000 − 180,000 + 30,000 − 8,000 = 50,334
        assertEquals(Map.of("members", 2, "purchases", 3, "returns", 2, "revenue_cents", 50_334), stats());
        assertEquals("{\"cards\":3,\"problems\":[],\"ok\":true}", run("check-cards", "--json").out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void cardListAndHistoryGiveEveryKey() {
        ok("card", "sell", "M001", "--product", "1", "--json");
        ok("card", "sell", "M001", "--product", "2", "--at", "2026-11-01 09:00", "--json");
        ok("card", "freeze", "C000002", "--days", "3", "--from", "2026-11-25", "--reason", "出差", "--json");
        List<Map<String, Object>> cards = (List<Map<String, Object>>) ok("card", "list", "M001", "--json")
                .get("cards");
        assertEquals(2, cards.size());
        for (Map<String, Object> card : cards) {
            assertEquals(List.of("card", "product", "kind", "valid_from", "valid_to", "sessions_left",
                    "principal_cents", "bonus_cents", "frozen_from", "frozen_to", "refunded"),
                    List.copyOf(card.keySet()));
        }
        // 1 … 30 Nov frozen 25 … 27 Nov: ends 3 days later, 3 Dec
        assertEquals("{\"card\":\"C000002\",\"product\":\"月卡\",\"kind\":\"period\",\"valid_from\":\"2026-11-01\","
                + "\"valid_to\":\"2026-12-03\",\"sessions_left\":null,\"principal_cents\":null,\"bonus_cents\":null,"
                + "\"frozen_from\":\"2026-11-25\",\"frozen_to\":\"2026-11-27\",\"refunded\":false}",
                Json.write(cardOf("M001", "C000002")));
        assertEquals(100_000, cardOf("M001", "C000001").get("principal_cents"));

        Map<String, Object> history = ok("card", "history", "C000002", "--json");
        assertEquals(List.of("card", "entries", "freezes"), List.copyOf(history.keySet()));
        List<Map<String, Object>> entries = (List<Map<String, Object>>) history.get("entries");
        assertEquals(1, entries.size());
        assertEquals("sale", entries.get(0).get("kind"));
        assertEquals("2026-11-01 09:00:00", entries.get(0).get("time"));
        assertEquals("P20261101-0001", entries.get(0).get("purchase"));
        List<Map<String, Object>> freezes = (List<Map<String, Object>>) history.get("freezes");
        assertEquals("2026-11-25", freezes.get(0).get("from"));
        assertEquals(3, freezes.get(0).get("days"));
        assertEquals("2026-11-27", freezes.get(0).get("to"));
        assertEquals("出差", freezes.get(0).get("reason"));
        assertTrue(refused("card", "history", "C999999", "--json").contains("There is no card C999999"));
        assertEquals(1, run("card", "list", "M999", "--json").exit()); // no such member: stopped, as `points` says
    }

    @Test
    void cardsExpiringWritesTheListWithMaskedPhones() throws Exception {
        ok("card", "sell", "M001", "--product", "2", "--at", "2026-11-01 09:00", "--json"); // C000001, ends 30 Nov
        ok("card", "sell", "M002", "--product", "3", "--json"); // C000002, 10 sessions, ends 19 Feb 2027
        ok("card", "sell", "M002", "--product", "1", "--json"); // stored value: never in the list
        Path csv = folder.resolve("续费提醒.csv");
        // within 7 days of 22 Nov (22 … 29 Nov): none; within 8 (… 30 Nov): the pass, 30 − 22 + 1 = 9 days left
        assertEquals(Map.of("count", 0), ok("cards", "expiring", "--within", "7", "--json"));
        assertEquals(Map.of("count", 1), ok("cards", "expiring", "--within", "8", "--out", csv.toString(),
                "--json"));
        assertEquals(List.of("card,member_no,name,phone,product,valid_to,sessions_left,days_left",
                "C000001,M001,王芳,138****5678,月卡,2026-11-30,,9"), Files.readAllLines(csv, StandardCharsets.UTF_8));
        // as of 1 Feb 2027 within 30 days: the session card (19 Feb; 19 − 1 + 1 = 19 days left, 10 sessions)
        ok("cards", "expiring", "--within", "30", "--as-of", "2027-02-01", "--out", csv.toString(), "--json");
        assertEquals("C000002,M002,李雷,139****1111,私教10次,2027-02-19,10,19",
                Files.readAllLines(csv, StandardCharsets.UTF_8).get(1));
        // a renewal takes the first pass off the list
        ok("card", "sell", "M001", "--product", "2", "--json");
        assertEquals(Map.of("count", 0), ok("cards", "expiring", "--within", "8", "--json"));
        usage("cards", "expiring", "--within", "-1", "--json");
        usage("cards", "expiring", "--json");
        usage("cards", "expiring", "--within", "7", "--as-of", "30/11/2026", "--json");
        // never over the database
        Run overDb = run("cards", "expiring", "--within", "7", "--out", db.toString(), "--json");
        assertEquals(1, overDb.exit());
        assertTrue(overDb.err().contains("nothing was written"), overDb.err());
    }

    @Test
    void liabilityAddsUpStoredValueSessionsAndPasses() {
        ok("card", "sell", "M001", "--product", "1", "--json"); // 100,000 + 20,000
        ok("sell", "M001", "--line", "饮料:2:100", "--pay", "stored-value", "--json"); // − 8,334 and − 1,666
        ok("card", "sell", "M002", "--product", "3", "--json"); // 10 sessions for 200,000
        ok("checkin", "M002", "--json");
        ok("checkin", "M002", "--at", "2026-11-22 11:00", "--json"); // 8 left
        ok("card", "sell", "M001", "--product", "2", "--at", "2026-11-01 09:00", "--json"); // 1 … 30 Nov
        ok("card", "sell", "M002", "--product", "2", "--at", "2026-10-01 09:00", "--json"); // 1 … 30 Oct: ended
        // sessions value ⌊200,000 × 8 ÷ 10⌋ = 160,000; one valid pass
        assertEquals("{\"stored_value_principal_cents\":91666,\"stored_value_bonus_cents\":18334,"
                + "\"sessions_left\":8,\"sessions_value_cents\":160000,\"valid_passes\":1}",
                run("liability", "--json").out());
        // on 15 Oct: only the October pass existed and was valid
        assertEquals("{\"stored_value_principal_cents\":0,\"stored_value_bonus_cents\":0,\"sessions_left\":0,"
                + "\"sessions_value_cents\":0,\"valid_passes\":1}", run("liability", "--as-of", "2026-10-15",
                "--json").out());
        usage("liability", "--as-of", "yesterday", "--json");
    }

    @Test
    void checkCardsIsExit1WhenACardsBalanceDiffersFromItsEntries() throws Exception {
        ok("card", "sell", "M001", "--product", "1", "--json");
        assertEquals("{\"cards\":1,\"problems\":[],\"ok\":true}", run("check-cards", "--json").out());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE cards SET principal_cents = principal_cents + 1 WHERE card_no = 'C000001'");
        }
        Run broken = run("check-cards", "--json");
        assertEquals(1, broken.exit());
        assertEquals("{\"cards\":1,\"problems\":[{\"card\":\"C000001\",\"what\":\"balance 100001+20000 cents, entries"
                + " say 100000+20000\"}],\"ok\":false}", broken.out());
        assertTrue(broken.err().startsWith("error: 1 card(s) do not add up, e.g. C000001"), broken.err());
    }

    @Test
    void everyCardCommandHasItsHelp() {
        for (String[] command : List.of(new String[] {"card-product", "add"}, new String[] {"card-product", "list"},
                new String[] {"topup-bonus", "set"}, new String[] {"topup-bonus", "list"},
                new String[] {"card", "sell"}, new String[] {"card", "topup"}, new String[] {"card", "freeze"},
                new String[] {"card", "unfreeze"}, new String[] {"card", "refund"}, new String[] {"card", "list"},
                new String[] {"card", "history"}, new String[] {"checkin"}, new String[] {"cards", "expiring"},
                new String[] {"liability"}, new String[] {"check-cards"}, new String[] {"card"})) {
            String[] args = new String[command.length + 1];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "--help";
            Run help = run(args);
            String name = String.join(" ", command);
            assertEquals(0, help.exit(), name + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: memberdesk " + name), name + ":\n" + help.out());
        }
        usage("card", "--json");
        usage("card-product", "--json");
        usage("topup-bonus", "--json");
        usage("cards", "--json");
    }
}
