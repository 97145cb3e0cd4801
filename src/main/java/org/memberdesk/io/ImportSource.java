package org.memberdesk.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;

/**
 * An import file opened for reading: its header, its rows in order, and how far the reading is (for progress).
 * Every importer reads through this, so a rule about rows holds for every file format alike.
 */
public interface ImportSource extends AutoCloseable {

    /** Opens a file of any format the importers take (a workbook: its first sheet). */
    static ImportSource open(Path file, TextEncoding encoding) throws IOException {
        return open(file, encoding, null);
    }

    /**
     * Opens a file of any format the importers take.
     *
     * @param sheet a workbook's sheet to read, null for the first; a text file has none and ignores it
     */
    static ImportSource open(Path file, TextEncoding encoding, String sheet) throws IOException {
        // by content, not by name: a workbook renamed .csv is still read as the workbook it is
        return switch (WorkbookFiles.formatOf(file)) {
            case XLSX -> new XlsxSource(file, sheet);
            // Excel 97–2003: reading it would take Apache POI (poi 5.5.1 is 3.0 MB, with commons-collections4,
            // SparseBitSet and log4j-api ~4 MB more in every installer) for a format Excel itself has not saved by
            // default since 2007; one "Save As" in Excel turns it into .xlsx
            case XLS -> throw new ValidationException(Problem.of("file", "import.file.xls",
                    file.getFileName().toString()));
            case TEXT -> new CsvSource(file, encoding);
        };
    }

    /** The names of a workbook's sheets, in order; empty for a text file, which has none. */
    static List<String> sheetNames(Path file) throws IOException {
        return WorkbookFiles.formatOf(file) == WorkbookFiles.Format.XLSX ? XlsxSource.sheetNames(file) : List.of();
    }

    List<String> header();

    /** The next data row, or null at the end of the file. */
    ImportRow next();

    /** How much of the file is read, in the unit of {@link #size()}. */
    long bytesRead();

    long size();

    @Override
    void close() throws IOException;

    /** The first rows, for the wizard's preview. */
    default List<List<String>> preview(int rows) {
        List<List<String>> preview = new ArrayList<>();
        ImportRow row;
        while (preview.size() < rows && (row = next()) != null) {
            preview.add(row.values());
        }
        return preview;
    }
}
