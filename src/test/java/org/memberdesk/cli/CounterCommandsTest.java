package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Json;
import org.memberdesk.db.Database;
import org.memberdesk.members.MemberDetails;

/**
 * {@code sell}, {@code return} and {@code void} end to end on a file database, as a script calls them, with the
 * default growth rules: 1 point per yuan, the entry tier at 100 %, 银卡 from ¥1,000 net spend (2 % off, points
 * 110 %). The members have no birthday on file, so no birthday multiplier.
 */
class CounterCommandsTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 10, 0);
    private static final Clock CLOCK = clockAt(NOW);

    @TempDir
    Path folder;
    Path db;

    record Run(int exit, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out);
        }
    }

    private static Clock clockAt(LocalDateTime time) {
        return Clock.fixed(time.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private Run run(String... args) {
        return runAt(CLOCK, args);
    }

    private Run runAt(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = new Cli(clock).run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }

    @BeforeEach
    void setUp() {
        db = folder.resolve("shop.db");
        AppContext app = new AppContext(Database.open(db), CLOCK);
        for (int i = 1; i <= 2; i++) {
            app.members().add(new MemberDetails("M00" + i, "会员" + i, "1380000000" + i, null, null,
                    LocalDate.of(2025, 1, 1), null, null, null, null));
        }
    }

    private Map<String, Object> stats() {
        return run("stats", "--json").json();
    }

    private Map<String, Object> points(String memberNo) {
        return run("points", memberNo, "--json").json();
    }

    /** M001 buys a ¥1,200 年卡 at the entry tier: nothing off, 1,200 points, and ¥1,200 ≥ ¥1,000 makes them 银卡. */
    private void make银卡() {
        Run first = run("sell", "M001", "--line", "年卡:1:1200", "--json");
        assertEquals(0, first.exit(), first.err());
        assertEquals("{\"purchase\":\"P20261122-0001\",\"total_cents\":120000,\"tier_discount_cents\":0,"
                + "\"coupon_discount_cents\":0,\"paid_cents\":120000,\"points_earned\":1200,\"points_balance\":1200,"
                + "\"tier\":\"银卡\"}", first.out());
    }

    /** A threshold coupon for M001 alone (¥20 off from a spend of {@code minSpend} yuan); its code. */
    private String couponFor(String memberNo, String minSpend) {
        Run created = run("campaign", "create", "--name", "回馈" + minSpend, "--type", "threshold", "--value", "20",
                "--min-spend", minSpend, "--target", "list:" + memberNo, "--json");
        assertEquals(0, created.exit(), created.err());
        Run issued = run("campaign", "issue", created.json().get("campaign").toString(), "--json");
        assertEquals(Map.of("issued", 1), issued.json());
        AppContext app = new AppContext(Database.open(db), CLOCK);
        long id = app.members().byNumber(memberNo).orElseThrow().id();
        return app.campaigns().memberCoupons(id).get(0).code();
    }

    /**
     * M001 (银卡) buys two lines with a ¥20-off-¥100 coupon, then returns one of the three drinks; every figure
     * worked by hand.
     */
    @Test
    void finding5_sellTwoLinesToA银卡MemberAppliesTheTierThenTheCouponAndAReturnGivesBackItsShare() {
        make银卡();
        String code = couponFor("M001", "100");
        Run sold = run("sell", "M001", "--line", "私教课:2:600", "--line", "饮料:3:45.50", "--code", code, "--json");
        assertEquals(0, sold.exit(), sold.err());
        // list: ¥600 + ¥45.50 = 64,550 cents
        // tier 2 %: ⌊64,550 × 2 / 100⌋ = 1,291 (shared: line 1 ⌊1,291 × 60,000 / 64,550⌋ = 1,200, line 2 91)
        //   → after the tier 58,800 + 4,459 = 63,259 ≥ the ¥100 minimum, so the coupon takes 2,000
        // paid: 64,550 − 1,291 − 2,000 = 61,259
        // points: 61,259 cents × 110 % = 673.849 → 673; balance 1,200 + 673 = 1,873
        // spend 120,000 + 61,259 = 181,259 < ¥3,000 (金卡): still 银卡
        assertEquals("{\"purchase\":\"P20261122-0002\",\"total_cents\":64550,\"tier_discount_cents\":1291,"
                + "\"coupon_discount_cents\":2000,\"paid_cents\":61259,\"points_earned\":673,\"points_balance\":1873,"
                + "\"tier\":\"银卡\"}", sold.out());

        // the coupon's 2,000 over the lines after the tier (63,259): line 1 ⌊2,000 × 58,800 / 63,259⌋ = 1,859
        // (remainder 1,519), line 2 ⌊2,000 × 4,459 / 63,259⌋ = 140 (remainder 61,740) + the last cent = 141
        //   → line 2 paid 4,459 − 141 = 4,318 for 3 drinks
        // one drink back: ⌊4,318 × 1 / 3⌋ = 1,439; points ⌊673 × 1,439 / 61,259⌋ = ⌊15.8⌋ = 15; 1,873 − 15 = 1,858
        Run returned = run("return", "P20261122-0002", "--line", "2:1", "--reason", "饮料过期", "--json");
        assertEquals(0, returned.exit(), returned.err());
        Map<String, Object> json = returned.json();
        assertEquals(4, json.size(), returned.out());
        assertTrue(json.get("return").toString().startsWith("R20261122-"), returned.out());
        assertEquals(1_439, json.get("refund_cents"));
        assertEquals(15, json.get("points_taken"));
        assertEquals(1_858, json.get("points_balance"));
        assertEquals(1_858, points("M001").get("balance"));
        // revenue: 120,000 + 61,259 − 1,439 = 179,820
        assertEquals(Map.of("members", 2, "purchases", 2, "returns", 1, "revenue_cents", 179_820), stats());
    }

    @Test
    void finding5_aRefusedCouponIsExit3AndRecordsNothing() {
        make银卡();
        String code = couponFor("M001", "500");
        // ¥500 at the list price, but ¥490 after 银卡's 2 %: under the coupon's ¥500 minimum
        Run refused = run("sell", "M001", "--line", "护理套装:1:500", "--code", code, "--json");
        assertEquals(3, refused.exit(), refused.out());
        assertEquals("", refused.out());
        assertTrue(refused.err().startsWith("error: Coupon " + code + " needs a spend of at least ¥500.00"),
                refused.err());
        assertTrue(refused.err().contains("after the member's tier discount"), refused.err());
        assertEquals(Map.of("members", 2, "purchases", 1, "returns", 0, "revenue_cents", 120_000), stats());
        assertEquals(1_200, points("M001").get("balance"));
        // the coupon stays with the member: ¥600 − 2 % = ¥588 ≥ ¥500, so it takes ¥20 off
        Run later = run("sell", "M001", "--line", "护理套装:1:600", "--code", code, "--json");
        assertEquals(0, later.exit(), later.err());
        assertEquals(2_000, later.json().get("coupon_discount_cents"));
    }

    @Test
    void finding5_aReturnOfMoreThanWasBoughtIsExit3AndChangesNothing() {
        Run sold = run("sell", "M001", "--line", "私教课:2:600", "--line", "饮料:3:45", "--json");
        assertEquals(0, sold.exit(), sold.err());
        // 64,500 cents at the entry tier: 645 points
        assertEquals(645, sold.json().get("points_balance"));
        Map<String, Object> before = stats();

        Run tooMany = run("return", "P20261122-0001", "--line", "2:4", "--json");
        assertEquals(3, tooMany.exit(), tooMany.out());
        assertEquals("", tooMany.out());
        assertTrue(tooMany.err().contains("3 were bought and 0 already returned, so at most 3 can come back now"),
                tooMany.err());
        Run noSuchLine = run("return", "P20261122-0001", "--line", "3:1", "--json");
        assertEquals(3, noSuchLine.exit());
        assertTrue(noSuchLine.err().contains("has no line 3"), noSuchLine.err());
        Run unknown = run("return", "P20991231-0001", "--json");
        assertEquals(3, unknown.exit());
        assertTrue(unknown.err().contains("There is no purchase number P20991231-0001"), unknown.err());
        assertEquals(before, stats());
        assertEquals(645, points("M001").get("balance"));

        // the whole purchase back, then once more: everything was returned already
        Run whole = run("return", "P20261122-0001", "--json");
        assertEquals(0, whole.exit(), whole.err());
        assertEquals(64_500, whole.json().get("refund_cents"));
        assertEquals(645, whole.json().get("points_taken"));
        assertEquals(0, whole.json().get("points_balance"));
        Run again = run("return", "P20261122-0001", "--json");
        assertEquals(3, again.exit());
        assertTrue(again.err().contains("already returned"), again.err());
        Run ofAReturn = run("return", whole.json().get("return").toString(), "--json");
        assertEquals(3, ofAReturn.exit());
        assertTrue(ofAReturn.err().contains("is a return, not a sale"), ofAReturn.err());
    }

    @Test
    void finding5_voidingTodaysSaleTakesItOutOfEveryFigure() {
        Run sold = run("sell", "M002", "--line", "年卡:1:1200", "--json");
        assertEquals(0, sold.exit(), sold.err());
        assertEquals("银卡", sold.json().get("tier"));
        assertEquals(Map.of("members", 2, "purchases", 1, "returns", 0, "revenue_cents", 120_000), stats());

        Run voided = run("void", "P20261122-0001", "--reason", "重复录入", "--json");
        assertEquals(0, voided.exit(), voided.err());
        assertEquals("{\"voided\":\"P20261122-0001\"}", voided.out());
        assertEquals(Map.of("members", 2, "purchases", 0, "returns", 0, "revenue_cents", 0), stats());
        Map<String, Object> points = points("M002");
        assertEquals(0, points.get("balance"));
        // the tier reached only through the voided sale is taken back
        assertTrue(!"银卡".equals(points.get("tier")), points.toString());
        // voided once: it is no longer a sale to void or return
        assertEquals(3, run("void", "P20261122-0001", "--reason", "again", "--json").exit());
        assertEquals(3, run("return", "P20261122-0001", "--json").exit());
    }

    @Test
    void finding5_aVoidNeedsAReasonAndOnlyTodaysUntouchedSale() {
        Run sold = run("sell", "M001", "--line", "饮料:2:20", "--json");
        assertEquals(0, sold.exit(), sold.err());
        // a missing required option is a usage error
        Run noReason = run("void", "P20261122-0001", "--json");
        assertEquals(2, noReason.exit(), noReason.err());
        assertTrue(noReason.err().contains("--reason"), noReason.err());
        // a blank one is the service's refusal
        Run blank = run("void", "P20261122-0001", "--reason", " ", "--json");
        assertEquals(3, blank.exit(), blank.err());
        assertTrue(blank.err().contains("Say why the sale is voided"), blank.err());
        // the next day it can only be returned
        Run tomorrow = runAt(clockAt(NOW.plusDays(1)), "void", "P20261122-0001", "--reason", "重复录入", "--json");
        assertEquals(3, tomorrow.exit(), tomorrow.err());
        assertTrue(tomorrow.err().contains("only a sale of today can be voided"), tomorrow.err());
        assertEquals(1, stats().get("purchases"));

        Run returned = run("return", "P20261122-0001", "--line", "1:1", "--json");
        assertEquals(0, returned.exit(), returned.err());
        Map<String, Object> before = stats();
        Run afterReturn = run("void", "P20261122-0001", "--reason", "重复录入", "--json");
        assertEquals(3, afterReturn.exit(), afterReturn.out());
        assertEquals("", afterReturn.out());
        assertTrue(afterReturn.err().contains("was returned already: it cannot be voided"), afterReturn.err());
        assertEquals(before, stats());
    }

    @Test
    void finding5_aSaleWhosePointsWereUsedCannotBeVoided() {
        // ¥100 at the entry tier: 100 points, 50 of them redeemed at once
        assertEquals(0, run("sell", "M001", "--line", "饮料:4:100", "--json").exit());
        Run redeemed = run("redeem-points", "M001", "--points", "50", "--reason", "换购", "--json");
        assertEquals(0, redeemed.exit(), redeemed.err());
        Run refused = run("void", "P20261122-0001", "--reason", "重复录入", "--json");
        assertEquals(3, refused.exit(), refused.out());
        assertTrue(refused.err().contains("were already used: it cannot be voided"), refused.err());
        assertEquals(1, stats().get("purchases"));
        assertEquals(50, points("M001").get("balance"));
    }

    @Test
    void finding5_badLinesAreUsageErrorsAndNothingIsRecorded() {
        for (String line : new String[] {"私教课:2", "私教课:two:600", "私教课:0:600", ":1:600", "私教课:1:6,00",
                                         "私教课:1:600.505", "私教课:1:0", "私教课:1:-5"}) {
            Run bad = run("sell", "M001", "--line", line, "--json");
            assertEquals(2, bad.exit(), line + " → " + bad.err());
            assertTrue(bad.err().contains("--line"), bad.err());
        }
        assertEquals(2, run("sell", "M001", "--json").exit());
        assertEquals(2, run("return", "P20261122-0001", "--line", "1", "--json").exit());
        assertEquals(2, run("return", "P20261122-0001", "--line", "1:0", "--json").exit());
        // over the shop's purchase limits (at most 10,000 of an item on a line): the service refuses, exit 3
        Run overLimit = run("sell", "M001", "--line", "饮料:10001:5", "--json");
        assertEquals(3, overLimit.exit(), overLimit.err());
        assertEquals("", overLimit.out());
        Run unknownMember = run("sell", "M999", "--line", "饮料:1:5", "--json");
        assertEquals(1, unknownMember.exit());
        assertTrue(unknownMember.err().contains("no such member: M999"), unknownMember.err());
        assertEquals(0, stats().get("purchases"));
        Run help = run("sell", "--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("--line=NAME:QTY:YUAN"), help.out());
    }

    @Test
    void finding5_withoutJsonEachCommandPrintsOneLine() {
        // a name may hold a colon (split at the last two); ¥1,280.00 is read exactly as 128,000 cents
        Run sold = run("sell", "M001", "--line", "课程:周卡:1:¥1,280.00");
        assertEquals(0, sold.exit(), sold.err());
        assertEquals("P20261122-0001: ¥1,280.00, paid ¥1,280.00; +1280 points, balance 1280, tier 银卡", sold.out());
        Run returned = run("return", "P20261122-0001");
        assertEquals(0, returned.exit(), returned.err());
        assertTrue(returned.out().matches("R20261122-\\d{4}: returned from P20261122-0001, refund ¥1,280.00;"
                + " 1280 points taken back, balance 0"), returned.out());
        // full-width colons, as a Chinese input method types them; M002 is at the entry tier
        Run entry = run("sell", "M002", "--line", "饮料：1：5");
        assertEquals(0, entry.exit(), entry.err());
        assertEquals("P20261122-0003: ¥5.00, paid ¥5.00; +5 points, balance 5, tier 普通", entry.out());
        Run voided = run("void", "P20261122-0003", "--reason", "keyed twice");
        assertEquals(0, voided.exit(), voided.err());
        assertEquals("P20261122-0003 voided", voided.out());
    }

    @Test
    void finding5_redeemGoesThroughTheCounterSoTheTierDiscountApplies() {
        make银卡();
        String code = couponFor("M001", "100");
        // ¥120 − 2 % (240) = ¥117.60 ≥ ¥100: the coupon takes ¥20
        Run redeemed = run("redeem", code, "--member", "M001", "--amount", "120", "--json");
        assertEquals(0, redeemed.exit(), redeemed.err());
        assertEquals("{\"ok\":true,\"discount_cents\":2000,\"tier_discount_cents\":240}", redeemed.out());
        // 120,000 + 12,000 − 240 − 2,000 = 129,760
        assertEquals(129_760, stats().get("revenue_cents"));
        // an empty code is refused as it always was, and records no sale without the coupon
        Run empty = run("redeem", " ", "--member", "M001", "--amount", "120", "--json");
        assertEquals(3, empty.exit(), empty.err());
        assertTrue(empty.err().contains("is not a coupon code"), empty.err());
        assertEquals(2, stats().get("purchases"));
    }
}
