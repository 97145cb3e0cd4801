package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.segments.LifecycleService;
import org.memberdesk.segments.LifecycleStage;
import org.memberdesk.segments.RfmSegment;
import org.memberdesk.segments.RfmService;
import org.memberdesk.tags.Field;
import org.memberdesk.tags.Operator;
import org.memberdesk.tags.Rule;
import org.memberdesk.tags.RuleException;
import org.memberdesk.tags.RuleNode;
import org.memberdesk.tags.RuleService;

/**
 * Rule, tag, RFM-segment and lifecycle targets, answered by the tags and segments engine as of today:
 * each becomes one of its rules (a tag is {@code tag = NAME}, a segment or stage is the rule the
 * engine itself gives for it) and the engine lists the matching members. Archived members are left out.
 */
public final class SegmentTargets implements RuleTargets {
    private final RfmService rfm;
    private final LifecycleService lifecycle;
    private final Clock clock;
    private final RuleService rules;

    public SegmentTargets(RfmService rfm, LifecycleService lifecycle, RuleService rules, Clock clock) {
        this.rfm = rfm;
        this.lifecycle = lifecycle;
        this.rules = rules;
        this.clock = clock;
    }

    /** A rule target on the prediction fields: its model fitted first when there is none (issue 20). */
    @Override
    public void prepare(Target target) {
        if (target.kind() == Target.Kind.RULE) {
            LocalDate today = LocalDate.now(clock);
            rules.prepare(rule(target, today), today);
        }
    }

    @Override
    public long[] members(Connection connection, Target target) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        long[] matched = RuleService.members(connection, rule(target, today), today);
        Set<Long> archived = archived(connection);
        return archived.isEmpty() ? matched : Arrays.stream(matched).filter(id -> !archived.contains(id)).toArray();
    }

    Rule rule(Target target, LocalDate today) {
        return switch (target.kind()) {
            case RULE -> {
                try {
                    yield Rule.parse(target.value());
                } catch (RuleException e) {
                    throw new ValidationException(Problem.of("target", "campaign.target.badRule",
                            e.describe(Messages.english())));
                }
            }
            case TAG -> Rule.of(new RuleNode.Condition(Field.TAG, Operator.EQ,
                    List.of(RuleNode.Value.text(target.value()))));
            case SEGMENT -> rfm.compute(today).segmentRule(segment(target.value()));
            case LIFECYCLE -> LifecycleService.stageRule(stage(target.value()), lifecycle.settings());
            default -> throw new IllegalArgumentException("not a rule target: " + target.text());
        };
    }

    /** An RFM segment by its key (important_value) or Chinese name (重要价值). */
    static RfmSegment segment(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (RfmSegment segment : RfmSegment.values()) {
            if (segment.key().equals(wanted) || segment.chinese().equals(name.strip())) {
                return segment;
            }
        }
        throw new ValidationException(Problem.of("target", "campaign.target.unknownSegment", name));
    }

    /** A lifecycle stage by its key (dormant) or Chinese name (沉睡). */
    static LifecycleStage stage(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (LifecycleStage stage : LifecycleStage.values()) {
            if (stage.key().equals(wanted) || stage.chinese().equals(name.strip())) {
                return stage;
            }
        }
        throw new ValidationException(Problem.of("target", "campaign.target.unknownStage", name));
    }

    private static Set<Long> archived(Connection connection) throws SQLException {
        return CouponUseStore.archivedMembers(connection);
    }
}
