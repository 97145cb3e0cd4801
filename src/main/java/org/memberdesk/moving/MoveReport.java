package org.memberdesk.moving;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a move did: from where to where (addresses without passwords), the rows of each table in the order they were
 * copied, the figures both sides agreed on, how many operation log entries the checked chain holds, which checks
 * passed, and how long it took.
 */
public record MoveReport(String from, String to, Map<String, Long> tables, MoveFigures figures, long logEntries,
        List<String> checked, Duration took) {
    public MoveReport {
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
        checked = List.copyOf(checked);
    }

    /** Every row copied, all tables together. */
    public long rows() {
        return tables.values().stream().mapToLong(Long::longValue).sum();
    }
}
