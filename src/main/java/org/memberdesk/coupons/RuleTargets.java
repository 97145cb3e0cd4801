package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The members matched by a target that the tags and segments engine answers (a rule, a tag, an
 * RFM segment, a lifecycle stage). Coupons only ask; the engine owns the language and the data.
 */
public interface RuleTargets {

    /**
     * Makes ready what the target's rule reads before a transaction that asks for its members is opened (a rule on
     * the prediction fields needs a model, fitted when there is none; a fit inside that transaction is not seen).
     */
    void prepare(Target target);

    /** The ids of the matching members who are not archived. */
    long[] members(Connection connection, Target target) throws SQLException;
}
