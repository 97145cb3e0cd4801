package org.memberdesk.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cells of the CSV files MemberDesk writes for people, made safe to open in Excel and read back
 * exactly (OWASP's CSV-injection rule). A text cell beginning with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would run as a formula ({@code =HYPERLINK(…)},
 * {@code +cmd|' /C calc'!A0}); it is written with a leading apostrophe, which spreadsheets take as
 * "this is text" and do not show. A plain number such as a return's {@code -12.50} is a number, not a
 * formula, and stays as it is so sums keep working.
 * <p>
 * Reading undoes it: one leading apostrophe is dropped when what follows would have been neutralised.
 * A cell that already began with apostrophes before such a character gets one more on the way out, so
 * every value comes back as it was.
 */
public final class CsvCells {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private CsvCells() {
    }

    /** The cell as written to a file. */
    public static String neutralise(String cell) {
        if (cell == null || !startsLikeFormula(cell)) {
            return cell;
        }
        if (cell.charAt(0) != '\'' && PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    /** The cell as it was before {@link #neutralise(String)}. */
    public static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && startsLikeFormula(cell)) {
            return cell.substring(1);
        }
        return cell;
    }

    /** Text values neutralised; numbers, dates and other values as they are. */
    public static List<Object> row(Object... values) {
        return row(Arrays.asList(values));
    }

    public static List<Object> row(List<?> values) {
        List<Object> row = new ArrayList<>(values.size());
        for (Object value : values) {
            row.add(value instanceof CharSequence text ? neutralise(text.toString()) : value);
        }
        return row;
    }

    /** Apostrophes (any number, none included), then a character a spreadsheet starts a formula with. */
    private static boolean startsLikeFormula(String cell) {
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        if (i == cell.length()) {
            return false;
        }
        char c = cell.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
