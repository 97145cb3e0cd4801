package org.memberdesk.points;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import org.memberdesk.db.Dialect;

/** The points rules (one row), the item and category multipliers, and the items' categories. */
public final class PointsRulesStore {

    public PointsRules load(Connection connection) throws SQLException {
        Map<String, Integer> items = new HashMap<>();
        Map<String, Integer> categories = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT kind, name, percent FROM points_multipliers")) {
                while (rs.next()) {
                    ("item".equals(rs.getString(1)) ? items : categories).put(rs.getString(2), rs.getInt(3));
                }
            }
            try (ResultSet rs = statement.executeQuery("""
                    SELECT earn_points, earn_per_yuan, birthday_percent, signup_bonus, first_purchase_bonus,
                           expiry_months
                    FROM points_rules WHERE id = 1""")) {
                if (!rs.next()) {
                    return PointsRules.defaults();
                }
                int expiry = rs.getInt(6);
                Integer expiryMonths = rs.wasNull() ? null : expiry;
                return new PointsRules(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                        expiryMonths, items, categories);
            }
        }
    }

    public void save(Connection connection, PointsRules rules) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO points_rules (id, earn_points, earn_per_yuan, birthday_percent, signup_bonus,
                                          first_purchase_bonus, expiry_months)
                VALUES (1, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET earn_points = excluded.earn_points,
                    earn_per_yuan = excluded.earn_per_yuan, birthday_percent = excluded.birthday_percent,
                    signup_bonus = excluded.signup_bonus, first_purchase_bonus = excluded.first_purchase_bonus,
                    expiry_months = excluded.expiry_months""")) {
            statement.setInt(1, rules.earnPoints());
            statement.setInt(2, rules.earnPerYuan());
            statement.setInt(3, rules.birthdayPercent());
            statement.setLong(4, rules.signupBonus());
            statement.setLong(5, rules.firstPurchaseBonus());
            if (rules.expiryMonths() == null) {
                statement.setNull(6, Types.INTEGER);
            } else {
                statement.setInt(6, rules.expiryMonths());
            }
            statement.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM points_multipliers");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO points_multipliers (kind, name, percent) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Integer> item : rules.itemPercents().entrySet()) {
                bindMultiplier(insert, "item", item);
            }
            for (Map.Entry<String, Integer> category : rules.categoryPercents().entrySet()) {
                bindMultiplier(insert, "category", category);
            }
        }
    }

    private static void bindMultiplier(PreparedStatement insert, String kind, Map.Entry<String, Integer> entry)
            throws SQLException {
        insert.setString(1, kind);
        insert.setString(2, entry.getKey());
        insert.setInt(3, entry.getValue());
        insert.executeUpdate();
    }

    /** Every item that has a category, by name: small (a shop sells tens of items), read once per recorder. */
    public Map<String, String> itemCategories(Connection connection) throws SQLException {
        Map<String, String> categories = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name, category FROM items WHERE category IS NOT NULL")) {
            while (rs.next()) {
                categories.put(rs.getString(1), rs.getString(2));
            }
        }
        return categories;
    }

    /** Takes every item out of its category (before putting the chosen ones back in). */
    public void clearItemCategories(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE items SET category = NULL WHERE category IS NOT NULL");
        }
    }

    /** Puts an item (created when new) in a category; a null category takes it out of any. */
    public void setItemCategory(Connection connection, String item, String category) throws SQLException {
        // on PostgreSQL a new item's id is SQLite's, one past the highest (see PipelineStore's items)
        try (PreparedStatement statement = connection.prepareStatement(Dialect.of(connection).pick("""
                INSERT INTO items (name, category) VALUES (?, ?)
                ON CONFLICT (name) DO UPDATE SET category = excluded.category""", """
                INSERT INTO items (id, name, category) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM items), ?, ?)
                ON CONFLICT (name) DO UPDATE SET category = excluded.category"""))) {
            statement.setString(1, item);
            statement.setString(2, category);
            statement.executeUpdate();
        }
    }

    /** Sets each named tier's points percent (tiers not named keep theirs). */
    public void saveTierPercents(Connection connection, Map<String, Integer> percents) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tiers SET points_percent = ? WHERE name = ?")) {
            for (Map.Entry<String, Integer> tier : percents.entrySet()) {
                statement.setInt(1, tier.getValue());
                statement.setString(2, tier.getKey());
                statement.executeUpdate();
            }
        }
    }

    /** Each tier's points percent by name, in ladder order (entry tier first). */
    public Map<String, Integer> tierPercentsInOrder(Connection connection) throws SQLException {
        Map<String, Integer> percents = new java.util.LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name, points_percent FROM tiers ORDER BY rank")) {
            while (rs.next()) {
                percents.put(rs.getString(1), rs.getInt(2));
            }
        }
        return percents;
    }

    /**
     * Each tier's points percent by tier name, and under the key {@code null} the entry tier's (a member
     * with no tier yet is in the entry tier). Read straight from the tiers table so points need not
     * know the tiers code.
     */
    public Map<String, Integer> tierPercents(Connection connection) throws SQLException {
        Map<String, Integer> percents = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name, points_percent, rank FROM tiers ORDER BY rank")) {
            while (rs.next()) {
                percents.put(rs.getString(1), rs.getInt(2));
                if (!percents.containsKey(null)) {
                    percents.put(null, rs.getInt(2));
                }
            }
        }
        percents.putIfAbsent(null, 100);
        return percents;
    }
}
