package org.memberdesk.tags;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A field of the rule language, with its English and Chinese names and what kind of value it takes.
 * Purchase fields count only purchases on or before the rule's as-of date, visit fields visits on or before it;
 * {@code points}, {@code tier}, {@code stored_value} (principal + bonus of the member's stored-value cards not
 * refunded) and the sessions left are the member's current values; {@code sessions_left} and {@code pass_days_left}
 * count the session cards and passes valid on the as-of date. {@code p_alive}, {@code expected_purchases_90d} and
 * {@code predicted_clv} are the latest prediction model's scores as of the date (see {@link #readsPredictions}).
 */
public enum Field {
    PURCHASES("purchases", "消费次数", Kind.COUNT),
    TOTAL_SPENT("total_spent", "累计消费", Kind.MONEY),
    AVG_ORDER("avg_order", "客单价", Kind.MONEY),
    DAYS_SINCE_LAST_PURCHASE("days_since_last_purchase", "最近消费天数", Kind.COUNT),
    DAYS_SINCE_FIRST_PURCHASE("days_since_first_purchase", "首次消费天数", Kind.COUNT),
    DAYS_SINCE_JOIN("days_since_join", "入会天数", Kind.COUNT),
    CHANNEL("channel", "渠道", Kind.TEXT),
    GENDER("gender", "性别", Kind.TEXT),
    AGE("age", "年龄", Kind.COUNT),
    BIRTHDAY_MONTH("birthday_month", "生日月份", Kind.COUNT),
    BOUGHT("bought", "购买过", Kind.SET),
    TAG("tag", "标签", Kind.SET),
    POINTS("points", "积分", Kind.COUNT),
    TIER("tier", "等级", Kind.TEXT),
    REFERRALS("referrals", "推荐人数", Kind.COUNT),
    VISITS("visits", "到店次数", Kind.COUNT),
    DAYS_SINCE_LAST_VISIT("days_since_last_visit", "最近到店天数", Kind.COUNT),
    STORED_VALUE("stored_value", "储值余额", Kind.MONEY),
    SESSIONS_LEFT("sessions_left", "剩余次数", Kind.COUNT),
    PASS_DAYS_LEFT("pass_days_left", "会员卡剩余天数", Kind.COUNT),
    P_ALIVE("p_alive", "存活概率", Kind.DECIMAL),
    EXPECTED_PURCHASES_90D("expected_purchases_90d", "未来90天预计消费次数", Kind.DECIMAL),
    PREDICTED_CLV("predicted_clv", "预测价值", Kind.MONEY);

    /** The fields that read visits: a rule using one needs {@link MemberFacts#withVisits}. */
    public boolean readsVisits() {
        return this == VISITS || this == DAYS_SINCE_LAST_VISIT;
    }

    /**
     * The fields the prediction models answer (issue 20): a buyer's scores under the latest model fitted as of the
     * rule's date; a member who had not bought by the model's date has no value.
     */
    public boolean readsPredictions() {
        return this == P_ALIVE || this == EXPECTED_PURCHASES_90D || this == PREDICTED_CLV;
    }

    /**
     * COUNT: a whole number; MONEY: yuan with at most two decimals; DECIMAL: a number with at
     * most four decimals (a probability, an expected count), kept as ten-thousandths; TEXT: one value per member;
     * SET: a member has any number of them ({@code bought}, {@code tag}), so only =, != and in.
     */
    public enum Kind { COUNT, MONEY, DECIMAL, TEXT, SET }

    private final String english;
    private final String chinese;
    private final Kind kind;

    Field(String english, String chinese, Kind kind) {
        this.english = english;
        this.chinese = chinese;
        this.kind = kind;
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }

    public Kind kind() {
        return kind;
    }

    public String name(boolean inChinese) {
        return inChinese ? chinese : english;
    }

    public boolean numeric() {
        return kind == Kind.COUNT || kind == Kind.MONEY || kind == Kind.DECIMAL;
    }

    /** The operators this field accepts, in the order a menu shows them. */
    public List<Operator> operators() {
        return numeric() ? List.of(Operator.values())
                : List.of(Operator.EQ, Operator.NE, Operator.IN);
    }

    /** By English name (any case) or Chinese name. */
    public static Optional<Field> byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.english.equals(lower) || f.chinese.equals(name))
                .findFirst();
    }

    /** "purchases (消费次数), total_spent (累计消费), …" for the unknown-field message. */
    public static String known() {
        StringBuilder text = new StringBuilder();
        for (Field field : values()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(field.english).append(" (").append(field.chinese).append(')');
        }
        return text.toString();
    }
}
