package org.memberdesk.analytics;

import java.util.List;

/** How the current (not archived) members split by one attribute: tier, channel, spend band, RFM segment, stage. */
public record Distribution(String attribute, List<Slice> slices) {
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
