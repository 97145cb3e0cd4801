package org.memberdesk.segments;

import java.util.ArrayList;
import java.util.List;
import org.memberdesk.common.Problem;
import org.memberdesk.demo.Business;

/**
 * The day limits of the lifecycle stages: new while the first purchase is at most {@code newDays}
 * ago, then active while the last purchase is at most {@code activeDays} ago, dormant up to
 * {@code dormantDays}, lost beyond. With {@code visitsCount} (visits count as activity: gyms and scenic areas,
 * whose members come far more often than they pay) "the last purchase" of the active, dormant and lost limits is
 * the later of the last purchase and the last visit (签到), and a member who has only visited is no prospect.
 */
public record LifecycleSettings(int newDays, int activeDays, int dormantDays, boolean visitsCount) {

    /** Limits with visits not counted as activity (a shop: only buying is coming back). */
    public LifecycleSettings(int newDays, int activeDays, int dormantDays) {
        this(newDays, activeDays, dormantDays, false);
    }

    /** What a database made from the command line uses until someone changes it. */
    public static final LifecycleSettings DEFAULT = new LifecycleSettings(30, 90, 180);

    /**
     * Sensible limits per kind of business: a gym member who has not come for a month is slipping,
     * while a scenic area's visitors come back once or twice a year. Both count visits as activity.
     */
    public static LifecycleSettings forBusiness(Business business) {
        return switch (business) {
            case GYM -> new LifecycleSettings(30, 30, 90, true);
            case SCENIC -> new LifecycleSettings(30, 180, 365, true);
            case SHOP -> DEFAULT;
        };
    }

    /** The same limits, visits counted or not. */
    public LifecycleSettings withVisitsCount(boolean counted) {
        return new LifecycleSettings(newDays, activeDays, dormantDays, counted);
    }

    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        if (newDays < 0) {
            problems.add(Problem.of("new_days", "lifecycle.days.negative", newDays));
        }
        if (activeDays < 0) {
            problems.add(Problem.of("active_days", "lifecycle.days.negative", activeDays));
        }
        if (dormantDays <= activeDays) {
            problems.add(Problem.of("dormant_days", "lifecycle.dormant.order", dormantDays, activeDays));
        }
        return problems;
    }
}
