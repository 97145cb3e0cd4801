package org.memberdesk.io;

/**
 * Which character separates a text file's columns: a comma, a semicolon (Excel's CSV where the decimal mark is a
 * comma) or a tab (a copy from a spreadsheet, a "text" export). Told from the file's first lines, outside quotes:
 * the one that splits the header into the most columns and every next line into as many; a header that none of
 * them splits is one column, read as comma-separated. Read from the bytes: in UTF-8 and GBK these characters and
 * the quote are single bytes that never occur inside another character.
 */
final class Delimiter {
    private static final char[] CANDIDATES = {',', ';', '\t'};
    /** The header and this many lines after it are compared. */
    private static final int LINES = 5;

    private Delimiter() {
    }

    /** The delimiter of a file that starts with {@code start} (its first few kilobytes). */
    static char of(byte[] start) {
        int[][] counts = new int[LINES + 1][CANDIDATES.length];
        int lines = countLines(start, counts);
        char best = ',';
        int bestColumns = 0;
        boolean bestConsistent = false;
        for (int c = 0; c < CANDIDATES.length; c++) {
            int header = counts[0][c];
            if (header == 0) {
                continue;
            }
            boolean consistent = true;
            for (int line = 1; line < lines; line++) {
                consistent &= counts[line][c] == header;
            }
            // a consistent split beats an inconsistent one; then more columns win; a tie keeps the earlier (comma)
            if (consistent && !bestConsistent || consistent == bestConsistent && header > bestColumns) {
                best = CANDIDATES[c];
                bestColumns = header;
                bestConsistent = consistent;
            }
        }
        return best;
    }

    /**
     * Counts each candidate outside quotes on the first lines (the header first; blank lines skipped; a line cut off
     * by the end of {@code start} is not counted). Returns how many lines were counted.
     */
    private static int countLines(byte[] start, int[][] counts) {
        int line = 0;
        boolean quoted = false;
        boolean blank = true;
        int from = start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = from; i < start.length && line <= LINES; i++) {
            byte b = start[i];
            if (b == '"') {
                quoted = !quoted; // a doubled quote inside a value toggles twice: still inside
                blank = false;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                if (!blank) {
                    line++;
                }
                blank = true;
            } else {
                if (!quoted) {
                    for (int c = 0; c < CANDIDATES.length; c++) {
                        if (b == CANDIDATES[c]) {
                            counts[line][c]++;
                        }
                    }
                }
                blank &= b == ' ';
            }
        }
        // the last line counted only when it ended (a cut-off line would count fewer delimiters)
        return Math.max(1, Math.min(line, LINES + 1));
    }
}
