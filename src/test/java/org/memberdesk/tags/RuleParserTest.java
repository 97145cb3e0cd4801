package org.memberdesk.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memberdesk.common.Messages;
import org.memberdesk.tags.RuleNode.Condition;

class RuleParserTest {

    private static String canonical(String text) {
        return Rule.parse(text).canonical();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            purchases = 3                 | purchases = 3
            purchases != 3                | purchases != 3
            purchases <> 3                | purchases != 3
            purchases < 3                 | purchases < 3
            purchases <= 3                | purchases <= 3
            purchases > 3                 | purchases > 3
            purchases >= 3                | purchases >= 3
            purchases between 1 and 5     | purchases between 1 and 5
            purchases in (1, 2,3)         | purchases in (1, 2, 3)
            total_spent >= 500            | total_spent >= 500
            total_spent >= 499.5          | total_spent >= 499.50
            avg_order < 0.99              | avg_order < 0.99
            channel = '抖音'               | channel = "抖音"
            channel = "it's"              | channel = "it's"
            channel = 'say ''hi'''        | channel = "say 'hi'"
            channel in ("a", 'b')         | channel in ("a", "b")
            gender = 女                    | gender = "F"
            gender = male                 | gender = "M"
            bought = "苹果"                | bought = "苹果"
            tag != VIP                    | tag != "VIP"
            days_since_join >= -1         | days_since_join >= -1
            """)
    void everyOperator(String text, String expected) {
        assertEquals(expected, canonical(text));
    }

    @Test
    void operatorsMakeConditionsWithCheckedValues() {
        Condition c = (Condition) Rule.parse("total_spent between 12.5 and 100").root();
        assertEquals(Field.TOTAL_SPENT, c.field());
        assertEquals(Operator.BETWEEN, c.operator());
        assertEquals(1250, c.values().get(0).number());
        assertEquals(10000, c.values().get(1).number());
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        RuleNode root = Rule.parse("not purchases = 0 and channel = 'a' or gender = 'M'").root();
        RuleNode.Or or = assertInstanceOf(RuleNode.Or.class, root);
        RuleNode.And and = assertInstanceOf(RuleNode.And.class, or.parts().get(0));
        assertInstanceOf(RuleNode.Not.class, and.parts().get(0));
        assertInstanceOf(Condition.class, or.parts().get(1));
        assertEquals("not purchases = 0 and channel = \"a\" or gender = \"M\"", Rule.write(root, false));
    }

    @Test
    void parenthesesOverridePrecedenceAndSurviveWriting() {
        String text = "(purchases >= 3 or purchases = 1) and not (channel = \"a\" or channel = \"b\")";
        RuleNode root = Rule.parse(text).root();
        RuleNode.And and = assertInstanceOf(RuleNode.And.class, root);
        assertInstanceOf(RuleNode.Or.class, and.parts().get(0));
        assertEquals(text, Rule.write(root, false));
        assertEquals(root, Rule.parse(Rule.write(root, false)).root(), "writing and parsing again gives the same rule");
    }

    @Test
    void keywordsInAnyCaseAndChineseNames() {
        assertEquals("purchases >= 3 and total_spent >= 500 or not channel in (\"抖音\")",
                canonical("消费次数 >= 3 AND 累计消费 >= 500 Or NoT 渠道 IN ('抖音')"));
        assertEquals("avg_order > 10 and days_since_last_purchase < 30 and days_since_first_purchase > 1",
                canonical("客单价 > 10 且 最近消费天数 < 30 并且 首次消费天数 > 1"));
        assertEquals("days_since_join = 1 or age = 2 or birthday_month = 3 or bought = \"x\" or tag = \"y\"",
                canonical("入会天数 = 1 或 年龄 = 2 或者 生日月份 = 3 or 购买过 = x or 标签 = y"));
        assertEquals("points >= 1 and tier = \"金卡\" and referrals > 0 and gender = \"F\"",
                canonical("积分 >= 1 and 等级 = 金卡 and 推荐人数 > 0 and 性别 = 女"));
        assertEquals("消费次数 >= 3 and 渠道 = \"a\"", Rule.parse("purchases >= 3 and channel = 'a'").chinese());
        assertEquals("not purchases = 0", canonical("非 purchases = 0"));
    }

    @Test
    void fullWidthPunctuationFromAChineseKeyboard() {
        assertEquals("channel in (\"抖音\", \"小程序\") and purchases >= 2 and purchases <= 9",
                canonical("渠道 in （“抖音”，“小程序”） and 消费次数 ≥ 2 and 消费次数 ＜＝ 9"));
    }

    @Test
    void everyFieldHasAnEnglishAndAChineseName() {
        for (Field field : Field.values()) {
            assertEquals(field, Field.byName(field.english()).orElseThrow());
            assertEquals(field, Field.byName(field.chinese()).orElseThrow());
        }
        // 15 of issue 6, 5 of the cards and visits (issue 16) and 3 of the predictions (issue 20)
        assertEquals(23, Field.values().length);
    }

    @Test
    void predictionFieldsTakeDecimalsAndMoney() {
        // a decimal is kept in ten-thousandths: 0.3 → 3000; its canonical text drops trailing zeros
        Rule rule = Rule.parse("p_alive < 0.30 and expected_purchases_90d >= 1.5 and predicted_clv >= 200");
        assertEquals("p_alive < 0.3 and expected_purchases_90d >= 1.5 and predicted_clv >= 200", rule.canonical());
        RuleNode.And and = (RuleNode.And) rule.root();
        assertEquals(3000, ((RuleNode.Condition) and.parts().get(0)).values().get(0).number());
        assertEquals(15000, ((RuleNode.Condition) and.parts().get(1)).values().get(0).number());
        assertEquals(20000, ((RuleNode.Condition) and.parts().get(2)).values().get(0).number());
        assertEquals(rule.root(), Rule.parse("存活概率 < 0.3 and 未来90天预计消费次数 >= 1.5 and 预测价值 >= 200").root());
        assertTrue(rule.readsPredictions());
        assertFalse(Rule.parse("purchases >= 1").readsPredictions());
    }

    /** Position is the 1-based character where the problem starts. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            purchase >= 3                         | 1  | unknown field "purchase"; known fields: purchases (消费次数), total_spent
            purchases >= 3 and                    | 19 | expected a field name, found the end of the rule
            purchases >= 3 and total_spent        | 31 | expected a comparison after total_spent
            purchases >=                          | 13 | purchases takes a whole number, found the end of the rule
            purchases >= 2.5                      | 14 | purchases takes a whole number, found '2.5'
            purchases >= "3"                      | 14 | purchases takes a whole number, found "3"
            total_spent >= 1.234                  | 16 | total_spent takes an amount in yuan with at most two decimals
            p_alive < 0.12345                     | 11 | p_alive takes a number with at most four decimals (e.g. 0.3), found '0.12345'
            p_alive < "high"                      | 11 | p_alive takes a number with at most four decimals
            channel > "a"                         | 9  | channel cannot be compared with >; use =, != or in
            bought between "a" and "b"            | 8  | bought cannot be compared with between
            purchases between 5 and 1             | 19 | between takes the lower value first: 5 is above 1
            purchases between 1 or 5              | 21 | expected and between the two values of between, found 'or'
            channel in "a"                        | 12 | expected ( to start the list after in, found "a"
            channel in ("a" "b")                  | 17 | expected , or ) in the list, found "b"
            (purchases >= 3                       | 16 | expected ) to close the ( at position 1, found the end of the rule
            purchases >= 3)                       | 15 | found ')' without a ( before it
            purchases >= 3 purchases >= 4         | 16 | expected and, or, or the end of the rule, found 'purchases'
            channel = "abc                        | 11 | the quote opened here is never closed
            purchases >= 3; drop table members    | 15 | unexpected character ';'
            birthday_month = 13                   | 18 | birthday_month is 1 to 12, not 13
            gender = "X"                          | 10 | gender is M or F (男/女), not "X"
            channel = and                         | 11 | channel takes a text in quotes, found 'and'
            and purchases > 1                     | 1  | expected a field name, found 'and'
            ''                                    | 1  | the rule is empty
            """)
    void errorsNameThePositionAndWhatWasExpected(String text, int position, String message) {
        RuleException e = assertThrows(RuleException.class, () -> Rule.parse(text == null ? "" : text));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.getMessage().startsWith("at position " + position + ": " + message), e.getMessage());
    }

    @Test
    void errorsReadInChinese() {
        RuleException e = assertThrows(RuleException.class, () -> Rule.parse("消费 >= 3"));
        assertTrue(e.describe(Messages.chinese()).startsWith("第 1 个字符处：没有“消费”这个字段；可用的字段："),
                e.describe(Messages.chinese()));
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "(".repeat(500) + "purchases > 1" + ")".repeat(500);
        assertEquals("rule.tooDeep", assertThrows(RuleException.class, () -> Rule.parse(deep)).key());
        String nots = "not ".repeat(500) + "purchases > 1";
        assertEquals("rule.tooDeep", assertThrows(RuleException.class, () -> Rule.parse(nots)).key());
        String tooLong = "purchases > 1 or ".repeat(700) + "purchases > 1";
        assertEquals("rule.tooLong", assertThrows(RuleException.class, () -> Rule.parse(tooLong)).key());
    }
}
