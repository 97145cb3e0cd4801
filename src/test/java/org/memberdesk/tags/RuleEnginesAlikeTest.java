package org.memberdesk.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.members.Gender;

/**
 * Where SQLite and PostgreSQL part ways under a rule (issue 21: every feature behaves identically on either engine):
 * arithmetic past 2^63, a character PostgreSQL cannot hold, and a date before the latest purchase, which SQLite
 * answers through a temporary table and PostgreSQL, whose reads may not create one, through a derived table.
 */
@BothEngines
class RuleEnginesAlikeTest {
    @TempDir
    Path folder;

    TestShop shop;
    RuleService rules;

    @BeforeEach
    void buildShop() {
        shop = new TestShop(folder);
        long a = shop.member("M001", Gender.FEMALE, "1990-06-15", "2026-01-10", "抖音", null);
        long b = shop.member("M002", Gender.MALE, "1985-12-01", "2026-02-01", "小程序", null);
        shop.member("M003", null, null, "2026-03-01", null, null);
        shop.purchase(a, "2026-03-01", "苹果", 10000);
        shop.purchase(a, "2026-06-01", "苹果", 30000);
        shop.purchase(b, "2026-05-01", "梨", 5000);
        rules = shop.context().rules();
    }

    @Test
    void finding1_anAverageOrderPastTheLargestWholeNumberCountsTheSameOnEitherEngine() {
        // the kept statistics say A bought 10,000 times (net still 400 yuan): the largest amount a rule takes,
        // 9,999,999,999,999 yuan = 999,999,999,999,900 cents, × 10,000 ≈ 10^19 > 2^63 − 1 ≈ 9.22 × 10^18.
        // SQLite goes on in floating point, PostgreSQL's bigint would stop with "out of range"
        shop.sql("UPDATE members SET purchase_count = 10000 WHERE member_no = 'M001'");
        assertEquals(0, rules.count(Rule.parse("avg_order >= 9999999999999"), TestShop.TODAY));
        // A averages 40000 / 10000 = 4 cents, B 5000 / 1; C has no purchase, so no value
        assertEquals(2, rules.count(Rule.parse("avg_order < 9999999999999"), TestShop.TODAY));
        assertEquals(1, rules.count(Rule.parse("avg_order between 0.01 and 0.04"), TestShop.TODAY),
                "A exactly 4 cents");
        assertEquals(2, rules.count(Rule.parse("avg_order between 0.01 and 9999999999999"), TestShop.TODAY));
    }

    @Test
    void finding1_aTextValueHoldingTheNulCharacterMatchesNobodyOnEitherEngine() {
        // PostgreSQL can neither store U+0000 nor take it as a parameter; no stored text holds it on SQLite either
        String nul = "\"抖\u0000音\"";
        assertEquals(0, rules.count(Rule.parse("channel = " + nul), TestShop.TODAY));
        assertEquals(2, rules.count(Rule.parse("channel != " + nul), TestShop.TODAY), "A, B: C has no channel");
        assertEquals(1, rules.count(Rule.parse("channel in (" + nul + ", \"抖音\")"), TestShop.TODAY), "A");
        assertEquals(0, rules.count(Rule.parse("bought = " + nul), TestShop.TODAY));
        assertEquals(2, rules.count(Rule.parse("bought != " + nul), TestShop.TODAY), "the buyers A, B");
        assertEquals(0, rules.count(Rule.parse("tag = " + nul), TestShop.TODAY));
        assertEquals(3, rules.count(Rule.parse("tag != " + nul), TestShop.TODAY));
    }

    @Test
    void finding1_anEarlierDateCountsOnlyItsPurchasesAndLeavesNoTableOnTheServer() {
        LocalDate may = LocalDate.of(2026, 5, 15);
        // by 15 May (A's 1 June purchase is later, so the facts are summed from the purchases): A one purchase
        // (100 yuan, 1 March), B one (50 yuan, 1 May)
        assertEquals(2, rules.count(Rule.parse("purchases = 1"), may), "A and B, one purchase each");
        assertEquals(1, rules.count(Rule.parse("total_spent >= 100"), may), "A 100; B 50");
        assertEquals(1, rules.count(Rule.parse("days_since_last_purchase = 75"), may), "A: 1 March + 75 days");
        // and a rule tag is filled on the write path (today: A first bought 121 days ago, B 60)
        assertEquals(1, shop.context().tags().create("老客", "days_since_first_purchase >= 70").members());
        if (TestDatabase.onServer()) {
            long temporary = shop.context().database().read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery(
                             "SELECT count(*) FROM pg_class WHERE relpersistence = 't'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(0, temporary, "no temporary table is left on a pooled connection");
        }
    }
}
