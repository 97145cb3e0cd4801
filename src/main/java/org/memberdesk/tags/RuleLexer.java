package org.memberdesk.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits rule text into tokens. Accepts what a Chinese keyboard types too: full-width parentheses,
 * commas, quotes and comparison signs (（ ） ， “ ” ‘ ’ ＝ ＞ ＜ ≥ ≤ ≠).
 */
final class RuleLexer {
    enum Type { WORD, NUMBER, STRING, OPERATOR, OPEN, CLOSE, COMMA, END }

    /** A token; {@code position} is the 1-based character where it starts. */
    record Token(Type type, String text, int position) {
        boolean isKeyword(String keyword) {
            return type == Type.WORD && KEYWORDS.getOrDefault(text.toLowerCase(Locale.ROOT), "").equals(keyword);
        }

        /** How an error message names this token. */
        String shown() {
            return switch (type) {
                case END -> "the end of the rule";
                case STRING -> "\"" + text + "\"";
                default -> "'" + text + "'";
            };
        }
    }

    /** Spellings of the keywords: English in any case, and the Chinese words for and, or, not. */
    static final java.util.Map<String, String> KEYWORDS = java.util.Map.ofEntries(
            java.util.Map.entry("and", "and"), java.util.Map.entry("且", "and"), java.util.Map.entry("并且", "and"),
            java.util.Map.entry("or", "or"), java.util.Map.entry("或", "or"), java.util.Map.entry("或者", "or"),
            java.util.Map.entry("not", "not"), java.util.Map.entry("非", "not"),
            java.util.Map.entry("between", "between"), java.util.Map.entry("in", "in"));

    private static final Set<Character> DOUBLE_QUOTES = Set.of('"', '“', '”');
    private static final Set<Character> SINGLE_QUOTES = Set.of('\'', '‘', '’');

    private RuleLexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int position = i + 1;
            if (Character.isWhitespace(c) || c == '\u3000') {
                i++;
            } else if (c == '(' || c == '（') {
                tokens.add(new Token(Type.OPEN, "(", position));
                i++;
            } else if (c == ')' || c == '）') {
                tokens.add(new Token(Type.CLOSE, ")", position));
                i++;
            } else if (c == ',' || c == '，' || c == '、') {
                tokens.add(new Token(Type.COMMA, ",", position));
                i++;
            } else if (DOUBLE_QUOTES.contains(c) || SINGLE_QUOTES.contains(c)) {
                Set<Character> closing = DOUBLE_QUOTES.contains(c) ? DOUBLE_QUOTES : SINGLE_QUOTES;
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = text.charAt(j);
                    if (closing.contains(d)) {
                        // a doubled quote stands for the quote itself: 'O''Brien'
                        if (j + 1 < n && text.charAt(j + 1) == d) {
                            value.append(d);
                            j += 2;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    value.append(d);
                    j++;
                }
                if (!closed) {
                    throw new RuleException(position, "rule.string.unclosed");
                }
                tokens.add(new Token(Type.STRING, value.toString(), position));
                i = j + 1;
            } else if (isDigit(c) || ((c == '-' || c == '.') && i + 1 < n && isDigit(text.charAt(i + 1)))) {
                int j = i + 1;
                while (j < n && (isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Type.NUMBER, text.substring(i, j), position));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(new Token(Type.WORD, text.substring(i, j), position));
                i = j;
            } else {
                String op = operator(text, i);
                if (op == null) {
                    throw new RuleException(position, "rule.char.unexpected", String.valueOf(c));
                }
                tokens.add(new Token(Type.OPERATOR, canonical(op), position));
                i += op.length();
            }
        }
        tokens.add(new Token(Type.END, "", n + 1));
        return tokens;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The operator spelled at i, as typed (so its length is right), or null. */
    private static String operator(String text, int i) {
        for (String op : new String[] {"!=", "<>", "<=", ">=", "==", "！=", "＜＝", "＞＝", "=", "<", ">", "＝", "＜",
                "＞", "≥", "≤", "≠"}) {
            if (text.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    private static String canonical(String op) {
        return switch (op) {
            case "<>", "！=", "≠" -> "!=";
            case "==", "＝" -> "=";
            case "＜＝", "≤" -> "<=";
            case "＞＝", "≥" -> ">=";
            case "＜" -> "<";
            case "＞" -> ">";
            default -> op;
        };
    }
}
