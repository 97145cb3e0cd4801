package org.memberdesk.points;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.memberdesk.db.RestoreCheck;

/**
 * A backup's points must add up before a restore puts it in: the same proof as {@code check-ledger} (ledger sum =
 * cached balance = batches left, never negative), run on the restore's trial copy.
 */
public final class LedgerBeforeRestore implements RestoreCheck {
    private final PointsStore store;

    public LedgerBeforeRestore(PointsStore store) {
        this.store = store;
    }

    @Override
    public List<String> problems(Connection connection) throws SQLException {
        LedgerCheck check = store.check(connection, 3);
        if (check.bad() == 0) {
            return List.of();
        }
        return List.of(check.bad() + " members' points do not add up, e.g. " + String.join(", ", check.firstBad()));
    }
}
