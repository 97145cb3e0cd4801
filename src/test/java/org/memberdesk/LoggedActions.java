package org.memberdesk;

import org.memberdesk.app.AppContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.Role;

/**
 * For the tests of who may do what: the operation log's entries of some actions as "who action subject: summary"
 * lines, read straight from the table (whoever acts in the test, even a cashier who may not view the log), and
 * staff members to act as.
 */
public final class LoggedActions {
    private LoggedActions() {
    }

    /** The entries whose action is one of {@code codes}, oldest first, as {@code who|action|subject|summary}. */
    public static List<String> of(Database database, String... codes) {
        return database.read(connection -> {
            List<String> lines = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT staff_name, action, subject, summary FROM operation_log ORDER BY id");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (List.of(codes).contains(rs.getString(2))) {
                        lines.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                                + rs.getString(4));
                    }
                }
            }
            return lines;
        });
    }

    /**
     * A staff member of that role now acting (as a PIN accepted by sign-in makes them; without a staff row, so no
     * PIN hash is paid for and the log names them by name alone).
     */
    public static Actor become(AppContext app, String name, Role role) {
        Actor actor = new Actor(null, name, role);
        app.session().become(actor);
        return actor;
    }
}
