package org.memberdesk.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.memberdesk.common.Counted;
import org.memberdesk.db.DataException;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.members.MemberStore;
import org.memberdesk.staff.LogFilter;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;

/**
 * The operation log (操作日志) to a CSV file or, by name, an Excel workbook (the owner only): the entries a filter
 * selects, oldest first, with their hashes so the copy can be checked against the chain later. Through the output
 * guard (whole or not at all); the export itself is logged once the file is kept.
 */
public final class OperationLogExport {
    public static final List<String> COLUMNS = List.of("id", "time", "staff", "action", "member_id", "subject",
            "summary", "reason", "money", "prev_hash", "hash");

    private final OutputFiles files;
    private final OperationLog log;

    public OperationLogExport(OutputFiles files, OperationLog log) {
        this.files = files;
        this.log = log;
    }

    /** Writes the selected entries; returns how many. Refused (NotAllowedException) to all but the owner. */
    public long write(LogFilter filter, Path file) {
        files.check(file);
        long written;
        try (OutputFiles.Output output = files.open(file, null)) {
            ExportTable table = ExportTable.open(file, output.stream(), CSVFormat.DEFAULT, "log");
            table.header(COLUMNS);
            written = log.export(filter, entry -> table.whole(entry.id()).time(MemberStore.timeText(entry.at()))
                    .text(entry.staffName()).text(entry.action())
                    .text(entry.memberId() == null ? null : Long.toString(entry.memberId()))
                    .text(entry.subject()).text(entry.summary()).text(entry.reason())
                    .text(entry.money() ? "yes" : "").text(entry.previousHash()).text(entry.hash()).endRow());
            table.finish();
            output.commit();
        } catch (IOException e) {
            throw new DataException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        log.record(OperationLog.Entry.of(Operation.EXPORT, null, "operation log",
                Counted.of(written, "entry", "entries") + " → " + file.getFileName()));
        return written;
    }
}
