package org.memberdesk.tags;

import java.util.List;

/** The parsed form of a rule: conditions combined with and, or and not. Immutable. */
public sealed interface RuleNode permits RuleNode.Condition, RuleNode.And, RuleNode.Or, RuleNode.Not {

    /**
     * One comparison, e.g. {@code purchases >= 3}. Values are already checked against the field:
     * whole numbers for counts, cents for money, ten-thousandths for decimals, gender as M/F.
     */
    record Condition(Field field, Operator operator, List<Value> values) implements RuleNode {
        public Condition {
            values = List.copyOf(values);
        }

        public Condition(Field field, Operator operator, Value... values) {
            this(field, operator, List.of(values));
        }
    }

    /** All of the parts hold (two or more). */
    record And(List<RuleNode> parts) implements RuleNode {
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** Any of the parts holds (two or more). */
    record Or(List<RuleNode> parts) implements RuleNode {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    /** The part does not hold (true for a condition on a field with no value). */
    record Not(RuleNode part) implements RuleNode {
    }

    /**
     * A value in a condition: for count and money fields {@code number} is the count or the cents and
     * {@code text} its canonical spelling ("500", "499.50"); for text fields only {@code text} counts.
     */
    record Value(String text, long number) {
        public static Value text(String text) {
            return new Value(text, 0);
        }

        public static Value count(long number) {
            return new Value(Long.toString(number), number);
        }

        /** A decimal with at most four places, kept as ten-thousandths: 0.3 → 3000, text "0.3". */
        public static Value decimal(java.math.BigDecimal value) {
            java.math.BigDecimal plain = value.stripTrailingZeros();
            if (plain.scale() < 0) {
                plain = plain.setScale(0);
            }
            return new Value(plain.toPlainString(), value.movePointRight(4).longValueExact());
        }

        public static Value cents(long cents) {
            String yuan = org.memberdesk.common.Money.formatYuan(cents);
            return new Value(yuan.endsWith(".00") ? yuan.substring(0, yuan.length() - 3) : yuan, cents);
        }
    }
}
