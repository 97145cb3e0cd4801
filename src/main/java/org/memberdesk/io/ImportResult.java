package org.memberdesk.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did. For members the counts are rows; for purchases they are purchases (a
 * purchase may span several rows). A cancelled import kept every batch committed before the
 * cancel and nothing of the batch that was running.
 *
 * @param alreadyImportedRows rows of this file that an earlier run of the same file (same bytes) had stored, so
 *                            this run skipped them; they are counted in {@code duplicates} too (as purchases for a
 *                            purchase file)
 * @param resumed             an earlier run of the same file had been interrupted (killed, stopped by an error, or
 *                            cancelled): this run finished it
 * @param updated             members already in the shop whose fields the file changed ({@code --update})
 * @param rejectedByReason    why rows were rejected: each reason in the reject report's words (without any one
 *                            row's value), how many rows of the report it covers, and the first of their lines;
 *                            most frequent first
 */
public record ImportResult(long imported, long duplicates, long rejected, Path report, boolean cancelled,
                           long alreadyImportedRows, boolean resumed, long updated,
                           List<RejectedReason> rejectedByReason) {

    /** One reason rows were rejected for: its text, how many rows, and the lines of the first few of them. */
    public record RejectedReason(String reason, long rows, List<Long> firstLines) {
        public RejectedReason {
            firstLines = List.copyOf(firstLines);
        }
    }

    public ImportResult {
        rejectedByReason = rejectedByReason == null ? List.of() : List.copyOf(rejectedByReason);
    }

    /** The reasons as the command line's JSON gives them: reason text → rows, most frequent first. */
    public Map<String, Long> rejectedCountsByReason() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RejectedReason reason : rejectedByReason) {
            counts.merge(reason.reason(), reason.rows(), Long::sum);
        }
        return counts;
    }

    public ImportResult(long imported, long duplicates, long rejected, Path report, boolean cancelled,
                        long alreadyImportedRows, boolean resumed) {
        this(imported, duplicates, rejected, report, cancelled, alreadyImportedRows, resumed, 0, List.of());
    }

    public ImportResult(long imported, long duplicates, long rejected, Path report, boolean cancelled) {
        this(imported, duplicates, rejected, report, cancelled, 0, false);
    }
}
