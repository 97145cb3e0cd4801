package org.memberdesk.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.memberdesk.common.Money;
import org.memberdesk.tags.RuleLexer.Token;
import org.memberdesk.tags.RuleLexer.Type;
import org.memberdesk.tags.RuleNode.Condition;
import org.memberdesk.tags.RuleNode.Value;

/**
 * Recursive descent over the tokens. Grammar (not binds tighter than and, and tighter than or):
 * <pre>
 * rule      := or END
 * or        := and ( OR and )*
 * and       := unary ( AND unary )*
 * unary     := NOT unary | '(' or ')' | condition
 * condition := field ( cmp value | BETWEEN value AND value | IN '(' value ( ',' value )* ')' )
 * </pre>
 */
final class RuleParser {
    static final int MAX_LENGTH = 10_000;
    /** Deeper nesting than any person writes; keeps hostile text from exhausting the stack. */
    private static final int MAX_DEPTH = 100;

    private final List<Token> tokens;
    private int next;
    private int depth;

    private RuleParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static RuleNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RuleException(1, "rule.empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new RuleException(MAX_LENGTH + 1, "rule.tooLong", MAX_LENGTH);
        }
        RuleParser parser = new RuleParser(RuleLexer.tokens(text));
        RuleNode rule = parser.or();
        Token end = parser.peek();
        if (end.type() != Type.END) {
            throw new RuleException(end.position(), end.type() == Type.CLOSE ? "rule.unopened" : "rule.expected.end",
                    end.shown());
        }
        return rule;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        return tokens.get(next++);
    }

    private RuleNode or() {
        List<RuleNode> parts = new ArrayList<>();
        addOr(parts, and());
        while (peek().isKeyword("or")) {
            take();
            addOr(parts, and());
        }
        return parts.size() == 1 ? parts.get(0) : new RuleNode.Or(parts);
    }

    private RuleNode and() {
        List<RuleNode> parts = new ArrayList<>();
        addAnd(parts, unary());
        while (peek().isKeyword("and")) {
            take();
            addAnd(parts, unary());
        }
        return parts.size() == 1 ? parts.get(0) : new RuleNode.And(parts);
    }

    /** a or (b or c) is a or b or c: one flat group, so the text written back reads back the same. */
    private static void addOr(List<RuleNode> parts, RuleNode part) {
        if (part instanceof RuleNode.Or or) {
            parts.addAll(or.parts());
        } else {
            parts.add(part);
        }
    }

    private static void addAnd(List<RuleNode> parts, RuleNode part) {
        if (part instanceof RuleNode.And and) {
            parts.addAll(and.parts());
        } else {
            parts.add(part);
        }
    }

    private RuleNode unary() {
        Token token = peek();
        if (++depth > MAX_DEPTH) {
            throw new RuleException(token.position(), "rule.tooDeep", MAX_DEPTH);
        }
        try {
            if (token.isKeyword("not")) {
                take();
                return new RuleNode.Not(unary());
            }
            if (token.type() == Type.OPEN) {
                take();
                RuleNode inside = or();
                Token close = take();
                if (close.type() != Type.CLOSE) {
                    throw new RuleException(close.position(), "rule.expected.close", token.position(), close.shown());
                }
                return inside;
            }
            return condition();
        } finally {
            depth--;
        }
    }

    private RuleNode condition() {
        Token name = take();
        if (name.type() != Type.WORD || RuleLexer.KEYWORDS.containsKey(name.text().toLowerCase(Locale.ROOT))) {
            throw new RuleException(name.position(), "rule.expected.field", name.shown());
        }
        Field field = Field.byName(name.text()).orElseThrow(() ->
                new RuleException(name.position(), "rule.unknown.field", name.text(), Field.known()));
        Token opToken = take();
        Operator operator;
        if (opToken.type() == Type.OPERATOR) {
            operator = Operator.bySymbol(opToken.text());
        } else if (opToken.isKeyword("between")) {
            operator = Operator.BETWEEN;
        } else if (opToken.isKeyword("in")) {
            operator = Operator.IN;
        } else {
            throw new RuleException(opToken.position(), "rule.expected.operator", field.english(), opToken.shown());
        }
        if (!field.operators().contains(operator)) {
            throw new RuleException(opToken.position(), "rule.operator.notAllowed", field.english(),
                    operator.symbol());
        }
        List<Value> values = new ArrayList<>();
        switch (operator) {
            case BETWEEN -> {
                Token lowToken = peek();
                Value low = value(field);
                Token and = take();
                if (!and.isKeyword("and")) {
                    throw new RuleException(and.position(), "rule.expected.betweenAnd", and.shown());
                }
                Value high = value(field);
                if (low.number() > high.number()) {
                    throw new RuleException(lowToken.position(), "rule.between.order", low.text(), high.text());
                }
                values.add(low);
                values.add(high);
            }
            case IN -> {
                Token open = take();
                if (open.type() != Type.OPEN) {
                    throw new RuleException(open.position(), "rule.expected.list", open.shown());
                }
                values.add(value(field));
                while (true) {
                    Token sep = take();
                    if (sep.type() == Type.CLOSE) {
                        break;
                    }
                    if (sep.type() != Type.COMMA) {
                        throw new RuleException(sep.position(), "rule.expected.listNext", sep.shown());
                    }
                    values.add(value(field));
                }
            }
            default -> values.add(value(field));
        }
        return new Condition(field, operator, values);
    }

    private Value value(Field field) {
        Token token = take();
        return switch (field.kind()) {
            case COUNT -> {
                if (token.type() != Type.NUMBER || token.text().contains(".") || token.text().length() > 13) {
                    throw new RuleException(token.position(), "rule.expected.count", field.english(), token.shown());
                }
                long number = Long.parseLong(token.text());
                if (field == Field.BIRTHDAY_MONTH && (number < 1 || number > 12)) {
                    throw new RuleException(token.position(), "rule.month.range", token.text());
                }
                yield Value.count(number);
            }
            case MONEY -> {
                if (token.type() != Type.NUMBER) {
                    throw new RuleException(token.position(), "rule.expected.money", field.english(), token.shown());
                }
                try {
                    yield Value.cents(Money.parseYuan(token.text()));
                } catch (IllegalArgumentException e) {
                    throw new RuleException(token.position(), "rule.expected.money", field.english(), token.shown());
                }
            }
            case DECIMAL -> {
                java.math.BigDecimal number = null;
                if (token.type() == Type.NUMBER && token.text().length() <= 13) {
                    number = new java.math.BigDecimal(token.text());
                }
                if (number == null || number.stripTrailingZeros().scale() > 4) {
                    throw new RuleException(token.position(), "rule.expected.decimal", field.english(), token.shown());
                }
                yield Value.decimal(number);
            }
            case TEXT, SET -> {
                boolean word = token.type() == Type.WORD
                        && !RuleLexer.KEYWORDS.containsKey(token.text().toLowerCase(Locale.ROOT));
                if (token.type() != Type.STRING && token.type() != Type.NUMBER && !word) {
                    throw new RuleException(token.position(), "rule.expected.text", field.english(), token.shown());
                }
                if (field == Field.GENDER) {
                    yield Value.text(gender(token));
                }
                yield Value.text(token.text());
            }
        };
    }

    private static String gender(Token token) {
        return switch (token.text().strip().toLowerCase(Locale.ROOT)) {
            case "m", "male", "男" -> "M";
            case "f", "female", "女" -> "F";
            default -> throw new RuleException(token.position(), "rule.gender.invalid", token.shown());
        };
    }
}
