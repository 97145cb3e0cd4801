package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memberdesk.members.MemberStore;

/** The SQL of the cards the shop sells and of the top-up bonus ladder. Takes a connection; never commits. */
public final class CardProductStore {

    // ---------------------------------------------------------------- products

    public long insertProduct(Connection connection, CardProduct product, LocalDateTime now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO card_products (kind, name, price_cents, bonus_cents, sessions, days, per_day, max_freezes,
                                           max_freeze_days, refundable, tier_discount, created_at, store_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            statement.setString(1, product.kind().code());
            statement.setString(2, product.name());
            statement.setLong(3, product.priceCents());
            statement.setLong(4, product.bonusCents());
            CardStore.setInt(statement, 5, product.sessions());
            CardStore.setInt(statement, 6, product.days());
            CardStore.setInt(statement, 7, product.perDay());
            statement.setInt(8, product.maxFreezes());
            statement.setInt(9, product.maxFreezeDays());
            statement.setInt(10, product.refundable() ? 1 : 0);
            statement.setInt(11, product.tierDiscount() ? 1 : 0);
            statement.setString(12, MemberStore.timeText(now));
            CardStore.setLong(statement, 13, product.storeId());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void setProductArchived(Connection connection, long id, boolean archived) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE card_products SET archived = ? WHERE id = ?")) {
            statement.setInt(1, archived ? 1 : 0);
            statement.setLong(2, id);
            statement.executeUpdate();
        }
    }

    public List<CardProduct> products(Connection connection) throws SQLException {
        List<CardProduct> products = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM card_products ORDER BY archived, kind, id")) {
            while (rs.next()) {
                products.add(product(rs));
            }
        }
        return products;
    }

    public Optional<CardProduct> product(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM card_products WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(product(rs)) : Optional.empty();
            }
        }
    }

    public Optional<CardProduct> productByName(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT * FROM card_products WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(product(rs)) : Optional.empty();
            }
        }
    }

    private static CardProduct product(ResultSet rs) throws SQLException {
        return new CardProduct(rs.getLong("id"), CardKind.of(rs.getString("kind")), rs.getString("name"),
                rs.getLong("price_cents"), rs.getLong("bonus_cents"), CardStore.getInt(rs, "sessions"), CardStore.getInt(rs, "days"),
                CardStore.getInt(rs, "per_day"), rs.getInt("max_freezes"), rs.getInt("max_freeze_days"),
                rs.getInt("refundable") == 1, rs.getInt("tier_discount") == 1, rs.getInt("archived") == 1,
                rs.getObject("store_id") == null ? null : rs.getLong("store_id"));
    }

    // ---------------------------------------------------------------- top-up ladder

    public void replaceTopupSteps(Connection connection, Map<Long, Long> steps) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM topup_bonus_steps");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO topup_bonus_steps (amount_cents, bonus_cents) VALUES (?, ?)")) {
            for (Map.Entry<Long, Long> step : steps.entrySet()) {
                insert.setLong(1, step.getKey());
                insert.setLong(2, step.getValue());
                insert.executeUpdate();
            }
        }
    }

    /** The ladder, lowest step first. */
    public Map<Long, Long> topupSteps(Connection connection) throws SQLException {
        Map<Long, Long> steps = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT amount_cents, bonus_cents FROM topup_bonus_steps ORDER BY amount_cents")) {
            while (rs.next()) {
                steps.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return steps;
    }
}
