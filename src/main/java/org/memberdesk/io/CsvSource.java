package org.memberdesk.io;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** An import file opened for reading: its header, its rows with their line numbers, and how much is read. */
public final class CsvSource implements AutoCloseable {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CountingStream counting;
    private final long size;
    private final List<String> header;

    /** One data row and the line of the file it starts on (the header is line 1). */
    public record Row(long line, CSVRecord record) {
        public String get(int index) {
            return index >= 0 && index < record.size() ? CsvCells.restore(record.get(index).strip()) : "";
        }

        public int size() {
            return record.size();
        }

        /** The row's cells as they were before an export neutralised them (see {@link CsvCells}). */
        public List<String> values() {
            return record.stream().map(CsvCells::restore).toList();
        }
    }

    public CsvSource(Path file, TextEncoding encoding) throws IOException {
        Charset charset = encoding.charsetFor(file);
        this.size = Files.size(file);
        this.counting = new CountingStream(Files.newInputStream(file));
        Reader reader = new BufferedReader(new InputStreamReader(counting, charset), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        this.parser = CSVFormat.DEFAULT.builder()
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(reader);
        this.records = parser.iterator();
        List<String> names = new ArrayList<>();
        if (records.hasNext()) {
            for (String name : records.next()) {
                names.add(CsvCells.restore(name.strip()));
            }
        }
        this.header = List.copyOf(names);
    }

    public List<String> header() {
        return header;
    }

    /** The next data row, or null at the end of the file. */
    public Row next() {
        if (!records.hasNext()) {
            return null;
        }
        // the iterator has read the record ahead in hasNext(): the parser now stands on its (last) line
        long line = parser.getCurrentLineNumber();
        CSVRecord record = records.next();
        return new Row(line, record);
    }

    /** The first rows, for the wizard's preview. */
    public List<List<String>> preview(int rows) {
        List<List<String>> preview = new ArrayList<>();
        Row row;
        while (preview.size() < rows && (row = next()) != null) {
            preview.add(row.values());
        }
        return preview;
    }

    public long bytesRead() {
        return counting.count;
    }

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
