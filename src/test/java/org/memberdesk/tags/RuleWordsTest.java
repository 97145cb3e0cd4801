package org.memberdesk.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;

/** Issue 19, defect 7: a rule is shown in the words of the person's language, from the bundles. */
class RuleWordsTest {
    private static final String IMPORTANT_LAPSING =
            "purchases >= 3 and days_since_last_purchase between 30 and 60 and total_spent >= 500";

    @Test
    void defect7_rulesInChineseReadInChineseWords() {
        RuleWords words = new RuleWords(Messages.chinese());
        assertEquals("消费次数 ≥ 3，且最近消费天数介于 30 至 60，且累计消费 ≥ ¥500",
                words.describe(Rule.parse(IMPORTANT_LAPSING)));
        assertEquals("渠道为 抖音、小程序 之一，或（性别为 女，且不满足：标签为 VIP）",
                words.describe(Rule.parse("channel in (抖音, 小程序) or gender = F and not tag = VIP")));
        assertEquals("累计消费", words.field(Field.TOTAL_SPENT));
        assertEquals("介于", words.operator(Operator.BETWEEN));
    }

    @Test
    void defect7_rulesInEnglishReadInTheShopsWords() {
        RuleWords words = new RuleWords(Messages.english());
        assertEquals("Purchases ≥ 3 and Days since last purchase between 30 and 60 and Total spent ≥ ¥500",
                words.describe(Rule.parse(IMPORTANT_LAPSING)));
        assertEquals("Channel is one of 抖音, 小程序 or (Gender is female and not Tag is VIP)",
                words.describe(Rule.parse("channel in (抖音, 小程序) or gender = F and not tag = VIP")));
    }
}
