package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.memberdesk.db.RestoreCheck;

/**
 * A backup's cards must add up before a restore puts it in: the same proof as {@code check-cards} (every balance =
 * Σ its entries ≥ 0, sessions left = sold − used), run on the restore's trial copy.
 */
public final class CardsBeforeRestore implements RestoreCheck {
    @Override
    public List<String> problems(Connection connection) throws SQLException {
        CardReports.CardCheck check = CardReports.check(connection);
        if (check.ok()) {
            return List.of();
        }
        return List.of(check.problems().size() + " cards do not add up, e.g. " + check.problems().get(0).cardNo()
                + ": " + check.problems().get(0).what());
    }
}
