package org.memberdesk.tags;

/** A comparison in a condition. BETWEEN takes two values (inclusive), IN one or more. */
public enum Operator {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), BETWEEN("between"), IN("in");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Operator bySymbol(String symbol) {
        for (Operator op : values()) {
            if (op.symbol.equalsIgnoreCase(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("not an operator: " + symbol);
    }
}
