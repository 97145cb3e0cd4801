package org.memberdesk.analytics;

import java.util.List;

/**
 * How members split by one attribute. {@code asOf} null: the current members (not archived), by tier,
 * channel or spend band; otherwise the segments engine's members as of that day (RFM: those who had
 * bought by then; lifecycle stages: those who had joined by then).
 */
public record Distribution(String attribute, java.time.LocalDate asOf, List<Slice> slices) {
    public Distribution {
        slices = List.copyOf(slices);
    }

    /** One group; {@code key} is the stored value (null: members without one), {@code label} what to show. */
    public record Slice(String key, String label, long count) {
    }

    public long total() {
        return slices.stream().mapToLong(Slice::count).sum();
    }
}
