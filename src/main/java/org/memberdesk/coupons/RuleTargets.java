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

    /**
     * Gets ready what {@link #members} will read, before the caller's transaction begins: a rule on the prediction
     * fields fits its model first when there is none (a fit writes, so not inside the caller's read or write).
     */
    default void prepare(Target target) {
    }
}
