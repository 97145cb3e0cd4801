package org.memberdesk.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The shop's own answers (what kind of business it is, whether setup is done), as rows of the settings table. */
public final class ShopProfileStore {

    public Optional<String> get(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The three answers about this database in one query: has its business been chosen, does it hold anything
     * a shop makes (members, purchases, an import, tags, coupons, campaigns, rewards, saved funnels — the
     * defaults a new file is made with do not count), and is it demo data.
     */
    public ShopState state(Connection connection, String businessKey, String demoKey) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM settings WHERE key = ?),
                       EXISTS (SELECT 1 FROM members) OR EXISTS (SELECT 1 FROM purchases)
                           OR EXISTS (SELECT 1 FROM imports) OR EXISTS (SELECT 1 FROM tags)
                           OR EXISTS (SELECT 1 FROM coupon_templates) OR EXISTS (SELECT 1 FROM campaigns)
                           OR EXISTS (SELECT 1 FROM rewards) OR EXISTS (SELECT 1 FROM saved_funnels),
                       EXISTS (SELECT 1 FROM settings WHERE key = ?)""")) {
            statement.setString(1, businessKey);
            statement.setString(2, demoKey);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new ShopState(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3));
            }
        }
    }

    public void put(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO settings (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value""")) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.executeUpdate();
        }
    }
}
