package org.memberdesk.io;

/**
 * A whole number as a spreadsheet may have saved it: a customer id typed as a number comes out of Excel or
 * pandas as {@code 17850.0}. In the columns that hold whole numbers or identifiers (member numbers, phones,
 * purchase numbers) the {@code .0} is not part of the value.
 */
final class WholeNumbers {
    private WholeNumbers() {
    }

    /**
     * {@code 17850.0} and {@code 17850.00} → {@code 17850}; anything else as it is ({@code 17850.5}, {@code A.0},
     * {@code 0.0.0}). A plain scan of the characters: the text itself comes back unless it has such a tail.
     */
    static String of(String text) {
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            return text;
        }
        for (int i = dot + 1; i < text.length(); i++) {
            if (text.charAt(i) != '0') {
                return text;
            }
        }
        int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        if (start == dot) {
            return text;
        }
        for (int i = start; i < dot; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return text;
            }
        }
        return text.substring(0, dot);
    }
}
