package org.memberdesk.segments;

import java.time.LocalDate;
import java.util.Map;

/**
 * Members by stage at {@code since} and at {@code asOf}. The "before" stage is null for members who
 * joined after {@code since}. {@code moved} counts the members whose stage differs (joiners included).
 */
public record LifecycleMoves(LocalDate since, LocalDate asOf, Map<LifecycleStage, Map<LifecycleStage, Long>> fromTo,
                             Map<LifecycleStage, Long> joined, long moved) {
}
