package org.memberdesk.segments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.memberdesk.tags.Field;
import org.memberdesk.tags.Operator;
import org.memberdesk.tags.Rule;
import org.memberdesk.tags.RuleNode;
import org.memberdesk.tags.RuleNode.Condition;
import org.memberdesk.tags.RuleNode.Value;

/**
 * RFM at an as-of date over the members who had joined and bought by then.
 *
 * @param members      members with at least one purchase
 * @param segments     member count and net spend per segment (all eight, zero when empty)
 * @param grid         counts by R score (rows 1..5) and F score (columns 1..5)
 * @param recentBelow  R is high when days since the last purchase &lt; this (the mean, rounded up)
 * @param frequentAbove F is high when purchases &gt; this (the mean, rounded down)
 * @param spendAboveCents M is high when net spend &gt; this (the mean in cents, rounded down)
 * @param recencyScores days-since-last-purchase range [min, max] of the members with R score 1..5 (null when none)
 * @param frequencyScores purchases range [min, max] per F score 1..5 (null when none)
 */
public record RfmResult(LocalDate asOf, long members, long netCents, Map<RfmSegment, SegmentTotals> segments,
                        long[][] grid, long recentBelow, long frequentAbove, long spendAboveCents,
                        long[][] recencyScores, long[][] frequencyScores) {

    public record SegmentTotals(long members, long netCents) {
    }

    /** The rule that selects a segment's members at the same as-of date (for the list and for tagging). */
    public Rule segmentRule(RfmSegment segment) {
        List<RuleNode> parts = new ArrayList<>();
        parts.add(new Condition(Field.DAYS_SINCE_LAST_PURCHASE, segment.recent() ? Operator.LT : Operator.GE,
                Value.count(recentBelow)));
        parts.add(new Condition(Field.PURCHASES, segment.frequent() ? Operator.GT : Operator.LE,
                Value.count(frequentAbove)));
        parts.add(new Condition(Field.TOTAL_SPENT, segment.spending() ? Operator.GT : Operator.LE,
                Value.cents(spendAboveCents)));
        return Rule.of(new RuleNode.And(parts));
    }

    /** The rule that selects the members of one R×F cell (scores 1..5), or empty when the cell is empty. */
    public java.util.Optional<Rule> cellRule(int recencyScore, int frequencyScore) {
        long[] r = recencyScores[recencyScore - 1];
        long[] f = frequencyScores[frequencyScore - 1];
        if (r == null || f == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Rule.of(new RuleNode.And(List.of(
                new Condition(Field.DAYS_SINCE_LAST_PURCHASE, Operator.BETWEEN, Value.count(r[0]), Value.count(r[1])),
                new Condition(Field.PURCHASES, Operator.BETWEEN, Value.count(f[0]), Value.count(f[1]))))));
    }
}
