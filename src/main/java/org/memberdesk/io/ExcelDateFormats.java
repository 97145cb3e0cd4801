package org.memberdesk.io;

/**
 * Whether an Excel number format shows its number as a date, a time or both. In a workbook a date is only a
 * number (days since 1900) with such a format, so this is what tells {@code 45292} (a count) from
 * {@code 2024-01-01}. fastexcel's reader gives the format; deciding is ours, by Excel's own rules.
 */
final class ExcelDateFormats {
    enum Kind { NUMBER, DATE, TIME, DATE_TIME }

    private ExcelDateFormats() {
    }

    /**
     * @param id     the cell's number format id (the built-in ones have no text in the file), or null
     * @param format the format's text, when the file or the reader knows it, else null
     */
    static Kind kind(Integer id, String format) {
        if (format != null) {
            return ofText(format);
        }
        if (id == null) {
            return Kind.NUMBER;
        }
        return switch (id) {
            // Excel's built-in dates, and those of Chinese Excel: 27–31, 36, 50–54, 57, 58 are 年/月/日 forms
            case 14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58 -> Kind.DATE;
            case 22 -> Kind.DATE_TIME;
            // h:mm, h:mm:ss, mm:ss, [h]:mm:ss, and Chinese 时/分/秒 forms (32–35, 55, 56)
            case 18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56 -> Kind.TIME;
            default -> Kind.NUMBER;
        };
    }

    /** A format's text: its first section, without quoted text, escapes, colours and locales. */
    static Kind ofText(String format) {
        if (format.equalsIgnoreCase("General") || format.equals("@")) {
            return Kind.NUMBER;
        }
        boolean date = false;
        boolean time = false;
        String section = format;
        int length = section.length();
        for (int i = 0; i < length; i++) {
            char c = section.charAt(i);
            switch (c) {
                case ';' -> i = length; // only the first section: the one for positive numbers
                case '"' -> {
                    int end = section.indexOf('"', i + 1);
                    i = end < 0 ? length : end;
                }
                case '\\', '_', '*' -> i++; // an escaped character, a space as wide as one, a fill character
                case '[' -> {
                    int end = section.indexOf(']', i + 1);
                    String inside = end < 0 ? "" : section.substring(i + 1, end).toLowerCase(java.util.Locale.ROOT);
                    // [h]:mm, [mm]:ss are elapsed times; [Red], [$-804] and [>100] are not about dates
                    if (!inside.isEmpty() && inside.chars().allMatch(ch -> ch == 'h' || ch == 'm' || ch == 's')) {
                        time = true;
                    }
                    i = end < 0 ? length : end;
                }
                case 'y', 'Y', 'd', 'D' -> date = true;
                case 'h', 'H', 's', 'S' -> time = true;
                case 'm', 'M' -> {
                    // the M of "AM/PM" is a time's marker, not a month
                    if (i > 0 && "AaPp".indexOf(section.charAt(i - 1)) >= 0) {
                        time = true;
                    } else {
                        boolean minutes = near(section, i);
                        date = date || !minutes;
                        time = time || minutes;
                    }
                }
                default -> {
                }
            }
        }
        if (date && time) {
            return Kind.DATE_TIME;
        }
        return date ? Kind.DATE : time ? Kind.TIME : Kind.NUMBER;
    }

    /** An {@code m} next to {@code h} or {@code s} ({@code h:mm}, {@code mm:ss}) is minutes, not a month. */
    private static boolean near(String format, int i) {
        for (int j = i - 1; j >= 0; j--) {
            char c = Character.toLowerCase(format.charAt(j));
            if (c == 'h') {
                return true;
            }
            if (c != 'm' && c != ':' && c != ' ' && c != '[' && c != ']') {
                break;
            }
        }
        for (int j = i + 1; j < format.length(); j++) {
            char c = Character.toLowerCase(format.charAt(j));
            if (c == 's') {
                return true;
            }
            if (c != 'm' && c != ':' && c != ' ' && c != '[' && c != ']') {
                break;
            }
        }
        return false;
    }
}
