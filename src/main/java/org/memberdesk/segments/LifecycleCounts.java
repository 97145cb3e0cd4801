package org.memberdesk.segments;

import java.time.LocalDate;
import java.util.Map;

/** How many members who had joined by the date are in each stage (all five keys, zero when empty). */
public record LifecycleCounts(LocalDate asOf, LifecycleSettings settings, Map<LifecycleStage, Long> stages) {
    public long total() {
        return stages.values().stream().mapToLong(Long::longValue).sum();
    }
}
