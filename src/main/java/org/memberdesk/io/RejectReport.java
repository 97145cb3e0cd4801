package org.memberdesk.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.memberdesk.common.Messages;

/**
 * The rejected-rows report written next to an import file ({@code members.csv} →
 * {@code members.rejected.csv}): for every bad row its line, the field, the reason, and the row
 * as it was, so it can be fixed and imported again. UTF-8 with a BOM so Excel opens it right.
 */
public final class RejectReport implements AutoCloseable {
    /** The report's own columns, before the row as it was: an import of a fixed report leaves them out. */
    public static final List<String> COLUMNS = List.of("line", "field", "reason");

    private final Path path;
    private final CSVPrinter printer;
    private long rows;

    public RejectReport(Path input, List<String> header) throws IOException {
        this.path = pathFor(input);
        BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        this.printer = CSVFormat.DEFAULT.print(writer);
        List<String> columns = new ArrayList<>(COLUMNS);
        columns.addAll(header);
        printer.printRecord(columns);
    }

    /** Whether a file's header is a rejected-rows report's: it begins with the report's own columns. */
    public static boolean isReport(List<String> header) {
        return header.size() > COLUMNS.size() && header.subList(0, COLUMNS.size()).equals(COLUMNS);
    }

    public static Path pathFor(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path parent = input.toAbsolutePath().getParent();
        return parent.resolve(stem + ".rejected.csv");
    }

    public void reject(long line, String field, String reason, List<String> row) throws IOException {
        List<String> record = new ArrayList<>(List.of(Long.toString(line), field, reason));
        record.addAll(row);
        printer.printRecord(record);
        rows++;
    }

    /** Writes a batch's rejected rows, each reason in the person's language. */
    void rejectAll(List<MemberImporter.Rejection> rejections, Messages messages)
            throws IOException {
        for (MemberImporter.Rejection rejection : rejections) {
            reject(rejection.line(), rejection.field(), rejection.reason(messages), rejection.row());
        }
    }

    public long rows() {
        return rows;
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
