package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The members matched by a target that the tags and segments engine answers (a rule, a tag, an
 * RFM segment, a lifecycle stage). Coupons only ask; the engine owns the language and the data.
 */
public interface RuleTargets {

    /** The ids of the matching members who are not archived. */
    long[] members(Connection connection, Target target) throws SQLException;
}
