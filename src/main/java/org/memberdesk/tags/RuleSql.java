package org.memberdesk.tags;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.memberdesk.tags.RuleNode.Condition;
import org.memberdesk.tags.RuleNode.Value;

/**
 * Translates a rule into a SQL condition over {@link MemberFacts}. Only fixed SQL text written here
 * is ever emitted; every value from the rule is a bound parameter. Each condition is two-valued (a
 * field with no value gives false, never NULL) so {@code not} of it is true, as the language says.
 * Day counts become ranges of the stored date text, so no date arithmetic runs per member.
 */
public final class RuleSql {
    /** Beyond any real distance in days or years; keeps LocalDate arithmetic in range for absurd numbers. */
    private static final long FAR_DAYS = 1_000_000;
    private static final long FAR_YEARS = 2_000;

    private final MemberFacts facts;
    private final LocalDate asOf;
    private final List<Object> params = new ArrayList<>();
    private boolean referrals;

    private RuleSql(MemberFacts facts) {
        this.facts = facts;
        this.asOf = facts.asOf();
    }

    /** A complete statement: {@code SELECT columns FROM facts WHERE joined AND rule [suffix]}. */
    public record Statement(String sql, List<Object> params) {
        public void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                Object value = params.get(i);
                if (value instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) value);
                }
            }
        }
    }

    /** SELECT {columns} over the members who had joined by the as-of date and match the rule. */
    public static Statement select(String columns, MemberFacts facts, Rule rule, String suffix) {
        RuleSql sql = new RuleSql(facts);
        String where = sql.node(rule.root());
        List<Object> all = new ArrayList<>();
        StringBuilder text = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(facts.from());
        if (sql.referrals) {
            text.append(" ").append("""
                     LEFT JOIN (SELECT referrer_no, count(*) AS n FROM members
                                WHERE referrer_no IS NOT NULL AND join_date <= ? GROUP BY referrer_no) r
                            ON r.referrer_no = m.member_no""");
            all.add(facts.asOf().toString());
        }
        text.append(" WHERE ").append(facts.joined()).append(" AND (").append(where).append(")");
        all.add(facts.asOf().toString());
        all.addAll(sql.params);
        if (suffix != null && !suffix.isEmpty()) {
            text.append(' ').append(suffix);
        }
        return new Statement(text.toString(), all);
    }

    private String node(RuleNode node) {
        if (node instanceof Condition c) {
            return condition(c);
        }
        if (node instanceof RuleNode.And and) {
            return join(and.parts(), " AND ");
        }
        if (node instanceof RuleNode.Or or) {
            return join(merged(or.parts()), " OR ");
        }
        return "NOT (" + node(((RuleNode.Not) node).part()) + ")";
    }

    /**
     * The parts joined as a balanced tree, {@code ((a) OR (b)) OR ((c) OR (d))}: SQLite refuses an expression
     * more than 1,000 levels deep, and a flat {@code a OR b OR c …} of 1,000 conditions is that deep. Halving
     * keeps any rule the parser accepts a few dozen levels deep. Parameters are added left to right, in the
     * order their marks appear.
     */
    private String join(List<RuleNode> parts, String glue) {
        if (parts.size() == 1) {
            return "(" + node(parts.get(0)) + ")";
        }
        int half = parts.size() / 2;
        String left = join(parts.subList(0, half), glue);
        String right = join(parts.subList(half, parts.size()), glue);
        return "(" + left + glue + right + ")";
    }

    /**
     * Alternatives on one text or set field ({@code channel = "a" or channel = "b" or channel in ("c")}) as one
     * list ({@code channel in ("a", "b", "c")}): the same members, one test (and for bought and tag one
     * sub-query) instead of one per value.
     */
    private static List<RuleNode> merged(List<RuleNode> parts) {
        List<RuleNode> out = new ArrayList<>();
        Map<Field, Integer> slots = new EnumMap<>(Field.class);
        Map<Field, List<Value>> values = new EnumMap<>(Field.class);
        for (RuleNode part : parts) {
            if (part instanceof Condition c && (c.field().kind() == Field.Kind.TEXT || c.field().kind() == Field.Kind.SET)
                    && (c.operator() == Operator.EQ || c.operator() == Operator.IN)) {
                if (!slots.containsKey(c.field())) {
                    slots.put(c.field(), out.size());
                    out.add(part);
                    values.put(c.field(), new ArrayList<>());
                }
                values.get(c.field()).addAll(c.values());
            } else {
                out.add(part);
            }
        }
        slots.forEach((field, slot) -> {
            List<Value> all = values.get(field);
            if (all.size() > 1) {
                out.set(slot, new Condition(field, Operator.IN, List.copyOf(all)));
            }
        });
        return out;
    }

    private String condition(Condition c) {
        return switch (c.field()) {
            case PURCHASES -> compare(facts.purchases(), c);
            case TOTAL_SPENT -> compare(facts.netCents(), c);
            case POINTS -> compare("m.points", c);
            case REFERRALS -> {
                referrals = true;
                yield compare("coalesce(r.n, 0)", c);
            }
            case BIRTHDAY_MONTH -> "m.birthday IS NOT NULL AND " + compare("CAST(substr(m.birthday, 6, 2) AS INTEGER)", c);
            case AVG_ORDER -> averageOrder(c);
            case DAYS_SINCE_LAST_PURCHASE -> daysSince(facts.lastAt(), c);
            case DAYS_SINCE_FIRST_PURCHASE -> daysSince(facts.firstAt(), c);
            case DAYS_SINCE_JOIN -> daysSince("m.join_date", c);
            case AGE -> age(c);
            case CHANNEL -> text("m.channel", c);
            case GENDER -> text("m.gender", c);
            case TIER -> text("m.tier", c);
            case BOUGHT -> bought(c);
            case TAG -> tag(c);
            case VISITS -> compare(facts.visits(), c);
            case DAYS_SINCE_LAST_VISIT -> daysSince(facts.lastVisitAt(), c);
            case STORED_VALUE -> compare(STORED_VALUE_CENTS, c);
            case SESSIONS_LEFT -> {
                params.add(asOf.toString());
                params.add(asOf.toString());
                yield compare(SESSIONS_LEFT_VALID, c);
            }
            case PASS_DAYS_LEFT -> {
                params.add(asOf.toString());
                params.add(asOf.toString());
                // NULL without a valid pass: the comparison is NULL, made false (no value)
                yield "coalesce(" + passDaysLeft(c) + ", FALSE)";
            }
            case P_ALIVE -> prediction("mp.p_alive * 10000", c);
            case EXPECTED_PURCHASES_90D -> prediction("mp.expected_90d * 10000", c);
            case PREDICTED_CLV -> prediction("mp.clv_cents", c);
        };
    }

    /*
     * The card fields, one correlated look-up per member over cards(member_id, kind): a member holds a few cards,
     * so a million members cost a million short index reads, with no temporary table.
     */

    /** Principal + bonus of the member's stored-value cards not refunded, in cents (their kept balances). */
    private static final String STORED_VALUE_CENTS = """
            (SELECT coalesce(sum(cd.principal_cents + cd.bonus_cents), 0) FROM cards cd
             WHERE cd.member_id = m.id AND cd.kind = 'stored-value' AND cd.refunded_at IS NULL)""";

    /** Sessions left on the member's session cards valid on the as-of date (bound twice). */
    private static final String SESSIONS_LEFT_VALID = """
            (SELECT coalesce(sum(cd.sessions_left), 0) FROM cards cd
             WHERE cd.member_id = m.id AND cd.kind = 'sessions' AND cd.refunded_at IS NULL
               AND cd.valid_from <= ? AND cd.valid_to >= ?)""";

    /**
     * The last day of the member's pass valid on the as-of date with the latest end; NULL without one. The as-of
     * date is bound twice.
     */
    private static final String PASS_LAST_DAY_VALID = """
            (SELECT max(cd.valid_to) FROM cards cd
             WHERE cd.member_id = m.id AND cd.kind = 'period' AND cd.refunded_at IS NULL
               AND cd.valid_from <= ? AND cd.valid_to >= ?)""";

    /**
     * A score under the latest prediction model fitted as of the date: the members whose score matches, as one set
     * (the model's scores are contiguous in member_predictions' key, so this is one range scan, and the members'
     * pass a look-up in it; a correlated look-up per member was ten times slower). A member without a score (no
     * purchase by the model's date, or no spend model for predicted_clv) is not in it: no value, so false. The
     * model id is one uncorrelated sub-query, run once; the as-of date is bound first.
     */
    private String prediction(String column, Condition c) {
        params.add(asOf.toString());
        return "m.id IN (SELECT mp.member_id FROM member_predictions mp WHERE mp.model_id = " + """
                (SELECT pm.id FROM prediction_models pm WHERE pm.scored = 1 AND pm.as_of <= ?
                 ORDER BY pm.as_of DESC, pm.fitted_at DESC, pm.id DESC LIMIT 1)""" + " AND " + compare(column, c) + ")";
    }

    /** expr op value(s) for a number that always has a value. */
    private String compare(String expr, Condition c) {
        List<Value> values = c.values();
        return switch (c.operator()) {
            case BETWEEN -> {
                params.add(values.get(0).number());
                params.add(values.get(1).number());
                yield expr + " BETWEEN ? AND ?";
            }
            case IN -> {
                values.forEach(v -> params.add(v.number()));
                yield expr + " IN (" + marks(values.size()) + ")";
            }
            default -> {
                params.add(values.get(0).number());
                yield expr + " " + sqlOperator(c.operator()) + " ?";
            }
        };
    }

    /**
     * Days left on the pass, the as-of day included (valid_to − as-of + 1), compared as the date it ends: n days
     * left ⇔ last day = as-of + n − 1, which keeps every operator (the dates' text sorts as the days). Like the
     * other day counts, no date arithmetic runs per member, and both engines compare the same text.
     */
    private String passDaysLeft(Condition c) {
        List<Value> values = c.values();
        return switch (c.operator()) {
            case BETWEEN -> {
                params.add(lastDay(values.get(0).number()));
                params.add(lastDay(values.get(1).number()));
                yield PASS_LAST_DAY_VALID + " BETWEEN ? AND ?";
            }
            case IN -> {
                values.forEach(v -> params.add(lastDay(v.number())));
                yield PASS_LAST_DAY_VALID + " IN (" + marks(values.size()) + ")";
            }
            default -> {
                params.add(lastDay(values.get(0).number()));
                yield PASS_LAST_DAY_VALID + " " + sqlOperator(c.operator()) + " ?";
            }
        };
    }

    /** The last day of a pass with this many days left at the as-of date (clamped like every day count). */
    private String lastDay(long daysLeft) {
        return asOf.plusDays(clamp(daysLeft, FAR_DAYS) - 1).toString();
    }

    /** avg_order = net / purchases, compared exactly as net op value × purchases (no division, no rounding). */
    private String averageOrder(Condition c) {
        String net = facts.netCents();
        // value × purchases: past 2^63 SQLite goes on in floating point, PostgreSQL's bigint stops with an error;
        // there it is exact numeric arithmetic, so both give the same members
        String count = facts.dialect().pick("", "CAST(1 AS NUMERIC) * ") + facts.purchases();
        List<Value> values = c.values();
        String test = switch (c.operator()) {
            case BETWEEN -> {
                params.add(values.get(0).number());
                params.add(values.get(1).number());
                yield net + " >= ? * " + count + " AND " + net + " <= ? * " + count;
            }
            case IN -> {
                List<String> any = new ArrayList<>();
                for (Value v : values) {
                    params.add(v.number());
                    any.add(net + " = ? * " + count);
                }
                yield "(" + String.join(" OR ", any) + ")";
            }
            default -> {
                params.add(values.get(0).number());
                yield net + " " + sqlOperator(c.operator()) + " ? * " + count;
            }
        };
        return facts.purchases() + " > 0 AND " + test;
    }

    /**
     * A count of days between the as-of date and the date at the start of {@code column} (a date or
     * a time as text). The days wanted become one or more ranges [low, high]; days d ↔ date as-of − d,
     * so [low, high] days is the text range [as-of − high, as-of − low + 1 day).
     */
    private String daysSince(String column, Condition c) {
        List<String> ranges = new ArrayList<>();
        for (long[] days : dayRanges(c)) {
            List<String> bounds = new ArrayList<>();
            if (days[1] != Long.MAX_VALUE) {
                bounds.add(column + " >= ?");
                params.add(asOf.minusDays(clamp(days[1], FAR_DAYS)).toString());
            }
            if (days[0] != Long.MIN_VALUE) {
                bounds.add(column + " < ?");
                params.add(asOf.minusDays(clamp(days[0], FAR_DAYS)).plusDays(1).toString());
            }
            ranges.add(bounds.isEmpty() ? "1 = 1" : String.join(" AND ", bounds));
        }
        return column + " IS NOT NULL AND (" + String.join(" OR ", ranges) + ")";
    }

    /** Age in whole years at the as-of date: age ≥ n ⇔ birthday ≤ as-of − n years. */
    private String age(Condition c) {
        List<String> ranges = new ArrayList<>();
        for (long[] years : dayRanges(c)) {
            List<String> bounds = new ArrayList<>();
            if (years[0] != Long.MIN_VALUE) {
                bounds.add("m.birthday <= ?");
                params.add(asOf.minusYears(clamp(years[0], FAR_YEARS)).toString());
            }
            if (years[1] != Long.MAX_VALUE) {
                bounds.add("m.birthday > ?");
                params.add(asOf.minusYears(clamp(years[1] + 1, FAR_YEARS)).toString());
            }
            ranges.add(bounds.isEmpty() ? "1 = 1" : String.join(" AND ", bounds));
        }
        return "m.birthday IS NOT NULL AND (" + String.join(" OR ", ranges) + ")";
    }

    /** The whole numbers a condition accepts, as inclusive ranges (MIN/MAX_VALUE for "no bound"). */
    private static List<long[]> dayRanges(Condition c) {
        long first = c.values().get(0).number();
        return switch (c.operator()) {
            case EQ -> List.<long[]>of(new long[] {first, first});
            case NE -> List.of(new long[] {Long.MIN_VALUE, first - 1}, new long[] {first + 1, Long.MAX_VALUE});
            case LT -> List.<long[]>of(new long[] {Long.MIN_VALUE, first - 1});
            case LE -> List.<long[]>of(new long[] {Long.MIN_VALUE, first});
            case GT -> List.<long[]>of(new long[] {first + 1, Long.MAX_VALUE});
            case GE -> List.<long[]>of(new long[] {first, Long.MAX_VALUE});
            case BETWEEN -> List.<long[]>of(new long[] {first, c.values().get(1).number()});
            case IN -> c.values().stream().map(v -> new long[] {v.number(), v.number()}).toList();
        };
    }

    private static long clamp(long value, long far) {
        return Math.max(-far, Math.min(far, value));
    }

    private String text(String column, Condition c) {
        List<String> values = storable(c.values());
        if (values.isEmpty()) {
            return c.operator() == Operator.NE ? column + " IS NOT NULL" : NOBODY;
        }
        params.addAll(values);
        String test = switch (c.operator()) {
            case EQ -> column + " = ?";
            case NE -> column + " != ?";
            case IN -> column + " IN (" + marks(values.size()) + ")";
            default -> throw new IllegalStateException("checked by the parser: " + c.operator());
        };
        return column + " IS NOT NULL AND " + test;
    }

    /** A condition no member meets. */
    private static final String NOBODY = "(1 = 0)";

    /**
     * The text values a stored text can equal: one holding U+0000 equals none (PostgreSQL cannot store that
     * character, nor take it as a parameter; SQLite's data never holds it, the imports refuse control characters),
     * so it is left out rather than sent, and both engines find the same members.
     */
    private static List<String> storable(List<Value> values) {
        return values.stream().map(Value::text).filter(text -> text.indexOf(0) < 0).toList();
    }

    /** Bought as of the date: member_items keeps when each member first bought each item. */
    private String bought(Condition c) {
        List<String> values = storable(c.values());
        if (values.isEmpty()) {
            return c.operator() == Operator.NE ? facts.purchases() + " > 0" : NOBODY;
        }
        params.addAll(values);
        params.add(asOf.plusDays(1).toString());
        String members = """
                m.id IN (SELECT mi.member_id FROM member_items mi
                         WHERE mi.item_id IN (SELECT id FROM items WHERE name IN (%s)) AND mi.first_bought_at < ?)"""
                .formatted(marks(values.size()));
        if (c.operator() == Operator.NE) {
            // no purchases means no value, and a condition on no value is false
            return facts.purchases() + " > 0 AND NOT " + members;
        }
        return members;
    }

    private String tag(Condition c) {
        List<String> values = storable(c.values());
        if (values.isEmpty()) {
            return c.operator() == Operator.NE ? "NOT " + NOBODY : NOBODY;
        }
        params.addAll(values);
        String members = """
                m.id IN (SELECT mt.member_id FROM member_tags mt JOIN tags t ON t.id = mt.tag_id
                         WHERE t.name IN (%s))""".formatted(marks(values.size()));
        return c.operator() == Operator.NE ? "NOT " + members : members;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String sqlOperator(Operator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            default -> throw new IllegalStateException(operator.toString());
        };
    }
}
