package org.memberdesk.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.memberdesk.common.Problem;
import org.memberdesk.io.MemberImporter.FieldException;

/**
 * Dates and times as shop files write them. Without a format ({@link #ANY}): 2024-03-05, 2024/3/5, 2024.3.5,
 * 20240305 and 2024年3月5日, each alone or with a time (14:30, 14:30:09, after a space or a T). A date that puts the
 * year last (12/1/2010) is month-first in one country and day-first in another: it is refused, naming
 * {@code --date-format}, never guessed. With a format ({@link #of}) the file's dates must all be written that way.
 * Impossible dates (2023-02-29) are refused, never rolled over.
 */
public final class Dates {
    /** Every form the docs list; no form that needs a choice. */
    public static final Dates ANY = new Dates(null, null, false, false);

    /** What {@code --date-format} was given, as the messages repeat it; null for {@link #ANY}. */
    private final String pattern;
    private final DateTimeFormatter format;
    /** The format has hours (and minutes) of its own, so a time is read by it and not after it. */
    private final boolean withTime;
    /** A word form (mdy, dmy, ymd): '-' and '.' are read as '/'. */
    private final boolean anySeparator;

    private Dates(String pattern, DateTimeFormatter format, boolean withTime, boolean anySeparator) {
        this.pattern = pattern;
        this.format = format;
        this.withTime = withTime;
        this.anySeparator = anySeparator;
    }

    /**
     * The file's date format: null or blank for {@link #ANY}; {@code mdy}, {@code dmy} or {@code ymd} (any of
     * / - . between the parts); or a pattern of java's DateTimeFormatter ({@code M/d/yyyy}, {@code d.M.yyyy},
     * {@code yyyyMMdd}, {@code d/M/yyyy H:mm}). A time after the date (a space, then 8:26 or 08:26:00) is read
     * even when the pattern names none.
     *
     * @throws IllegalArgumentException naming what is wrong, for a pattern that cannot read a date
     */
    public static Dates of(String dateFormat) {
        if (dateFormat == null || dateFormat.isBlank()) {
            return ANY;
        }
        String given = dateFormat.strip();
        String word = switch (given.toLowerCase(Locale.ROOT)) {
            case "mdy" -> "M/d/uuuu";
            case "dmy" -> "d/M/uuuu";
            case "ymd" -> "uuuu/M/d";
            default -> null;
        };
        String javaPattern = word != null ? word : yearOfEra(given);
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(javaPattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw badPattern(given, e.getMessage());
        }
        String letters = lettersOf(javaPattern);
        if (!(letters.contains("u") && letters.contains("M") && letters.contains("d"))) {
            throw badPattern(given, "it needs the year (yyyy), the month (M or MM) and the day (d or dd)");
        }
        // a pattern that reads a date it wrote itself: one that cannot is not a way any file writes dates
        try {
            LocalDateTime sample = LocalDateTime.of(2010, 12, 1, 8, 26, 0);
            formatter.parse(formatter.format(sample));
        } catch (DateTimeException e) {
            throw badPattern(given, e.getMessage());
        }
        return new Dates(given, formatter, letters.contains("H") || letters.contains("h"), word != null);
    }

    private static IllegalArgumentException badPattern(String given, String why) {
        return new IllegalArgumentException("--date-format " + given + " is not a date format: " + why
                + "; give the order of the file's dates as a pattern such as M/d/yyyy (12/1/2010 = 1 December),"
                + " d/M/yyyy, d.M.yyyy or yyyyMMdd, or as a word: mdy, dmy, ymd");
    }

    /** 'y' (year of era) as 'u' (year): a strict formatter reading yyyy without an era would refuse every date. */
    private static String yearOfEra(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }

    private static String lettersOf(String pattern) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && Character.isLetter(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A date of the field {@code field}; a value that is none becomes a problem naming the field and the why. */
    LocalDate date(String field, String raw) {
        try {
            return readDate(raw);
        } catch (Unreadable e) {
            throw problem(field, "import.date.invalid", raw, e);
        }
    }

    /** A time (a date alone is its midnight) of the field {@code field}, as {@link #date(String, String)}. */
    LocalDateTime dateTime(String field, String raw) {
        try {
            return readDateTime(raw);
        } catch (Unreadable e) {
            throw problem(field, "import.time.invalid", raw, e);
        }
    }

    private FieldException problem(String field, String plainKey, String raw, Unreadable e) {
        if (pattern != null) {
            return new FieldException(Problem.of(field, "import.date.notFormat", raw, pattern));
        }
        return new FieldException(e.yearLast ? Problem.of(field, "import.date.needsFormat", raw)
                : Problem.of(field, plainKey, raw));
    }

    LocalDate readDate(String text) {
        if (format == null && text.length() == 10 && canonical(text, "dddd-dd-dd")) {
            // what exports and most files write: read the digits instead of running a formatter (a million rows)
            return day(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
        }
        // a date with a time (an export's 注册时间 column) is that day
        return readDateTime(text).toLocalDate();
    }

    LocalDateTime readDateTime(String text) {
        if (format == null && text.length() == 19 && canonical(text, "dddd-dd-dd dd:dd:dd")) {
            try {
                return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                        number(text, 11, 13), number(text, 14, 16), number(text, 17, 19));
            } catch (DateTimeException e) {
                throw new Unreadable(false);
            }
        }
        String s = text.strip();
        if (format != null) {
            return formatted(s);
        }
        int end = dateEnd(s);
        LocalDate day = anyDate(s.substring(0, end));
        if (end == s.length()) {
            return day.atStartOfDay();
        }
        // the time follows the space or the T, or comes right after the 日
        return day.atTime(time(s.substring(s.charAt(end - 1) == '日' ? end : end + 1).strip()));
    }

    /** Where the date part ends: at the first space, at a T after a digit, or just after 日 (which it keeps). */
    private static int dateEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == 'T' && i > 0 && Character.isDigit(s.charAt(i - 1))) {
                return i;
            }
            if (c == '日') {
                return i + 1; // 2024年3月5日14:30: the 日 stays with the date, the time follows
            }
        }
        return s.length();
    }

    /** H:mm or H:mm:ss, read by hand (a million rows); a database export's fraction of a second is dropped. */
    private static LocalTime time(String t) {
        int hourEnd = digits(t, 0);
        int length = t.length();
        int fraction = t.indexOf('.');
        if (fraction > 0 && t.indexOf(':') < t.lastIndexOf(':') && fraction > t.lastIndexOf(':')
                && fraction + 1 < length && digits(t, fraction + 1) == length) {
            length = fraction; // 08:26:00.000: shops keep whole seconds
        }
        boolean shaped = hourEnd >= 1 && hourEnd <= 2 && (length == hourEnd + 3 || length == hourEnd + 6)
                && t.charAt(hourEnd) == ':' && digits(t, hourEnd + 1) == hourEnd + 3
                && (length == hourEnd + 3 || t.charAt(hourEnd + 3) == ':' && digits(t, hourEnd + 4) >= length);
        if (!shaped) {
            throw new Unreadable(false);
        }
        try {
            return LocalTime.of(number(t, 0, hourEnd), number(t, hourEnd + 1, hourEnd + 3),
                    length == hourEnd + 6 ? number(t, hourEnd + 4, hourEnd + 6) : 0);
        } catch (DateTimeException e) {
            throw new Unreadable(false);
        }
    }

    /**
     * The forms without a choice, read by hand (no regex, no formatter): 20240305, then year, month, day with one
     * separator (- / .) or 年 月 日. Two or fewer digits first and four last is a date that needs a format.
     */
    private static LocalDate anyDate(String s) {
        if (s.length() == 8 && canonical(s, "dddddddd")) {
            return day(number(s, 0, 4), number(s, 4, 6), number(s, 6, 8));
        }
        int first = digits(s, 0);
        if (first == 0 || first == s.length()) {
            throw new Unreadable(false);
        }
        char separator = s.charAt(first);
        boolean chinese = separator == '年';
        if (!chinese && separator != '-' && separator != '/' && separator != '.') {
            throw new Unreadable(false);
        }
        int second = digits(s, first + 1);
        if (second == first + 1 || second == s.length()) {
            throw new Unreadable(false);
        }
        char next = s.charAt(second);
        if (chinese ? next != '月' : next != separator) {
            throw new Unreadable(false);
        }
        int third = digits(s, second + 1);
        int end = chinese ? third < s.length() && s.charAt(third) == '日' ? third + 1 : -1 : third;
        if (third == second + 1 || end != s.length() || second - first - 1 > 2 || third - second - 1 > 4) {
            throw new Unreadable(false);
        }
        if (first <= 2 && third - second - 1 == 4 && !chinese) {
            throw new Unreadable(true); // 12/1/2010: month or day first? The file's format says.
        }
        if (first != 4 || third - second - 1 > 2) {
            throw new Unreadable(false);
        }
        return day(number(s, 0, 4), number(s, first + 1, second), number(s, second + 1, third));
    }

    private LocalDateTime formatted(String text) {
        if (!withTime) {
            int space = text.indexOf(' ');
            if (space > 0) {
                LocalDate day = formattedDate(text.substring(0, space));
                return day.atTime(time(text.substring(space + 1).strip()));
            }
            return formattedDate(text).atStartOfDay();
        }
        try {
            TemporalAccessor read = format.parse(text);
            LocalDate day = LocalDate.from(read);
            return read.isSupported(ChronoField.HOUR_OF_DAY) ? day.atTime(LocalTime.from(read)) : day.atStartOfDay();
        } catch (DateTimeException e) {
            throw new Unreadable(false);
        }
    }

    private LocalDate formattedDate(String text) {
        String s = anySeparator ? text.replace('-', '/').replace('.', '/') : text;
        try {
            return LocalDate.parse(s, format);
        } catch (DateTimeParseException e) {
            throw new Unreadable(false);
        }
    }

    private static LocalDate day(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new Unreadable(false);
        }
    }

    /** Where the run of ASCII digits from {@code from} ends. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
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

    /** Not a date of this file's form; {@code yearLast}: a form that would be one with {@code --date-format}. */
    static final class Unreadable extends IllegalArgumentException {
        final boolean yearLast;

        Unreadable(boolean yearLast) {
            super(yearLast ? "a date with the year last needs --date-format" : "not a date");
            this.yearLast = yearLast;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // a bad row is an answer, not a bug: no trace to build for each one
        }
    }
}
