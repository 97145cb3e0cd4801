package org.memberdesk.tags;

import java.util.List;
import java.util.Locale;
import org.memberdesk.common.Messages;
import org.memberdesk.tags.RuleNode.Condition;
import org.memberdesk.tags.RuleNode.Value;

/**
 * A rule in words of the person's language, from the bundles: field names ({@code rule.field.*}), comparisons
 * ({@code rule.words.*}) and the joining words. What a saved tag, a chip or a campaign shows; the rule's text
 * (English keywords, which the parser reads) stays what is stored and typed.
 */
public final class RuleWords {
    private final Messages messages;

    public RuleWords(Messages messages) {
        this.messages = messages;
    }

    /** The field's name in the person's language ("Total spent", 累计消费). */
    public String field(Field field) {
        return messages.get("rule.field." + field.english());
    }

    /** The comparison as a menu shows it ("between", 介于). */
    public String operator(Operator operator) {
        return messages.get("rule.op." + operator.name().toLowerCase(Locale.ROOT));
    }

    public String describe(Rule rule) {
        return node(rule.root());
    }

    private String node(RuleNode node) {
        if (node instanceof Condition c) {
            return condition(c);
        }
        if (node instanceof RuleNode.And and) {
            return joined(and.parts(), "rule.words.and", RuleNode.Or.class);
        }
        if (node instanceof RuleNode.Or or) {
            return joined(or.parts(), "rule.words.or", RuleNode.And.class);
        }
        RuleNode part = ((RuleNode.Not) node).part();
        return messages.get("rule.words.not", part instanceof Condition ? node(part) : group(node(part)));
    }

    /** Parts joined pairwise by the pattern; a part of the other kind goes in brackets so the grouping stays clear. */
    private String joined(List<RuleNode> parts, String patternKey, Class<?> grouped) {
        return pairs(parts.stream().map(p -> grouped.isInstance(p) ? group(node(p)) : node(p)).toList(), patternKey);
    }

    private String pairs(List<String> texts, String patternKey) {
        String text = texts.get(0);
        for (String next : texts.subList(1, texts.size())) {
            text = messages.get(patternKey, text, next);
        }
        return text;
    }

    private String group(String text) {
        return messages.get("rule.words.group", text);
    }

    private String condition(Condition c) {
        String field = field(c.field());
        List<Value> values = c.values();
        return switch (c.operator()) {
            case BETWEEN -> messages.get("rule.words.between", field, value(c.field(), values.get(0)),
                    value(c.field(), values.get(1)));
            case IN -> messages.get("rule.words.in", field,
                    pairs(values.stream().map(v -> value(c.field(), v)).toList(), "rule.words.list"));
            case EQ -> messages.get(c.field().numeric() ? "rule.words.compare" : "rule.words.is", field,
                    operator(c.operator()), value(c.field(), values.get(0)));
            case NE -> messages.get(c.field().numeric() ? "rule.words.compare" : "rule.words.isNot", field,
                    operator(c.operator()), value(c.field(), values.get(0)));
            default -> messages.get("rule.words.compare", field, operator(c.operator()),
                    value(c.field(), values.get(0)));
        };
    }

    private String value(Field field, Value value) {
        if (field.kind() == Field.Kind.MONEY) {
            return messages.get("rule.words.yuan", value.text());
        }
        if (field == Field.GENDER) {
            return messages.get("rule.words.gender." + value.text());
        }
        return value.text();
    }
}
