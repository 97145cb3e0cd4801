package org.memberdesk.analytics;

import java.util.List;

/**
 * A funnel: every step keeps the members of the step before who pass it. The first step is always
 * the members who joined in the period.
 */
public record Funnel(Period period, List<Step> steps) {
    public Funnel {
        steps = List.copyOf(steps);
    }

    /** A step's name (for custom steps the rule's text) and its members' ids in ascending order. */
    public record Step(String name, long[] memberIds) {
        public long count() {
            return memberIds.length;
        }
    }

    /** Share of step i−1's members who pass step i; null for the first step or after an empty step. */
    public Ratio conversion(int index) {
        if (index == 0) {
            return null;
        }
        return new Ratio(steps.get(index).count(), steps.get(index - 1).count());
    }
}
