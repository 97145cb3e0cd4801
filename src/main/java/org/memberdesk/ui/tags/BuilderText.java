package org.memberdesk.ui.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memberdesk.tags.Field;
import org.memberdesk.tags.Operator;
import org.memberdesk.tags.Rule;
import org.memberdesk.tags.RuleNode;

/**
 * Between the visual builder's rows and rule text. The builder shows one list of conditions joined
 * all by "and" or all by "or", each possibly negated; a rule of another shape (groups inside groups)
 * is edited as text only.
 */
final class BuilderText {
    private BuilderText() {
    }

    /** What the builder shows for a parsed rule: the join ("and"/"or") and the rows, or empty. */
    record Shape(boolean any, List<String[]> rows) {
    }

    static Optional<Shape> shape(RuleNode root) {
        List<RuleNode> parts;
        boolean any;
        if (root instanceof RuleNode.And and) {
            parts = and.parts();
            any = false;
        } else if (root instanceof RuleNode.Or or) {
            parts = or.parts();
            any = true;
        } else {
            parts = List.of(root);
            any = false;
        }
        List<String[]> rows = new ArrayList<>();
        for (RuleNode part : parts) {
            boolean negated = part instanceof RuleNode.Not;
            RuleNode inner = negated ? ((RuleNode.Not) part).part() : part;
            if (!(inner instanceof RuleNode.Condition c)) {
                return Optional.empty();
            }
            rows.add(new String[] {negated ? "not" : "", c.field().name(), c.operator().name(),
                value(c, 0), c.operator() == Operator.BETWEEN ? value(c, 1) : ""});
        }
        return Optional.of(new Shape(any, rows));
    }

    private static String value(RuleNode.Condition c, int index) {
        if (c.operator() == Operator.IN) {
            List<String> all = new ArrayList<>();
            c.values().forEach(v -> all.add(c.field().numeric() ? v.text() : quoted(v.text())));
            return String.join(", ", all);
        }
        String text = c.values().get(index).text();
        return c.field().numeric() ? text : text;
    }

    /** The text of the rows, for the parser to check (so the builder never writes what the text would refuse). */
    static String text(boolean any, List<ConditionRow> rows, boolean chinese) {
        List<String> parts = new ArrayList<>();
        for (ConditionRow row : rows) {
            Field field = row.fieldProperty().get();
            Operator op = row.operatorProperty().get() == null ? Operator.EQ : row.operatorProperty().get();
            String name = field.name(chinese);
            String condition = switch (op) {
                case BETWEEN -> name + " between " + literal(field, row.valueProperty().get()) + " and "
                        + literal(field, row.value2Property().get());
                case IN -> name + " in (" + list(field, row.valueProperty().get()) + ")";
                default -> name + " " + op.symbol() + " " + literal(field, row.valueProperty().get());
            };
            parts.add(row.notProperty().get() ? "not " + condition : condition);
        }
        return String.join(any ? " or " : " and ", parts);
    }

    private static String literal(Field field, String value) {
        String v = value == null ? "" : value.strip();
        return field.numeric() ? v : quoted(v);
    }

    private static String list(Field field, String values) {
        if (field.numeric()) {
            return values == null ? "" : values.strip();
        }
        // already-quoted items stay as typed; bare ones are quoted
        List<String> items = new ArrayList<>();
        for (String item : (values == null ? "" : values).split("[,，]")) {
            String s = item.strip();
            items.add(s.startsWith("\"") || s.startsWith("'") ? s : quoted(s));
        }
        return String.join(", ", items);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** Parses the builder's text; the rule when it is complete and valid. */
    static Optional<Rule> rule(String text) {
        try {
            return Optional.of(Rule.parse(text));
        } catch (org.memberdesk.tags.RuleException e) {
            return Optional.empty();
        }
    }
}
