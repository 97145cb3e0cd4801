package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The members matched by a target that the tags and segments engine answers (a rule, a tag, an
 * RFM segment, a lifecycle stage). Coupons only ask; the engine owns the language and the data.
 */
public interface RuleTargets {
    /** Until the tags engine is wired in: such targets are refused with a message saying so. */
    RuleTargets UNAVAILABLE = (connection, target) -> {
        throw new org.memberdesk.common.ValidationException(org.memberdesk.common.Problem.of(
                "target", "campaign.target.needsTags", target.text()));
    };

    /** The ids of the matching members who are not archived. */
    long[] members(Connection connection, Target target) throws SQLException;
}
