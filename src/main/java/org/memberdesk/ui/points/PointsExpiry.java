package org.memberdesk.ui.points;

import java.util.ArrayList;
import java.util.List;
import org.memberdesk.common.Messages;
import org.memberdesk.points.PointsSummary;

/**
 * What a member's points say about expiry, the same on the Points screen and in the member pane: points already past
 * their day are "expired on …" (they leave the balance when the day's expiry runs), never "expire within 30 days".
 */
final class PointsExpiry {
    private PointsExpiry() {
    }

    static String text(PointsSummary summary, Messages messages) {
        List<String> parts = new ArrayList<>();
        if (summary.expired() > 0) {
            parts.add(messages.get("points.ui.expired", summary.expired(), summary.expiredOn().toString()));
        }
        if (summary.expiringIn30Days() > 0) {
            parts.add(messages.get("points.ui.expiring", summary.expiringIn30Days()));
        }
        return String.join(messages.get("points.ui.expirySeparator"), parts);
    }
}
