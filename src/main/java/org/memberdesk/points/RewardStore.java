package org.memberdesk.points;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rewards points can be redeemed for. */
public final class RewardStore {
    private static final String COLUMNS =
            "id, name, kind, cost_points, value_cents, active, coupon_template_id, campaign_id";

    public List<Reward> all(Connection connection) throws SQLException {
        List<Reward> rewards = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM rewards ORDER BY cost_points, name");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rewards.add(read(rs));
            }
        }
        return rewards;
    }

    public Optional<Reward> byName(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM rewards WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Reward> byId(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM rewards WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Changes a stored reward (its name too); false when there is no reward with that id. */
    public boolean update(Connection connection, Reward reward) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE rewards SET name = ?, kind = ?, cost_points = ?, value_cents = ?, active = ?,
                                   coupon_template_id = ?, campaign_id = ?
                WHERE id = ?""")) {
            bindDetails(statement, reward);
            statement.setLong(8, reward.id());
            return statement.executeUpdate() == 1;
        }
    }

    /** Adds a reward, or changes the one with the same name. */
    public long save(Connection connection, Reward reward) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO rewards (name, kind, cost_points, value_cents, active, coupon_template_id, campaign_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, cost_points = excluded.cost_points,
                    value_cents = excluded.value_cents, active = excluded.active,
                    coupon_template_id = excluded.coupon_template_id, campaign_id = excluded.campaign_id
                RETURNING id""")) {
            bindDetails(statement, reward);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Parameters 1-7 of both the update and the insert: everything about a reward but its id. */
    private static void bindDetails(PreparedStatement statement, Reward reward) throws SQLException {
        statement.setString(1, reward.name());
        statement.setString(2, reward.kind().code());
        statement.setLong(3, reward.costPoints());
        statement.setLong(4, reward.valueCents());
        statement.setInt(5, reward.active() ? 1 : 0);
        statement.setObject(6, reward.couponTemplateId());
        statement.setObject(7, reward.campaignId());
    }

    private static Reward read(ResultSet rs) throws SQLException {
        return new Reward(rs.getLong("id"), rs.getString("name"), Reward.Kind.fromCode(rs.getString("kind")),
                rs.getLong("cost_points"), rs.getLong("value_cents"), rs.getInt("active") == 1,
                nullableLong(rs, "coupon_template_id"), nullableLong(rs, "campaign_id"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
