package org.memberdesk.tags;

import java.util.List;
import java.util.stream.Collectors;
import org.memberdesk.tags.RuleNode.Condition;
import org.memberdesk.tags.RuleNode.Value;

/**
 * A checked rule: the text as typed and its parsed form. {@link #parse} is the only way to make one
 * from text, so a Rule in hand is always valid.
 */
public record Rule(String text, RuleNode root) {

    /** Parses and checks a rule; a RuleException names the position and what was expected. */
    public static Rule parse(String text) {
        return new Rule(text, RuleParser.parse(text));
    }

    /** A rule made by the visual builder (or templates) from its parts; the text is the canonical one. */
    public static Rule of(RuleNode root) {
        return new Rule(write(root, false), root);
    }

    /** The canonical text with English field names (what is stored for a rule tag). */
    public String canonical() {
        return write(root, false);
    }

    /** The canonical text with Chinese field names (keywords stay English: they are what the builder writes). */
    public String chinese() {
        return write(root, true);
    }

    public static String write(RuleNode node, boolean chinese) {
        if (node instanceof Condition c) {
            return condition(c, chinese);
        }
        if (node instanceof RuleNode.And and) {
            return and.parts().stream()
                    .map(p -> p instanceof RuleNode.Or ? "(" + write(p, chinese) + ")" : write(p, chinese))
                    .collect(Collectors.joining(" and "));
        }
        if (node instanceof RuleNode.Or or) {
            return or.parts().stream().map(p -> write(p, chinese)).collect(Collectors.joining(" or "));
        }
        RuleNode.Not not = (RuleNode.Not) node;
        return "not " + (not.part() instanceof Condition || not.part() instanceof RuleNode.Not
                ? write(not.part(), chinese) : "(" + write(not.part(), chinese) + ")");
    }

    private static String condition(Condition c, boolean chinese) {
        String field = c.field().name(chinese);
        List<Value> values = c.values();
        return switch (c.operator()) {
            case BETWEEN -> field + " between " + value(c.field(), values.get(0)) + " and "
                    + value(c.field(), values.get(1));
            case IN -> field + " in (" + values.stream().map(v -> value(c.field(), v))
                    .collect(Collectors.joining(", ")) + ")";
            default -> field + " " + c.operator().symbol() + " " + value(c.field(), values.get(0));
        };
    }

    private static String value(Field field, Value value) {
        if (field.numeric()) {
            return value.text();
        }
        // every character the lexer takes as a closing double quote is doubled to stand for itself
        return "\"" + value.text().replace("\"", "\"\"").replace("“", "““").replace("”", "””") + "\"";
    }

    /** Whether a condition of the rule reads visits ({@link Field#readsVisits}). */
    public boolean readsVisits() {
        return reads(root, Field::readsVisits);
    }

    /** Whether a condition of the rule reads the prediction model's scores ({@link Field#readsPredictions}). */
    public boolean readsPredictions() {
        return reads(root, Field::readsPredictions);
    }

    private static boolean reads(RuleNode node, java.util.function.Predicate<Field> which) {
        if (node instanceof Condition c) {
            return which.test(c.field());
        }
        if (node instanceof RuleNode.And and) {
            return and.parts().stream().anyMatch(p -> reads(p, which));
        }
        if (node instanceof RuleNode.Or or) {
            return or.parts().stream().anyMatch(p -> reads(p, which));
        }
        return reads(((RuleNode.Not) node).part(), which);
    }

    @Override
    public String toString() {
        return text;
    }
}
