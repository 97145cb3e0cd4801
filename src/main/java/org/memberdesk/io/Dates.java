package org.memberdesk.io;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Dates and times as shop files write them: 2024-03-05, 2024/3/5, 2024-03-05 14:30[:00]. Impossible dates are refused. */
final class Dates {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]")
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    static LocalDate date(String text) {
        if (text.length() == 10 && canonical(text, "dddd-dd-dd")) {
            // what exports and most files write: read the digits instead of running a formatter (a million rows)
            try {
                return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("not a date (YYYY-MM-DD): '" + text + "'");
            }
        }
        String s = text.strip().replace('/', '-').replace('.', '-');
        try {
            return LocalDate.parse(s, DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (YYYY-MM-DD): '" + text + "'");
        }
    }

    static LocalDateTime dateTime(String text) {
        if (text.length() == 19 && canonical(text, "dddd-dd-dd dd:dd:dd")) {
            try {
                return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                        number(text, 11, 13), number(text, 14, 16), number(text, 17, 19));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("not a time (YYYY-MM-DD HH:MM[:SS]): '" + text + "'");
            }
        }
        String s = text.strip().replace('T', ' ');
        int space = s.indexOf(' ');
        try {
            if (space < 0) {
                return date(s).atStartOfDay();
            }
            LocalDate day = date(s.substring(0, space));
            LocalTime time = LocalTime.parse(s.substring(space + 1).strip(), TIME);
            return day.atTime(time);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a time (YYYY-MM-DD HH:MM[:SS]): '" + text + "'");
        }
    }

    /** Whether {@code text} has an ASCII digit wherever {@code shape} has 'd' and the same character elsewhere. */
    private static boolean canonical(String text, String shape) {
        for (int i = 0; i < shape.length(); i++) {
            char c = text.charAt(i);
            if (shape.charAt(i) == 'd' ? c < '0' || c > '9' : c != shape.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
