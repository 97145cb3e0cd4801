package org.memberdesk.common;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Times as every table stores them: {@code YYYY-MM-DD HH:MM:SS}, shop local time. Here, below the features, so the
 * staff package (which every feature uses) can write them without depending on a feature.
 */
public final class Times {
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    /** {@link #TIME}'s text of a time, written digit by digit: an import writes several per purchase. */
    public static String text(LocalDateTime time) {
        int year = time.getYear();
        if (year < 1000 || year > 9999) {
            return time.format(TIME);
        }
        char[] text = "0000-00-00 00:00:00".toCharArray();
        digits(text, 0, year, 4);
        digits(text, 5, time.getMonthValue(), 2);
        digits(text, 8, time.getDayOfMonth(), 2);
        digits(text, 11, time.getHour(), 2);
        digits(text, 14, time.getMinute(), 2);
        digits(text, 17, time.getSecond(), 2);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
