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
        String s = text.strip().replace('/', '-').replace('.', '-');
        try {
            return LocalDate.parse(s, DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (YYYY-MM-DD): '" + text + "'");
        }
    }

    static LocalDateTime dateTime(String text) {
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
}
