package org.memberdesk.tiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberdesk.db.Dialect;
import org.memberdesk.members.MemberStore;

/** The tier ladder, the tier history, and members.tier that caches each member's current tier. */
public final class TierStore {

    public Ladder loadLadder(Connection connection) throws SQLException {
        TierProgram program = new TierProgram(TierProgram.Basis.SPEND, 12, 6);
        List<Tier> tiers = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT basis, window_months, protection_months FROM tier_program WHERE id = 1")) {
                if (rs.next()) {
                    program = new TierProgram(TierProgram.Basis.fromCode(rs.getString(1)), rs.getInt(2),
                            rs.getInt(3));
                }
            }
            try (ResultSet rs = statement.executeQuery("""
                    SELECT rank, name, threshold, points_percent, discount_percent, perks FROM tiers ORDER BY rank""")) {
                while (rs.next()) {
                    tiers.add(new Tier(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                            rs.getString(6)));
                }
            }
        }
        if (tiers.isEmpty()) {
            tiers.add(new Tier(0, "普通", 0, 100, 0, null));
        }
        return new Ladder(program, tiers);
    }

    /**
     * Replaces the ladder. Members keep their rank: a renamed tier renames their tier, and members of a
     * tier that no longer exists move to the new top tier (only a review moves anyone down).
     */
    public void saveLadder(Connection connection, Ladder ladder) throws SQLException {
        Ladder old = loadLadder(connection);
        try (PreparedStatement program = connection.prepareStatement("""
                INSERT INTO tier_program (id, basis, window_months, protection_months) VALUES (1, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET basis = excluded.basis, window_months = excluded.window_months,
                    protection_months = excluded.protection_months""")) {
            program.setString(1, ladder.program().basis().code());
            program.setInt(2, ladder.program().windowMonths());
            program.setInt(3, ladder.program().protectionMonths());
            program.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM tiers");
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO tiers (rank, name, threshold, points_percent, discount_percent, perks)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (Tier tier : ladder.tiers()) {
                insert.setInt(1, tier.rank());
                insert.setString(2, tier.name());
                insert.setLong(3, tier.threshold());
                insert.setInt(4, tier.pointsPercent());
                insert.setInt(5, tier.discountPercent());
                insert.setString(6, tier.perks() == null || tier.perks().isBlank() ? null : tier.perks().strip());
                insert.executeUpdate();
            }
        }
        // one statement for all renames, so swapping two names never merges their members
        Map<String, String> renames = new LinkedHashMap<>();
        for (Tier before : old.tiers()) {
            String after = before.rank() < ladder.tiers().size() ? ladder.at(before.rank()).name()
                    : ladder.top().name();
            if (!after.equals(before.name())) {
                renames.put(before.name(), after);
            }
        }
        if (renames.isEmpty()) {
            return;
        }
        String cases = String.join(" ", java.util.Collections.nCopies(renames.size(), "WHEN ? THEN ?"));
        String marks = String.join(", ", java.util.Collections.nCopies(renames.size(), "?"));
        try (PreparedStatement rename = connection.prepareStatement(
                "UPDATE members SET tier = CASE tier " + cases + " END WHERE tier IN (" + marks + ")")) {
            int index = 1;
            for (Map.Entry<String, String> entry : renames.entrySet()) {
                rename.setString(index++, entry.getKey());
                rename.setString(index++, entry.getValue());
            }
            for (String from : renames.keySet()) {
                rename.setString(index++, from);
            }
            rename.executeUpdate();
        }
    }

    /** Moves a member and records the move; an upgrade restarts the protection period. */
    public void changeTier(Connection connection, long memberId, LocalDateTime time, String from, String to,
                           boolean up, String reason, long measured, Long purchaseId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(up
                ? "UPDATE members SET tier = ?, tier_upgraded_at = ? WHERE id = ?"
                : "UPDATE members SET tier = ? WHERE id = ?");
             PreparedStatement insert = prepareChange(connection)) {
            int index = 1;
            update.setString(index++, to);
            if (up) {
                update.setString(index++, time.format(MemberStore.TIME));
            }
            update.setLong(index, memberId);
            update.executeUpdate();
            bindChange(insert, memberId, time, from, to, up, reason, measured, purchaseId);
            insert.executeUpdate();
        }
    }

    PreparedStatement prepareChange(Connection connection) throws SQLException {
        return connection.prepareStatement("""
                INSERT INTO tier_changes (member_id, time, from_tier, to_tier, direction, reason, measured, purchase_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
    }

    static void bindChange(PreparedStatement insert, long memberId, LocalDateTime time, String from, String to,
                           boolean up, String reason, long measured, Long purchaseId) throws SQLException {
        insert.setLong(1, memberId);
        insert.setString(2, time.format(MemberStore.TIME));
        insert.setString(3, from);
        insert.setString(4, to);
        insert.setString(5, up ? "up" : "down");
        insert.setString(6, reason);
        insert.setLong(7, measured);
        if (purchaseId == null) {
            insert.setNull(8, Types.INTEGER);
        } else {
            insert.setLong(8, purchaseId);
        }
    }

    /** The SQL for one member's measured value in (from, to]; bind member id, from, to. */
    static String windowSql(TierProgram.Basis basis) {
        return basis == TierProgram.Basis.SPEND
                ? "SELECT coalesce(sum(total_cents), 0) FROM purchases WHERE member_id = ? AND time > ? AND time <= ?"
                : """
                  SELECT coalesce(sum(points), 0) FROM points_ledger
                  WHERE member_id = ? AND kind IN ('earn', 'reverse') AND time > ? AND time <= ?""";
    }

    public long measured(Connection connection, TierProgram.Basis basis, long memberId, LocalDateTime from,
                         LocalDateTime to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(windowSql(basis))) {
            return measured(statement, memberId, from, to);
        }
    }

    static long measured(PreparedStatement statement, long memberId, LocalDateTime from, LocalDateTime to)
            throws SQLException {
        statement.setLong(1, memberId);
        statement.setString(2, from.format(MemberStore.TIME));
        statement.setString(3, to.format(MemberStore.TIME));
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One member's row as a review sees it. */
    public record ReviewRow(long memberId, String tier, String upgradedAt, long measured) {
    }

    /**
     * Reads every member with its measured value in (from, to]. Two straight scans instead of a
     * grouped join: the window's purchases (or ledger entries) are read in table order and added up
     * per member in an array indexed by member id, then the members are read in id order. On a
     * million members that is a few seconds; the grouped join through the time index was several
     * times slower (random row reads).
     */
    public void scanForReview(Connection connection, TierProgram.Basis basis, LocalDateTime from, LocalDateTime to,
                              RowHandler handler) throws SQLException {
        long maxId;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) FROM members")) {
            rs.next();
            maxId = rs.getLong(1);
        }
        if (maxId >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("member ids beyond " + Integer.MAX_VALUE + " cannot be reviewed");
        }
        long[] measured = new long[(int) maxId + 1];
        // NOT INDEXED is SQLite's word for the straight scan; PostgreSQL's planner picks it by its statistics
        String notIndexed = Dialect.of(connection).pick(" NOT INDEXED", "");
        String window = basis == TierProgram.Basis.SPEND
                ? "SELECT member_id, total_cents FROM purchases" + notIndexed + " WHERE time > ? AND time <= ?"
                : "SELECT member_id, points FROM points_ledger" + notIndexed
                        + " WHERE kind IN ('earn', 'reverse') AND time > ? AND time <= ?";
        try (PreparedStatement statement = connection.prepareStatement(window)) {
            statement.setString(1, from.format(MemberStore.TIME));
            statement.setString(2, to.format(MemberStore.TIME));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    measured[(int) rs.getLong(1)] += rs.getLong(2);
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, tier, tier_upgraded_at FROM members")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                handler.row(new ReviewRow(id, rs.getString(2), rs.getString(3), measured[(int) id]));
            }
        }
    }

    @FunctionalInterface
    public interface RowHandler {
        void row(ReviewRow row) throws SQLException;
    }

    /** How many members sit in each tier; members with no tier yet count in the entry tier. */
    public Map<String, Long> counts(Connection connection, Ladder ladder) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Tier tier : ladder.tiers()) {
            counts.put(tier.name(), 0L);
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT tier, count(*) FROM members GROUP BY tier")) {
            while (rs.next()) {
                counts.merge(ladder.nameOf(rs.getString(1)), rs.getLong(2), Long::sum);
            }
        }
        return counts;
    }

    /** A member's tier moves, newest first. */
    public List<TierChange> history(Connection connection, long memberId, int limit) throws SQLException {
        List<TierChange> changes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.id, c.member_id, c.time, c.from_tier, c.to_tier, c.direction, c.reason, c.measured,
                       p.purchase_no
                FROM tier_changes c LEFT JOIN purchases p ON p.id = c.purchase_id
                WHERE c.member_id = ? ORDER BY c.time DESC, c.id DESC LIMIT ?""")) {
            statement.setLong(1, memberId);
            statement.setInt(2, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    changes.add(new TierChange(rs.getLong(1), rs.getLong(2),
                            LocalDateTime.parse(rs.getString(3), MemberStore.TIME), rs.getString(4), rs.getString(5),
                            "up".equals(rs.getString(6)), rs.getString(7), rs.getLong(8), rs.getString(9)));
                }
            }
        }
        return changes;
    }

    /** A member's stored tier name (null before any tier) and lifetime net spend. */
    public record MemberTier(String tier, long netSpentCents) {
    }

    public java.util.Optional<MemberTier> memberTier(Connection connection, long memberId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tier, spent_cents - returned_cents FROM members WHERE id = ?")) {
            statement.setLong(1, memberId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new MemberTier(rs.getString(1), rs.getLong(2)))
                        : java.util.Optional.empty();
            }
        }
    }

    /** The day of the last tier review (settings key tiers.last_review), null before the first. */
    public LocalDate lastReview(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT value FROM settings WHERE key = 'tiers.last_review'");
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? LocalDate.parse(rs.getString(1)) : null;
        }
    }

    public void setLastReview(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO settings (key, value) VALUES ('tiers.last_review', ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value""")) {
            statement.setString(1, day.toString());
            statement.executeUpdate();
        }
    }

    /** A review's move up; parameters tier, upgraded at, member. */
    PreparedStatement prepareUpgrade(Connection connection) throws SQLException {
        return connection.prepareStatement("UPDATE members SET tier = ?, tier_upgraded_at = ? WHERE id = ?");
    }

    /** A review's move down (or to its rank's tier); parameters tier, member. */
    PreparedStatement prepareDowngrade(Connection connection) throws SQLException {
        return connection.prepareStatement("UPDATE members SET tier = ? WHERE id = ?");
    }
}
