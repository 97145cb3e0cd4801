package org.memberdesk.moving;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The sums a move compares between the source and its copy (the same statement on both engines). */
final class MoveStore {
    MoveFigures figures(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT (SELECT coalesce(sum(total_cents), 0) FROM purchases),
                       (SELECT coalesce(sum(amount_cents), 0) FROM payments),
                       (SELECT coalesce(sum(principal_cents), 0) + coalesce(sum(bonus_cents), 0) FROM cards),
                       (SELECT coalesce(sum(points), 0) FROM members),
                       (SELECT coalesce(sum(points), 0) FROM points_ledger)""");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new MoveFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
    }
}
