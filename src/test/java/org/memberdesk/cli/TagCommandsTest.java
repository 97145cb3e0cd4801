package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.members.Gender;
import org.memberdesk.tags.TestShop;

/** The public command line of tags and segments: exact keys, one JSON object, exit codes. */
class TagCommandsTest {
    @TempDir
    static Path folder;
    static Path db;

    record Run(int code, String out, String err) {
    }

    /**
     * Shop as of 2026-06-30: A bought 3 times (600 yuan, last 30 days ago), B once (50 yuan, today),
     * C never. RFM over A and B: R days 30, 0 → mean 15 → B recent; F 3, 1 → mean 2 → A frequent;
     * M 60000, 5000 → mean 32500 → A spending. A ↓↑↑ important_keep, B ↑↓↓ general_develop.
     * R scores: A (more days, nobody worse) 1, B (one worse of two) 1 + ⌊5/2⌋ = 3.
     * F scores: B 1, A 1 + ⌊5/2⌋ = 3. Grid: A at [1][3], B at [3][1].
     * Lifecycle: C prospect, B new, A (first 121 days, last 30) active.
     */
    @BeforeAll
    static void buildShop() {
        TestShop shop = new TestShop(folder);
        long a = shop.member("A", Gender.FEMALE, null, "2026-01-10", "抖音", null);
        long b = shop.member("B", Gender.MALE, null, "2026-02-01", "小程序", null);
        shop.member("C", null, null, "2026-03-01", null, null);
        shop.purchase(a, "2026-03-01", "苹果", 10000);
        shop.purchase(a, "2026-05-01", "香蕉", 20000);
        shop.purchase(a, "2026-05-31", "苹果", 30000);
        shop.purchase(b, "2026-06-30", "香蕉", 5000);
        db = shop.context().database().file();
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        Clock clock = Clock.fixed(TestShop.TODAY.atTime(12, 0).atZone(TestShop.ZONE).toInstant(), TestShop.ZONE);
        int code = new Cli(clock).run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    @Test
    void segmentCountsAndExports() throws Exception {
        assertEquals(new Run(0, "{\"count\":1}", ""),
                run("segment", "--rule", "purchases >= 3 and total_spent >= 500 and days_since_last_purchase between 30 and 60", "--json"));
        assertEquals(new Run(0, "{\"count\":2}", ""), run("segment", "--rule", "bought = '香蕉'", "--json"));
        // as of 2026-06-01 B had not bought yet
        assertEquals(new Run(0, "{\"count\":1}", ""),
                run("segment", "--rule", "bought = '香蕉'", "--as-of", "2026-06-01", "--json"));
        Path csv = folder.resolve("out.csv");
        assertEquals(new Run(0, "{\"count\":2}", ""),
                run("segment", "--rule", "purchases >= 1", "--out", csv.toString(), "--json"));
        assertEquals(3, Files.readAllLines(csv).size());
    }

    @Test
    void aBadRuleIsAUsageErrorWithThePosition() {
        Run bad = run("segment", "--rule", "purchases >= 3 and totl_spent > 1", "--json");
        assertEquals(2, bad.code());
        assertEquals("", bad.out());
        assertTrue(bad.err().startsWith("error: bad rule: at position 20: unknown field \"totl_spent\"; known fields: "
                + "purchases (消费次数)"), bad.err());
        assertEquals(2, run("tag", "create", "x", "--rule", "purchases >=", "--json").code());
        assertEquals(2, run("segment", "--rule", "purchases > 1", "--as-of", "2026-13-01", "--json").code());
    }

    @Test
    void rfmAndLifecycleKeys() {
        assertEquals(new Run(0, "{\"members\":2,\"segments\":{\"important_value\":0,\"important_develop\":0,"
                + "\"important_keep\":1,\"important_retain\":0,\"general_value\":0,\"general_develop\":1,"
                + "\"general_keep\":0,\"general_retain\":0},\"grid\":[[0,0,1,0,0],[0,0,0,0,0],[1,0,0,0,0],"
                + "[0,0,0,0,0],[0,0,0,0,0]]}", ""), run("rfm", "--json"));
        assertEquals(new Run(0, "{\"prospect\":1,\"new\":1,\"active\":1,\"dormant\":0,\"lost\":0}", ""),
                run("lifecycle", "--json"));
        // as of 2026-03-15: B and C have joined but not bought; A first bought 14 days before → new
        assertEquals(new Run(0, "{\"prospect\":2,\"new\":1,\"active\":0,\"dormant\":0,\"lost\":0}", ""),
                run("lifecycle", "--as-of", "2026-03-15", "--json"));
    }

    @Test
    void tagCommands() {
        assertEquals(new Run(0, "{\"name\":\"爱香蕉\",\"rule\":\"bought = \\\"香蕉\\\"\",\"members\":2,"
                + "\"refreshed_at\":\"2026-06-30 12:00:00\"}", ""), run("tag", "create", "爱香蕉", "--rule", "购买过 = 香蕉", "--json"));
        assertEquals(new Run(0, "{\"tag\":\"VIP\",\"added\":2}", ""), run("tag", "add", "VIP", "A", "C", "--json"));
        Run unknown = run("tag", "add", "VIP", "Z", "--json");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("Z"), unknown.err());
        assertEquals(0, run("tag", "refresh", "--json").code());
        Run list = run("tag", "list", "--json");
        assertEquals(0, list.code());
        assertEquals("{\"tags\":[{\"name\":\"VIP\",\"rule\":null,\"members\":2,\"refreshed_at\":null},"
                + "{\"name\":\"爱香蕉\",\"rule\":\"bought = \\\"香蕉\\\"\",\"members\":2,"
                + "\"refreshed_at\":\"2026-06-30 12:00:00\"}]}", list.out());
        assertEquals(new Run(0, "{\"count\":2}", ""), run("segment", "--rule", "tag = VIP", "--json"));
    }

    @Test
    void defect6_aTagIsRenamedAndOneRuleTagRefreshedOnTheCommandLine() {
        assertEquals(0, run("tag", "create", "爱苹果", "--rule", "bought = 苹果", "--json").code());
        assertEquals(0, run("tag", "create", "爱苹果常客", "--rule", "tag = 爱苹果 and purchases >= 1", "--json").code());
        try {
            Run renamed = run("tag", "rename", "爱苹果", "苹果控", "--json");
            assertEquals(0, renamed.code(), renamed.err());
            assertTrue(renamed.out().startsWith("{\"name\":\"苹果控\",\"rule\":\"bought = \\\"苹果\\\"\""), renamed.out());
            assertTrue(renamed.out().endsWith(",\"renamed_from\":\"爱苹果\"}"), renamed.out());
            Run refreshed = run("tag", "refresh", "爱苹果常客", "--json");
            assertEquals(0, refreshed.code(), refreshed.err());
            assertTrue(refreshed.out().contains("\"rule\":\"tag = \\\"苹果控\\\" and purchases >= 1\""),
                    refreshed.out());
            Run manual = run("tag", "refresh", "VIP-none", "--json");
            assertEquals(1, manual.code());
            Run taken = run("tag", "rename", "苹果控", "爱苹果常客", "--json");
            assertEquals(1, taken.code());
            assertEquals("error: name: A tag named 爱苹果常客 already exists", taken.err().strip());
        } finally {
            run("tag", "delete", "爱苹果常客", "--json");
            run("tag", "delete", "苹果控", "--json");
        }
    }

    @Test
    void finding11_aRuleTagCircleIsRefusedOnTheCommandLineNamingTheCircle() {
        assertEquals(0, run("tag", "create", "圈A", "--rule", "tag = \"圈B\"", "--json").code());
        try {
            Run refused = run("tag", "create", "圈B", "--rule", "purchases >= 1 and not tag = \"圈A\"", "--json");
            assertEquals(1, refused.code());
            assertEquals("", refused.out());
            assertTrue(refused.err().startsWith("error: rule: The rule of tag 圈B would make tags depend on each other"
                    + " in a circle (圈B → 圈A → 圈B)"), refused.err());
        } finally {
            run("tag", "delete", "圈A", "--json");
        }
    }
}
