package org.memberdesk.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memberdesk.BothEngines;
import org.memberdesk.members.Gender;

/**
 * Rules evaluated on a hand-built shop; every expected count is worked out below by hand.
 *
 * <pre>
 * Today (default as-of) 2026-06-30. Purchases at 10:00; amounts in yuan.
 * A M001 F 1990-06-15 joined 2026-01-10 抖音            03-01 苹果 100, 05-01 香蕉 200, 05-31 苹果 300
 * B M002 M 1985-12-01 joined 2026-02-01 小程序 ref M001  04-20 苹果 200, 05-01 梨 100, 05-15 梨 250, return 06-01 梨 -100
 * C M003 F 2000-06-30 joined 2026-03-01 抖音   ref M001  06-30 香蕉 50
 * D M004 – –          joined 2026-04-01 –               no purchases; points 0
 * E M005 M 1970-01-01 joined 2026-06-20 小程序           06-25 苹果 80
 * F M006 F 1995-02-28 joined 2025-06-01 门店   ref M002  2025-07-01 香蕉 1000, 2025-08-01 梨 500
 * A has points 500 and tier 金卡 (set directly, as the growth system would). A and D carry manual tag VIP.
 *
 * At 2026-06-30:        purchases  net    avg   last(days)           first(days) join(days) age referrals
 *  A                     3        600    200   05-31 → 30           03-01 → 121  171        36  2 (B, C)
 *  B                     3        450    150   05-15 → 16+30 = 46   04-20 → 71   149        40  1 (F)
 *  C                     1         50     50   06-30 → 0            0            121        26  0
 *  D                     0          0     –    –                    –            90         –   0
 *  E                     1         80     80   06-25 → 5            5            10         56  0
 *  F                     2       1500    750   2025-08-01 → 333     364          394        31  0
 * </pre>
 */
@BothEngines
class RuleEvaluationTest {
    @TempDir
    static Path folder;
    static TestShop shop;
    static RuleService rules;

    @BeforeAll
    static void buildShop() {
        shop = new TestShop(folder);
        long a = shop.member("M001", Gender.FEMALE, "1990-06-15", "2026-01-10", "抖音", null);
        long b = shop.member("M002", Gender.MALE, "1985-12-01", "2026-02-01", "小程序", "M001");
        long c = shop.member("M003", Gender.FEMALE, "2000-06-30", "2026-03-01", "抖音", "M001");
        shop.member("M004", null, null, "2026-04-01", null, null);
        long e = shop.member("M005", Gender.MALE, "1970-01-01", "2026-06-20", "小程序", null);
        long f = shop.member("M006", Gender.FEMALE, "1995-02-28", "2025-06-01", "门店", "M002");
        shop.purchase(a, "2026-03-01", "苹果", 10000);
        shop.purchase(a, "2026-05-01", "香蕉", 20000);
        shop.purchase(a, "2026-05-31", "苹果", 30000);
        shop.purchase(b, "2026-04-20", "苹果", 20000);
        shop.purchase(b, "2026-05-01", "梨", 10000);
        shop.purchase(b, "2026-05-15", "梨", 25000);
        shop.purchase(b, "2026-06-01", "梨", -10000);
        shop.purchase(c, "2026-06-30", "香蕉", 5000);
        shop.purchase(e, "2026-06-25", "苹果", 8000);
        shop.purchase(f, "2025-07-01", "香蕉", 100000);
        shop.purchase(f, "2025-08-01", "梨", 50000);
        // the growth system gives sign-up and purchase points and a base tier: this shop is about the rule
        // language, so every member's points and tier are set by hand to the values in the table above
        shop.sql("UPDATE members SET points = 0, tier = NULL");
        shop.sql("UPDATE members SET points = 500, tier = '金卡' WHERE member_no = 'M001'");
        shop.context().tags().addByNumbers("VIP", java.util.List.of("M001", "M004"));
        rules = shop.context().rules();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            purchases >= 3                                   | 2 | A, B
            purchases = 0                                    | 1 | D
            purchases != 3                                   | 4 | C, D, E, F
            total_spent >= 500                               | 2 | A 600, F 1500
            total_spent > 450                                | 2 | B is exactly 450: not above
            total_spent >= 450                               | 3 | A, B, F
            total_spent <= 49.99                             | 1 | D (0); C is 50
            avg_order >= 150                                 | 3 | A 200, B 450/3 = 150, F 750
            avg_order > 150                                  | 2 | A, F
            avg_order < 100                                  | 2 | C 50, E 80; D has no value
            not avg_order < 100                              | 4 | A, B, D (no value), F
            avg_order = 150                                  | 1 | B exactly
            avg_order in (50, 80)                            | 2 | C, E
            days_since_last_purchase between 30 and 60       | 2 | A 30, B 46
            purchases >= 3 and total_spent >= 500 and days_since_last_purchase between 30 and 60 | 1 | A
            days_since_last_purchase < 30                    | 2 | C 0, E 5
            not days_since_last_purchase < 30                | 4 | A, B, D (no value), F
            days_since_last_purchase != 0                    | 4 | A, B, E, F; D has no value
            days_since_last_purchase > 333                   | 0 | F is exactly 333
            days_since_last_purchase >= 333                  | 1 | F
            days_since_last_purchase in (0, 5, 46)           | 3 | C, E, B
            days_since_first_purchase = 121                  | 1 | A
            days_since_first_purchase <= 71                  | 3 | B 71, C 0, E 5
            days_since_join >= 121                           | 4 | A 171, B 149, C 121, F 394
            days_since_join < 90                             | 1 | E 10; D is exactly 90
            channel = "抖音"                                  | 2 | A, C
            channel != '抖音'                                 | 3 | B, E, F; D has no channel
            channel in ("小程序", "门店")                      | 3 | B, E, F
            channel = 抖音                                    | 2 | a bare word is a text too
            gender = 男                                       | 2 | B, E
            性别 = "F"                                        | 3 | A, C, F
            not gender = "M"                                 | 4 | A, C, D (no value), F
            age >= 36                                        | 3 | A 36, B 40, E 56
            age = 26                                         | 1 | C: the birthday is the as-of day
            age between 30 and 40                            | 3 | A 36, B 40, F 31
            age < 26                                         | 0 | nobody
            birthday_month = 6                               | 2 | A, C
            birthday_month in (1, 2)                         | 2 | E, F
            bought = "苹果"                                   | 3 | A, B, E
            bought != "苹果"                                  | 2 | C, F; D has no purchases
            not bought = "苹果"                               | 3 | C, D, F
            bought in ("梨", "香蕉")                           | 4 | A (香蕉), B (梨), C, F
            bought = "西瓜"                                   | 0 | never sold
            referrals >= 1                                   | 2 | A 2, B 1
            referrals = 2                                    | 1 | A
            referrals = 0                                    | 4 | C, D, E, F
            tag = "VIP"                                      | 2 | A, D
            tag != "VIP"                                     | 4 | B, C, E, F
            points >= 100                                    | 1 | A
            tier = "金卡"                                     | 1 | A
            tier != "金卡"                                    | 0 | the others have no tier
            purchases >= 3 or purchases = 1 and channel = "抖音" | 3 | and binds tighter: A, B, C
            (purchases >= 3 or purchases = 1) and channel = "抖音" | 2 | A, C
            not purchases = 0 and not channel = "抖音"         | 3 | not binds tighter: B, E, F
            not (purchases = 0 or channel = "抖音")            | 3 | B, E, F
            消费次数 >= 3 且 累计消费 >= 500                     | 1 | A
            PURCHASES >= 1 AND Channel IN ("抖音")             | 2 | A, C
            """)
    void countsAtToday(String rule, long expected, String why) {
        assertEquals(expected, rules.count(Rule.parse(rule), TestShop.TODAY), why);
    }

    /**
     * <pre>
     * As of 2026-05-20: E has not joined (06-20), so five members. Purchases on or before 05-20:
     *  A 03-01 100, 05-01 香蕉 200 → 2 purchases, 300, last 19 days, first 80 days
     *  B 04-20 200, 05-01 100, 05-15 250 → 3, 550 (the return is on 06-01, later), last 5 days
     *  C none (its purchase is 06-30), D none
     *  F 2025-07-01 香蕉 1000, 2025-08-01 500 → 2, 1500, last 292 days
     * Referrals: A is named by B (joined 02-01) and C (03-01); B by F.
     * </pre>
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            purchases >= 0                                   | 5 | E has not joined yet
            purchases >= 3                                   | 1 | B
            purchases = 0                                    | 2 | C, D
            total_spent >= 500                               | 2 | B 550 (before its return), F
            total_spent = 300                                | 1 | A
            bought = "香蕉"                                   | 2 | A (05-01), F; C's is later
            bought = "梨"                                     | 2 | B, F
            days_since_last_purchase < 30                    | 2 | A 19, B 5
            days_since_first_purchase = 80                   | 1 | A
            referrals >= 1                                   | 2 | A, B
            days_since_join < 60                             | 1 | D 49; C is 80
            age = 25                                         | 1 | C turns 26 on 06-30
            """)
    void countsAtAnEarlierDate(String rule, long expected, String why) {
        assertEquals(expected, rules.count(Rule.parse(rule), LocalDate.of(2026, 5, 20)), why);
    }

    /** At today the kept statistics answer; summing the purchases instead must give the very same members. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            purchases >= 1
            total_spent between 50 and 600
            avg_order >= 150
            bought = "苹果" or days_since_last_purchase > 40
            not avg_order between 60 and 300
            days_since_first_purchase <= 71 and not days_since_last_purchase = 0
            bought != "梨"
            """)
    void keptStatisticsAndSummedPurchasesAgree(String text) {
        Rule rule = Rule.parse(text);
        long[] kept = rules.members(rule, TestShop.TODAY);
        long[] summed = shop.context().database().read(connection -> {
            MemberFacts facts = MemberFacts.computed(connection, TestShop.TODAY, "check");
            RuleSql.Statement sql = RuleSql.select("m.id", facts, rule, "ORDER BY m.id");
            java.util.List<Long> ids = new java.util.ArrayList<>();
            try (var statement = connection.prepareStatement(sql.sql())) {
                sql.bind(statement);
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        });
        assertArrayEquals(kept, summed);
        org.junit.jupiter.api.Assertions.assertTrue(kept.length > 0, "a rule that matches nobody proves little");
    }

    @org.junit.jupiter.api.Test
    void membersAreIdsInOrder() {
        long[] ids = rules.members(Rule.parse("purchases >= 3"), TestShop.TODAY);
        assertEquals(2, ids.length);
        assertEquals("M001", shop.context().members().byId(ids[0]).orElseThrow().memberNo());
        assertEquals("M002", shop.context().members().byId(ids[1]).orElseThrow().memberNo());
    }

    @org.junit.jupiter.api.Test
    void previewAndExportShowTheStatisticsAtTheDate(@TempDir Path out) throws Exception {
        var rows = rules.preview(Rule.parse("total_spent >= 500"), TestShop.TODAY, 10);
        assertEquals(2, rows.size());
        assertEquals("M001", rows.get(0).memberNo());
        assertEquals(60000, rows.get(0).netCents());
        assertEquals(3, rows.get(0).purchases());
        Path csv = out.resolve("segment.csv");
        assertEquals(2, rules.export(Rule.parse("total_spent >= 500"), TestShop.TODAY, csv));
        var lines = java.nio.file.Files.readAllLines(csv);
        assertEquals("member_no,name,phone,channel,purchases,total_spent,last_purchase", lines.get(0));
        assertEquals("M001,会员M001,,抖音,3,600.00,2026-05-31 10:00:00", lines.get(1));
    }
}
