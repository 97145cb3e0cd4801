package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.memberdesk.db.Dialect;
import org.memberdesk.members.MemberStore;

/** Campaigns and who each one targeted. Works on the caller's connection, inside the caller's transaction. */
public final class CampaignStore {
    private static final String COLUMNS = """
            id, name, template_id, target_kind, target, skip_days, control_percent, seed, targeted, control,
            created_at, issued_at""";
    private static final int BATCH = 10_000;

    public long insert(Connection connection, String name, long couponId, Target target, Integer skipDays,
                       int controlPercent, long seed, int targeted, int control, LocalDateTime now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO campaigns (name, template_id, target_kind, target, skip_days, control_percent, seed,
                                       targeted, control, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, name);
            statement.setLong(2, couponId);
            statement.setString(3, target.kind().code());
            statement.setString(4, target.value());
            if (skipDays == null) {
                statement.setNull(5, Types.INTEGER);
            } else {
                statement.setInt(5, skipDays);
            }
            statement.setInt(6, controlPercent);
            statement.setLong(7, seed);
            statement.setInt(8, targeted);
            statement.setInt(9, control);
            statement.setString(10, now.format(MemberStore.TIME));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Records the split: every targeted member, and on which side of it they fell. One statement per
     * 10,000 members (the ids as a JSON array unpacked by json_each, on PostgreSQL json_array_elements_text), not
     * one per member.
     */
    public void insertMembers(Connection connection, long campaignId, long[] memberIds, boolean control)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(Dialect.of(connection).pick("""
                INSERT INTO campaign_members (campaign_id, member_id, control)
                SELECT ?, value, ? FROM json_each(?)""", """
                INSERT INTO campaign_members (campaign_id, member_id, control)
                SELECT ?, CAST(id AS BIGINT), ? FROM json_array_elements_text(CAST(? AS json)) id"""))) {
            statement.setLong(1, campaignId);
            statement.setInt(2, control ? 1 : 0);
            for (int from = 0; from < memberIds.length; from += BATCH) {
                statement.setString(3, Arrays.toString(Arrays.copyOfRange(memberIds, from,
                        Math.min(memberIds.length, from + BATCH))));
                statement.executeUpdate();
            }
        }
    }

    public Optional<Campaign> find(Connection connection, long id) throws SQLException {
        List<Campaign> found = read(connection, "SELECT " + COLUMNS + " FROM campaigns WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** All campaigns, newest first. */
    public List<Campaign> all(Connection connection) throws SQLException {
        return read(connection, "SELECT " + COLUMNS + " FROM campaigns ORDER BY id DESC", null);
    }

    /** The members of one side of a campaign's split, in id order. */
    public long[] members(Connection connection, long campaignId, boolean control) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT member_id FROM campaign_members WHERE campaign_id = ? AND control = ? ORDER BY member_id")) {
            statement.setLong(1, campaignId);
            statement.setInt(2, control ? 1 : 0);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    public void markIssued(Connection connection, long campaignId, LocalDateTime issuedAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE campaigns SET issued_at = ? WHERE id = ? AND issued_at IS NULL")) {
            statement.setString(1, issuedAt.format(MemberStore.TIME));
            statement.setLong(2, campaignId);
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("campaign " + campaignId + " was issued meanwhile");
            }
        }
    }

    private static List<Campaign> read(Connection connection, String sql, Long id) throws SQLException {
        List<Campaign> campaigns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (id != null) {
                statement.setLong(1, id);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int skip = rs.getInt("skip_days");
                    Integer skipDays = rs.wasNull() ? null : skip;
                    String issued = rs.getString("issued_at");
                    campaigns.add(new Campaign(rs.getLong("id"), rs.getString("name"), rs.getLong("template_id"),
                            new Target(Target.Kind.fromCode(rs.getString("target_kind")), rs.getString("target")),
                            skipDays, rs.getInt("control_percent"), rs.getLong("seed"), rs.getInt("targeted"),
                            rs.getInt("control"), LocalDateTime.parse(rs.getString("created_at"), MemberStore.TIME),
                            issued == null ? null : LocalDateTime.parse(issued, MemberStore.TIME)));
                }
            }
        }
        return campaigns;
    }
}
