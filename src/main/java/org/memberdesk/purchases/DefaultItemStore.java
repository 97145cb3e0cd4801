package org.memberdesk.purchases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The item name a purchase import gives every line of a file without an item column (Settings), as a row of the
 * settings table. Not saved: the import's language decides ("消费" / "Purchase").
 */
public final class DefaultItemStore {
    static final String KEY = "purchases.default_item";

    public Optional<String> read(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            statement.setString(1, KEY);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1).strip()).filter(name -> !name.isEmpty())
                        : Optional.empty();
            }
        }
    }

    /** Saves the name; a blank one removes it (the language's word again). */
    public void save(Connection connection, String name) throws SQLException {
        if (name == null || name.isBlank()) {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM settings WHERE key = ?")) {
                statement.setString(1, KEY);
                statement.executeUpdate();
            }
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO settings (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value""")) {
            statement.setString(1, KEY);
            statement.setString(2, name.strip());
            statement.executeUpdate();
        }
    }
}
