package org.memberdesk.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Problem;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.db.PrivateFiles;

/**
 * The rejected-rows report written next to an import file ({@code members.csv} →
 * {@code members.rejected.csv}): for every bad row its line, the field, the reason, and the row
 * as it was, so it can be fixed and imported again. UTF-8 with a BOM so Excel opens it right, cells
 * neutralised against formulas ({@link CsvCells}; an import restores them).
 * <p>
 * When the import file's folder cannot be written (a CD, a read-only share, another user's folder) the
 * report goes to the {@code reports} folder beside the database instead; {@link #path()} says where.
 * It is written through the output guard: it appears when the import ends, never over the database.
 */
public final class RejectReport implements AutoCloseable {
    /** The report's own columns, before the row as it was: an import of a fixed report leaves them out. */
    public static final List<String> COLUMNS = List.of("line", "field", "reason");

    private final Path path;
    private final OutputFiles.Output output;
    private final CSVPrinter printer;
    /** How many lines of the first rows of each reason are kept: enough to find and look at a few. */
    static final int FIRST_LINES = 5;

    private long rows;
    /** Why rows were rejected, by the problem's field and message (not its value), in order of first appearance. */
    private final Map<String, Reason> reasons = new LinkedHashMap<>();

    /** One reason: its words, the rows of the report it covers, and the lines of the first few of them. */
    private static final class Reason {
        final String text;
        long rows;
        final List<Long> firstLines = new ArrayList<>(FIRST_LINES);

        Reason(String text) {
            this.text = text;
        }
    }

    public RejectReport(OutputFiles files, Path input, List<String> header) throws IOException {
        Path beside = pathFor(input);
        this.path = besideOrInReports(files, beside, input);
        if (!path.equals(beside)) {
            PrivateFiles.ownFolder(path.getParent());
        }
        this.output = files.open(path, input);
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output.stream(), StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            this.printer = CSVFormat.DEFAULT.print(writer);
            List<String> columns = new ArrayList<>(COLUMNS);
            columns.addAll(header);
            printer.printRecord(CsvCells.row(columns));
        } catch (IOException | RuntimeException e) {
            output.close();
            throw e;
        }
    }

    /**
     * Where the report goes: beside the import file, unless that folder cannot be written or the name there is
     * refused by the output guard (a link to the database, a folder of that name: the person never chose this
     * name, so the import should not stop over it) — then the same name in the reports folder beside the database.
     */
    private static Path besideOrInReports(OutputFiles files, Path beside, Path input) {
        Path chosen = files.writableOrInReports(beside);
        try {
            files.check(chosen, input);
            return chosen;
        } catch (org.memberdesk.db.OutputRefusedException refused) {
            return files.reportsFolder().resolve(beside.getFileName().toString());
        }
    }

    /** Whether a file's header is a rejected-rows report's: it begins with the report's own columns. */
    public static boolean isReport(List<String> header) {
        return header.size() > COLUMNS.size() && header.subList(0, COLUMNS.size()).equals(COLUMNS);
    }

    /** Beside the import file: {@code members.csv} → {@code members.rejected.csv}. */
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
        printer.printRecord(CsvCells.row(record));
        rows++;
    }

    /** Writes a batch's rejected rows, each reason in the person's language. */
    void rejectAll(List<MemberImporter.Rejection> rejections, Messages messages)
            throws IOException {
        for (MemberImporter.Rejection rejection : rejections) {
            reject(rejection.line(), rejection.field(), rejection.reason(messages), rejection.row());
            Reason reason = reasons.computeIfAbsent(rejection.field() + '\u0000' + rejection.problem().key(),
                    key -> new Reason(general(rejection.problem(), messages)));
            reason.rows++;
            if (reason.firstLines.size() < FIRST_LINES) {
                reason.firstLines.add(rejection.line());
            }
        }
    }

    /**
     * Why rows were rejected, most frequent first (ties in the order they first appeared): each reason in the
     * report's words without any one row's value, the report's rows it covers (a row with two problems counts
     * under both), the first lines.
     */
    public List<ImportResult.RejectedReason> reasons() {
        return reasons.values().stream()
                .sorted(Comparator.comparingLong((Reason r) -> r.rows).reversed())
                .map(r -> new ImportResult.RejectedReason(r.text, r.rows, r.firstLines))
                .toList();
    }

    /**
     * A problem's words for every row it happens to: its own message when that carries no value; else the general
     * wording kept for it ({@code import.reason.<key>}, given the field), else its message with the values left out.
     * Worked out once per reason, not per row.
     */
    static String general(Problem problem, Messages messages) {
        if (problem.args().isEmpty()) {
            return problem.describe(messages);
        }
        String generalKey = "import.reason." + problem.key();
        String general = messages.get(generalKey, problem.field());
        if (!general.equals(generalKey)) {
            return general;
        }
        String pattern = messages.get(problem.key());
        return pattern.replaceAll("\\{[^}]*}", "…").replace("''", "'");
    }

    public long rows() {
        return rows;
    }

    /** Where the report is: beside the import file, or in the reports folder beside the database. */
    public Path path() {
        return path;
    }

    /** Puts the report in place: the rows rejected so far, also when the import stopped early. */
    @Override
    public void close() throws IOException {
        try (output) {
            printer.flush();
            output.commit();
        }
    }
}
