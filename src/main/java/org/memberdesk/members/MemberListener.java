package org.memberdesk.members;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told of every new member right after it is stored, inside the same transaction, whether it was
 * added at the counter or imported (the points' sign-up bonus hangs off this), and of every change to a stored
 * member's fields. Throwing undoes
 * the member. Shaped like {@code PurchaseEffect}: an import opens one session per batch so a
 * listener reads its rules once, not once per row.
 */
public interface MemberListener {
    Session open(Connection connection) throws SQLException;

    /** A listener's state for one connection; closed when the batch (or the single add) is done. */
    interface Session extends AutoCloseable {
        void memberAdded(long memberId, MemberDetails member) throws SQLException;

        /**
         * A stored member's fields were changed (the form, {@code import-members --update}): what rules read of
         * the member (join date, birthday, channel …) may now answer otherwise. Most listeners only care for new
         * members.
         */
        default void memberChanged(long memberId, MemberDetails before, MemberDetails after) throws SQLException {
        }

        @Override
        default void close() throws SQLException {
        }
    }
}
