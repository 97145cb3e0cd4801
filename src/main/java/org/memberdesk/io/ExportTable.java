package org.memberdesk.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.memberdesk.common.Money;

/**
 * The rows of an export, written as CSV or, when the file's name ends with {@code .xlsx}, as an Excel workbook.
 * The exporter says what each value is (text, a whole number, yuan, a date, a time) and each format writes it as
 * it should: CSV as before (text neutralised by {@link CsvCells}); a workbook with numbers as numbers (yuan with
 * two decimals), dates and times as real date cells, a bold frozen header row.
 * <p>
 * Text in a workbook is never a formula (it is written as a text cell), but a person may save the sheet as CSV
 * later, and then {@code =HYPERLINK(…)} would run when that CSV is opened: so text that starts like a formula
 * gets the same leading apostrophe as in CSV (visible in the cell; an import takes it off again).
 * <p>
 * Streaming: a workbook's rows go to the file every {@value #FLUSH_ROWS} rows, text as inline strings (a shared
 * string table would hold every name and phone of the export in memory).
 */
public abstract class ExportTable {
    private static final int FLUSH_ROWS = 1_000;

    private ExportTable() {
    }

    /** Whether a file is to be written as a workbook: its name ends with {@code .xlsx}. */
    public static boolean isWorkbook(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * A table for {@code file}, written to {@code out}: {@code csv} is the CSV format when it is not a workbook,
     * {@code sheet} the name of the workbook's one sheet when it is.
     */
    public static ExportTable open(Path file, OutputStream out, CSVFormat csv, String sheet) throws IOException {
        if (isWorkbook(file)) {
            return new Xlsx(out, sheet);
        }
        return new Csv(csv.print(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)));
    }

    public abstract void header(List<String> names) throws IOException;

    /** A text; null is an empty cell. */
    public abstract ExportTable text(String value);

    public abstract ExportTable whole(long value);

    public abstract ExportTable yuan(long cents);

    /** A date as stored ({@code YYYY-MM-DD}); null or empty is an empty cell. */
    public abstract ExportTable date(String value);

    /** A time as stored ({@code YYYY-MM-DD HH:MM:SS}); null or empty is an empty cell. */
    public abstract ExportTable time(String value);

    public abstract void endRow() throws IOException;

    /** Writes what is left; the caller then commits the output. */
    public abstract void finish() throws IOException;

    private static final class Csv extends ExportTable {
        private final CSVPrinter printer;
        private final List<Object> record = new ArrayList<>();

        Csv(CSVPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void header(List<String> names) throws IOException {
            printer.printRecord(CsvCells.row(names));
        }

        @Override
        public ExportTable text(String value) {
            record.add(CsvCells.neutralise(value));
            return this;
        }

        @Override
        public ExportTable whole(long value) {
            record.add(Long.toString(value));
            return this;
        }

        @Override
        public ExportTable yuan(long cents) {
            record.add(Money.formatYuan(cents));
            return this;
        }

        @Override
        public ExportTable date(String value) {
            return text(value);
        }

        @Override
        public ExportTable time(String value) {
            return text(value);
        }

        @Override
        public void endRow() throws IOException {
            printer.printRecord(record);
            record.clear();
        }

        @Override
        public void finish() throws IOException {
            printer.flush();
        }
    }

    private static final class Xlsx extends ExportTable {
        private static final String YUAN = "0.00";
        private static final String DATE = "yyyy-mm-dd";
        private static final String TIME = "yyyy-mm-dd hh:mm:ss";

        private final Workbook workbook;
        private final Worksheet sheet;
        /** The number format of each column, from its first value that has one (null: none). */
        private final List<String> formats = new ArrayList<>();
        private int row;
        private int column;
        private int chunkStart;

        Xlsx(OutputStream out, String sheetName) {
            this.workbook = new Workbook(out, "MemberDesk", "1.0");
            this.sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public void header(List<String> names) {
            for (int c = 0; c < names.size(); c++) {
                sheet.inlineString(0, c, CsvCells.neutralise(names.get(c)));
            }
            if (!names.isEmpty()) {
                sheet.range(0, 0, 0, names.size() - 1).style().bold().set();
            }
            sheet.freezePane(0, 1);
            row = 1;
            chunkStart = 1;
        }

        @Override
        public ExportTable text(String value) {
            if (value != null && !value.isEmpty()) {
                sheet.inlineString(row, column, CsvCells.neutralise(value));
            }
            column++;
            return this;
        }

        @Override
        public ExportTable whole(long value) {
            sheet.value(row, column++, value);
            return this;
        }

        @Override
        public ExportTable yuan(long cents) {
            formatted(YUAN);
            sheet.value(row, column++, BigDecimal.valueOf(cents, 2));
            return this;
        }

        @Override
        public ExportTable date(String value) {
            if (value == null || value.isEmpty()) {
                column++;
                return this;
            }
            try {
                LocalDate date = LocalDate.parse(value);
                formatted(DATE);
                sheet.value(row, column++, date);
                return this;
            } catch (DateTimeParseException e) {
                return text(value); // not a date after all: kept as the text it is
            }
        }

        @Override
        public ExportTable time(String value) {
            if (value == null || value.isEmpty()) {
                column++;
                return this;
            }
            try {
                LocalDateTime time = LocalDateTime.parse(value.replace(' ', 'T'));
                formatted(TIME);
                sheet.value(row, column++, time);
                return this;
            } catch (DateTimeParseException e) {
                return text(value);
            }
        }

        private void formatted(String format) {
            while (formats.size() <= column) {
                formats.add(null);
            }
            if (formats.get(column) == null) {
                formats.set(column, format);
            }
        }

        @Override
        public void endRow() throws IOException {
            row++;
            column = 0;
            if (row - chunkStart >= FLUSH_ROWS) {
                flushChunk();
            }
        }

        /** The number formats of the rows written since the last flush, one range per column, then to the file. */
        private void flushChunk() throws IOException {
            if (row > chunkStart) {
                for (int c = 0; c < formats.size(); c++) {
                    if (formats.get(c) != null) {
                        sheet.range(chunkStart, c, row - 1, c).style().format(formats.get(c)).set();
                    }
                }
            }
            sheet.flush();
            chunkStart = row;
        }

        @Override
        public void finish() throws IOException {
            flushChunk();
            workbook.finish();
        }
    }
}
