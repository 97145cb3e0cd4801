package org.memberdesk.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;

/**
 * One sheet of an Excel workbook (.xlsx) opened for reading, streamed row by row (fastexcel's StAX reader: a
 * 500,000-row sheet never sits in memory). Every cell comes out as the text a CSV cell would hold, so every
 * importer rule holds for workbooks alike: whole numbers without a spurious {@code .0} and never in scientific
 * notation (a phone stored as a number, {@code 13800138000}), cells with a date format as {@code yyyy-MM-dd} (with
 * {@code HH:mm:ss} unless the time is midnight), formulas as the value Excel last calculated, booleans
 * as {@code TRUE}/{@code FALSE}. The header is the first row that is not empty; empty rows are skipped, as a CSV
 * file's empty lines are. {@link ImportRow#line()} is the row number Excel shows.
 */
public final class XlsxSource implements ImportSource {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Excel keeps 15 significant digits; the 16th and 17th of a stored double are binary noise (0.1 + 0.2). */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> header;
    private final String fileName;
    private final long size;
    private final long sheetRows;
    private long rowsRead;
    private long number;

    XlsxSource(Path file, String sheetName) throws IOException {
        this.fileName = file.getFileName().toString();
        this.size = Files.size(file);
        this.workbook = open(file);
        try {
            Sheet sheet = sheet(workbook, sheetName);
            this.sheetRows = WorkbookFiles.rowsOf(file, sheet.getId());
            this.stream = sheet.openStream();
            this.rows = stream.iterator();
            this.header = readHeader();
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw damaged(e, file);
        }
    }

    /** The names of the workbook's sheets, in the order of their tabs. */
    static List<String> sheetNames(Path file) throws IOException {
        try (ReadableWorkbook workbook = open(file)) {
            return workbook.getSheets().map(Sheet::getName).toList();
        }
    }

    private static ReadableWorkbook open(Path file) throws IOException {
        try {
            // with cell formats: a date is a number with a date format, nothing else tells it apart
            return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw damaged(e, file);
        }
    }

    private static Sheet sheet(ReadableWorkbook workbook, String name) {
        List<Sheet> sheets = workbook.getSheets().toList();
        if (sheets.isEmpty()) {
            throw new ExcelReaderException("the workbook has no sheet");
        }
        if (name == null) {
            return sheets.get(0);
        }
        Optional<Sheet> exact = workbook.findSheet(name);
        if (exact.isPresent()) {
            return exact.get();
        }
        // a name typed on the command line: spaces around it or another case still mean that sheet
        for (Sheet sheet : sheets) {
            if (sheet.getName().strip().equalsIgnoreCase(name.strip())) {
                return sheet;
            }
        }
        throw new ValidationException(Problem.of("sheet", "import.sheet.unknown", name,
                String.join(", ", sheets.stream().map(Sheet::getName).toList())));
    }

    private List<String> readHeader() {
        Row row;
        while ((row = nextRow()) != null) {
            List<String> names = new ArrayList<>();
            int width = width(row);
            for (int column = 0; column < width; column++) {
                names.add(CsvCells.restore(text(row.getCell(column)).strip()));
            }
            if (width > 0) {
                return List.copyOf(names);
            }
        }
        return List.of();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public ImportRow next() {
        Row row;
        while ((row = nextRow()) != null) {
            int width = width(row);
            if (width == 0) {
                continue; // an empty row, as an empty line of a CSV file
            }
            // as wide as the header, so that trailing empty cells are not "too few columns"; a value beyond the
            // header's columns stays, and the row is refused for it as a CSV row with too many values is
            List<String> cells = new ArrayList<>(Math.max(width, header.size()));
            Problem unreadable = null;
            for (int column = 0; column < Math.max(width, header.size()); column++) {
                Cell cell = column < row.getCellCount() ? row.getCell(column) : null;
                String value = text(cell);
                if (unreadable == null && cell != null && cell.getType() != CellType.NUMBER) {
                    unreadable = strange(column, value);
                }
                cells.add(value);
            }
            return new ImportRow(row.getRowNum(), ++number, cells, unreadable);
        }
        return null;
    }

    private Row nextRow() {
        try {
            if (!rows.hasNext()) {
                rowsRead = sheetRows;
                return null;
            }
            rowsRead++;
            return rows.next();
        } catch (ExcelReaderException e) {
            throw new ValidationException(Problem.of("file", "import.file.damagedWorkbook", fileName));
        }
    }

    /** The cells up to the last one that holds a value: formatting-only cells to the right do not count. */
    private static int width(Row row) {
        for (int column = row.getCellCount() - 1; column >= 0; column--) {
            if (!isEmpty(row.getCell(column))) {
                return column + 1;
            }
        }
        return 0;
    }

    private static boolean isEmpty(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return true;
        }
        Object value = cell.getValue();
        return cell.getType() == CellType.ERROR ? false
                : value == null || value instanceof String text && text.isBlank();
    }

    /** A cell as the text a CSV cell would hold. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case EMPTY -> "";
            case STRING -> value == null ? "" : value.toString();
            case ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
            // a formula's value is what Excel calculated when it last saved: a number, a boolean or a text
            case NUMBER, FORMULA, BOOLEAN -> value instanceof BigDecimal n ? number(cell, n)
                    : value instanceof Boolean b ? (b ? "TRUE" : "FALSE")
                    : value == null ? "" : value.toString();
        };
    }

    private static String number(Cell cell, BigDecimal value) {
        ExcelDateFormats.Kind kind = ExcelDateFormats.kind(cell.getDataFormatId(), cell.getDataFormatString());
        // Excel shows a negative number with a date format as ####: no day of the calendar
        if (kind != ExcelDateFormats.Kind.NUMBER && value.signum() >= 0) {
            LocalDateTime time;
            try {
                time = cell.asDate();
            } catch (RuntimeException outOfRange) {
                time = null; // a date format on a number past year 9999: read as the number it is
            }
            if (time != null) {
                // to the second, as a person reads it in Excel (the serial number holds binary noise below that)
                time = time.plusNanos(500_000_000).withNano(0);
                if (kind == ExcelDateFormats.Kind.TIME && value.compareTo(BigDecimal.ONE) < 0) {
                    return time.format(TIME); // a time of day alone
                }
                // a midnight is a date alone: a date field reads it, and a time field reads a date as its midnight
                return time.format(time.toLocalTime().equals(LocalTime.MIDNIGHT) ? DATE : DATE_TIME);
            }
        }
        BigDecimal shown = value.precision() > 15 ? value.round(EXCEL_DIGITS) : value;
        return shown.signum() == 0 ? "0" : shown.stripTrailingZeros().toPlainString();
    }

    /**
     * Text that would be stored damaged or invisible, as {@link CsvSource} tells it: the replacement character
     * U+FFFD or a control character (tab and line breaks are how notes are written, and fine).
     */
    private Problem strange(int column, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F || c > 0x9F && c != '\uFFFD' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            String name = column < header.size() ? header.get(column) : Integer.toString(column + 1);
            return Problem.of("row", c == '\uFFFD' ? "import.row.replacement" : "import.row.control", name);
        }
        return null;
    }

    /**
     * How far the reading is, in bytes of the file as {@link #size()} is (the importers estimate rows and disk
     * room from them): the file's size times the share of the sheet's rows read.
     */
    @Override
    public long bytesRead() {
        return sheetRows <= 0 ? 0 : Math.min(size, size * Math.min(rowsRead, sheetRows) / sheetRows);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        try (workbook) {
            stream.close();
        }
    }

    private static RuntimeException damaged(Exception e, Path file) {
        if (e instanceof ValidationException validation) {
            return validation;
        }
        return new ValidationException(Problem.of("file", "import.file.damagedWorkbook",
                file.getFileName().toString()));
    }
}
