package org.memberdesk.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;

/** A CSV (text) import file opened for reading: its header, its rows with their line numbers, and how much is read. */
public final class CsvSource implements ImportSource {
    private final LineDecoder text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CountingStream counting;
    private final long size;
    private final List<String> header;

    public CsvSource(Path file, TextEncoding encoding) throws IOException {
        char delimiter = Delimiter.of(refuseBinary(file));
        LineDecoder.Mode mode = encoding.modeFor(file);
        this.size = Files.size(file);
        this.counting = new CountingStream(Files.newInputStream(file));
        this.text = new LineDecoder(counting, mode);
        // values are not trimmed by the parser (Row.get strips them): a quoted value's line breaks must stay
        // countable, so that a row spanning several lines is reported at the line it starts on
        this.parser = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(text);
        this.records = parser.iterator();
        List<String> names = new ArrayList<>();
        if (hasNext()) {
            for (String name : nextRecord()) {
                names.add(CsvCells.restore(name.strip()));
            }
        }
        this.header = List.copyOf(names);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public ImportRow next() {
        if (!hasNext()) {
            return null;
        }
        CSVRecord record = nextRecord();
        // one pass over the values: line breaks inside them, and the first character that must not be stored
        long breaks = 0;
        int strangeColumn = -1;
        char strange = 0;
        for (int column = 0; column < record.size(); column++) {
            String value = record.get(column);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= 0x20 && c < 0x7F || c > 0x9F && c != '\uFFFD') {
                    continue; // the ordinary case, first
                }
                if (c == '\n' || c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n')) {
                    breaks++; // as the parser counts lines: CR LF, LF or CR each one
                } else if (c != '\t' && c != '\r' && strangeColumn < 0) {
                    strangeColumn = column;
                    strange = c;
                }
            }
        }
        // the parser now stands on the record's last line; a quoted value with line breaks started it earlier
        long last = parser.getCurrentLineNumber();
        long line = Math.max(1, last - breaks);
        String undecoded = text.unreadable(line, last);
        Problem unreadable = undecoded != null ? Problem.of("row", undecoded)
                : strangeColumn >= 0 ? strange(strangeColumn, strange) : null;
        return new ImportRow(line, record.getRecordNumber(), Arrays.asList(record.values()), unreadable);
    }

    /**
     * A spreadsheet, a database or a picture chosen by mistake: its bytes would come back as a header of garbage.
     * Text files (UTF-8, GBK) never hold a NUL byte; these formats always do near their start. Returns the bytes
     * read (the file's start), for the delimiter.
     */
    private static byte[] refuseBinary(Path file) throws IOException {
        byte[] start = new byte[8192];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(start, 0, start.length);
        }
        boolean database = n >= 16 && new String(start, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("SQLite format 3");
        for (int i = 0; i < n; i++) {
            if (start[i] == 0) {
                throw new ValidationException(Problem.of("file", database ? "import.file.database"
                        : "import.file.binary", file.getFileName().toString()));
            }
        }
        return Arrays.copyOf(start, n);
    }

    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw unreadableFile(e);
        }
    }

    private CSVRecord nextRecord() {
        try {
            return records.next();
        } catch (UncheckedIOException e) {
            throw unreadableFile(e);
        }
    }

    /**
     * The parser's own failures are about the file's shape, in its words ("(startline 7) EOF reached before
     * encapsulated token finished"): the one a shop meets is a quote opened and never closed, which swallows
     * the rest of the file into one value. Said with the line it starts on; others keep the parser's text.
     */
    private static RuntimeException unreadableFile(UncheckedIOException e) {
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        java.util.regex.Matcher start = java.util.regex.Pattern.compile("\\(startline (\\d+)\\)").matcher(message);
        if (message.contains("EOF reached before encapsulated token finished") && start.find()) {
            return new ValidationException(Problem.of("file", "import.file.unclosedQuote",
                    Long.parseLong(start.group(1))));
        }
        return e;
    }

    /**
     * A value that would be stored damaged or invisible: the replacement character U+FFFD (text that was
     * already lost before the file was saved) or a control character (tab and line breaks are fine, they
     * are how notes are written).
     */
    private Problem strange(int column, char c) {
        String name = column < header.size() ? header.get(column) : Integer.toString(column + 1);
        return Problem.of("row", c == '\uFFFD' ? "import.row.replacement" : "import.row.control", name);
    }

    @Override
    public long bytesRead() {
        return counting.count;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
