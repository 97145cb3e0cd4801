package org.memberdesk.io;

import java.util.List;
import org.memberdesk.common.Problem;

/**
 * One data row of an import file, whatever its format.
 *
 * @param line       where a person finds it: the line of a text file (the header is line 1), the row of a sheet
 * @param number     the row's place among the data rows (1 = the first after the header); an interrupted
 *                   import remembers the rows it stored by this number
 * @param cells      the row's values as read (a text file's cells, a sheet's cells as text)
 * @param unreadable why its text cannot be stored as it is (it does not decode, or holds control characters),
 *                   else null
 */
public record ImportRow(long line, long number, List<String> cells, Problem unreadable) {

    /** The value of a column, without surrounding spaces and as it was before an export neutralised it. */
    public String get(int index) {
        return index >= 0 && index < cells.size() ? CsvCells.restore(cells.get(index).strip()) : "";
    }

    public int size() {
        return cells.size();
    }

    /** The row's cells as they were before an export neutralised them (see {@link CsvCells}). */
    public List<String> values() {
        return cells.stream().map(cell -> CsvCells.restore(cell.strip())).toList();
    }
}
