package org.memberdesk.analytics;

import java.util.List;

/**
 * A custom funnel the shop keeps by name: its steps are rules of the rule language, applied in order
 * after the implied first step (the members who joined in the period).
 */
public record SavedFunnel(long id, String name, List<String> steps) {
    public SavedFunnel {
        steps = List.copyOf(steps);
    }
}
