package org.memberdesk.common;

import java.util.Locale;

/** Money is a count of cents ({@code long}); this turns yuan text into cents and back, never via floating point. */
public final class Money {
    private Money() {
    }

    /**
     * Parses yuan as written in a file or typed at the counter: {@code 12}, {@code 12.5}, {@code 12.50},
     * {@code -3.20}, {@code ¥1,280.00}. More than two decimals, or anything else, is refused.
     *
     * <p>A comma is read only as a thousands separator: groups of exactly three digits ({@code 1,250},
     * {@code 1,250.00}, {@code 12,345,678}). A comma followed by one or two digits and no dot
     * ({@code 12,50}, {@code 3,5}) is how much of Europe writes decimals: it is refused as ambiguous,
     * never read as 1,250 — an amount off by a factor of 100 is worse than a rejected row.
     */
    public static long parseYuan(String text) {
        String[] parts = yuanParts(text);
        String whole = parts[1];
        String fraction = parts[2];
        if (fraction.length() > 2) {
            throw new IllegalArgumentException("more than two decimals: '" + text + "'");
        }
        long yuan = whole.isEmpty() ? 0 : Long.parseLong(whole);
        long cents = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "0").substring(0, 2));
        long total = yuan * 100 + cents;
        return parts[0] != null ? -total : total;
    }

    /**
     * Whether yuan text has more than two decimals ({@code 0.001}, a unit price): such a price is read with
     * {@link #parseYuanExact}, and only a line's amount is rounded to the cent. A plain scan, no allocation.
     */
    public static boolean hasSubCents(String text) {
        int dot = text.indexOf('.');
        return dot >= 0 && text.length() - dot - 1 > 2;
    }

    /**
     * Yuan as written, with as many decimals as it has ({@code 0.001}): a unit price, multiplied by a quantity
     * before the line is rounded to the cent. The same forms as {@link #parseYuan}, and the same refusals but
     * the decimals.
     */
    public static java.math.BigDecimal parseYuanExact(String text) {
        String[] parts = yuanParts(text);
        java.math.BigDecimal value = new java.math.BigDecimal((parts[1].isEmpty() ? "0" : parts[1])
                + (parts[2].isEmpty() ? "" : "." + parts[2]));
        return parts[0] != null ? value.negate() : value;
    }

    /** Yuan text checked and taken apart: {sign ("-" or null), whole digits, fraction digits}. */
    private static String[] yuanParts(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no amount");
        }
        String s = withoutGrouping(text, text.strip().replace("，", ","));
        if (s.startsWith("¥") || s.startsWith("￥")) {
            s = s.substring(1).strip();
        }
        boolean negative = false;
        if (s.startsWith("-")) {
            negative = true;
            s = s.substring(1);
        } else if (s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("not an amount: '" + text + "'");
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String fraction = dot < 0 ? "" : s.substring(dot + 1);
        if ((whole.isEmpty() && fraction.isEmpty()) || !digits(whole) || !digits(fraction)) {
            throw new IllegalArgumentException("not an amount: '" + text + "'");
        }
        if (whole.length() > 13) {
            throw new IllegalArgumentException("amount too large: '" + text + "'");
        }
        return new String[] {negative ? "-" : null, whole, fraction};
    }

    /** Whether the amount is written with a decimal comma ({@code 12,50}): one comma, one or two digits after it, no dot. */
    public static boolean hasDecimalComma(String text) {
        String s = text == null ? "" : text.strip().replace("，", ",");
        int comma = s.lastIndexOf(',');
        if (comma < 0 || s.indexOf(',') != comma || s.indexOf('.') >= 0) {
            return false;
        }
        String after = s.substring(comma + 1);
        return (after.length() == 1 || after.length() == 2) && digits(after);
    }

    /** The text with its thousands separators taken out, after checking that they group by three. */
    private static String withoutGrouping(String text, String s) {
        int comma = s.indexOf(',');
        if (comma < 0) {
            return s;
        }
        if (hasDecimalComma(s)) {
            throw new IllegalArgumentException("decimal comma: '" + text + "' is ambiguous; write it with a dot");
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String[] groups = whole.split(",", -1);
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3 || !digits(groups[i])) {
                throw new IllegalArgumentException("not an amount: '" + text + "'");
            }
        }
        return s.replace(",", "");
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code 1250} → {@code "12.50"}; {@code -5} → {@code "-0.05"}. Re-imports exactly. */
    public static String formatYuan(long cents) {
        long abs = Math.abs(cents);
        return String.format(Locale.ROOT, "%s%d.%02d", cents < 0 ? "-" : "", abs / 100, abs % 100);
    }

    /** {@code 128000} → {@code "¥1,280.00"} for screens and printouts. */
    public static String display(long cents) {
        long abs = Math.abs(cents);
        return String.format(Locale.ROOT, "%s¥%,d.%02d", cents < 0 ? "-" : "", abs / 100, abs % 100);
    }
}
