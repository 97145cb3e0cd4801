package org.memberdesk.members;

import java.time.LocalDateTime;

/** A member's purchase statistics, kept current with every purchase and return. Returns are not purchases. */
public record MemberStats(
        int purchases,
        int returns,
        long spentCents,
        long returnedCents,
        LocalDateTime firstPurchaseAt,
        LocalDateTime lastPurchaseAt) {

    public static final MemberStats NONE = new MemberStats(0, 0, 0, 0, null, null);

    /** Spend net of returns. */
    public long netSpentCents() {
        return spentCents - returnedCents;
    }

    /** Net spend per purchase, to the nearest cent; -1 when there is no purchase yet. */
    public long averageOrderCents() {
        if (purchases == 0) {
            return -1;
        }
        return Math.round((double) netSpentCents() / purchases);
    }
}
