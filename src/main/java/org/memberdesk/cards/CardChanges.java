package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told, inside the card change's own transaction, that a card or a visit changed what rules can see (visits,
 * stored value, sessions and days left): AppContext marks the rule tags out of date, as a purchase does, so
 * they are counted again at the next refresh.
 */
@FunctionalInterface
public interface CardChanges {
    CardChanges NONE = (connection, what) -> { };

    void changed(Connection connection, String what) throws SQLException;
}
