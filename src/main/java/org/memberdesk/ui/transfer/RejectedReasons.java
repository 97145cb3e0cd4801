package org.memberdesk.ui.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberdesk.io.CsvSource;
import org.memberdesk.io.ImportResult;
import org.memberdesk.io.ImportResult.RejectedReason;
import org.memberdesk.io.ImportRow;
import org.memberdesk.io.TextEncoding;

/**
 * Why the rows of an import were rejected, for the summary's table: as the importer counted them
 * ({@link ImportResult#rejectedByReason()}), or — when it gave none — counted from the rejected-rows report itself,
 * whose rows say their line and reason. Runs on the import's background thread.
 */
final class RejectedReasons {
    /** Lines shown per reason: enough to find the first few in the file. */
    static final int FIRST_LINES = 5;

    private RejectedReasons() {
    }

    static List<RejectedReason> of(ImportResult done) {
        if (!done.rejectedByReason().isEmpty()) {
            return done.rejectedByReason();
        }
        if (done.rejected() == 0 || done.report() == null || !Files.isRegularFile(done.report())) {
            return List.of();
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, List<Long>> lines = new LinkedHashMap<>();
        try (CsvSource report = new CsvSource(done.report(), TextEncoding.UTF8)) {
            ImportRow row;
            while ((row = report.next()) != null) {
                if (row.size() < 3) {
                    continue;
                }
                String reason = row.get(2);
                counts.computeIfAbsent(reason, r -> new long[1])[0]++;
                List<Long> first = lines.computeIfAbsent(reason, r -> new ArrayList<>());
                if (first.size() < FIRST_LINES) {
                    try {
                        first.add(Long.parseLong(row.get(0)));
                    } catch (NumberFormatException e) {
                        // a line the report could not number: counted, not listed
                    }
                }
            }
        } catch (IOException e) {
            return List.of(); // the link still opens the report itself
        }
        List<RejectedReason> reasons = new ArrayList<>();
        counts.forEach((reason, count) -> reasons.add(new RejectedReason(reason, count[0], lines.get(reason))));
        reasons.sort((a, b) -> Long.compare(b.rows(), a.rows())); // most frequent first, as the importer gives them
        return reasons;
    }
}
