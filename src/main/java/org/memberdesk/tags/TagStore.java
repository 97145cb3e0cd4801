package org.memberdesk.tags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memberdesk.db.Dialect;

/** The tags and member_tags tables; works on the caller's connection and transaction. */
public final class TagStore {
    private static final String SELECT = """
            SELECT t.id, t.name, t.rule, t.created_at, t.refreshed_at,
                   (SELECT count(*) FROM member_tags mt WHERE mt.tag_id = t.id)
            FROM tags t""";

    public long insert(Connection connection, String name, String rule, String now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tags (name, rule, created_at) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, name);
            statement.setString(2, rule);
            statement.setString(3, now);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public void setRule(Connection connection, long tagId, String rule) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE tags SET rule = ? WHERE id = ?")) {
            statement.setString(1, rule);
            statement.setLong(2, tagId);
            statement.executeUpdate();
        }
    }

    public void delete(Connection connection, long tagId) throws SQLException {
        try (PreparedStatement members = connection.prepareStatement("DELETE FROM member_tags WHERE tag_id = ?");
             PreparedStatement tag = connection.prepareStatement("DELETE FROM tags WHERE id = ?")) {
            members.setLong(1, tagId);
            members.executeUpdate();
            tag.setLong(1, tagId);
            tag.executeUpdate();
        }
    }

    public void rename(Connection connection, long tagId, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE tags SET name = ? WHERE id = ?")) {
            statement.setString(1, name);
            statement.setLong(2, tagId);
            statement.executeUpdate();
        }
    }

    /** How many coupon campaigns were sent to the tag by name (target {@code tag:NAME}). */
    public long campaignsSentTo(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FROM campaigns WHERE target_kind = 'tag' AND target = ?""")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Whether a rule tag was never refreshed or last refreshed before the time ("YYYY-MM-DD HH:MM:SS"). */
    public boolean ruleTagRefreshedBefore(Connection connection, String time) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT 1 FROM tags WHERE rule IS NOT NULL AND (refreshed_at IS NULL OR refreshed_at < ?) LIMIT 1""")) {
            statement.setString(1, time);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The members' ids by member number, in the same order; -1 for a number no member has. */
    public long[] memberIds(Connection connection, List<String> memberNos) throws SQLException {
        long[] ids = new long[memberNos.size()];
        try (PreparedStatement byNumber = connection.prepareStatement("SELECT id FROM members WHERE member_no = ?")) {
            for (int i = 0; i < ids.length; i++) {
                byNumber.setString(1, memberNos.get(i));
                try (ResultSet rs = byNumber.executeQuery()) {
                    ids[i] = rs.next() ? rs.getLong(1) : -1;
                }
            }
        }
        return ids;
    }

    public Optional<Tag> findByName(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE t.name = ?")) {
            statement.setString(1, name);
            List<Tag> tags = read(statement);
            return tags.isEmpty() ? Optional.empty() : Optional.of(tags.get(0));
        }
    }

    public List<Tag> all(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " ORDER BY t.name")) {
            return read(statement);
        }
    }

    /** One member's tags, by name (the member pane's chips: manual ones can be taken off there). */
    public List<Tag> carriedBy(Connection connection, long memberId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " " + """
                 WHERE t.id IN (SELECT tag_id FROM member_tags WHERE member_id = ?) ORDER BY t.name""")) {
            statement.setLong(1, memberId);
            return read(statement);
        }
    }

    /** The names of one member's tags, for the member pane. */
    public List<String> namesFor(Connection connection, long memberId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT t.name FROM member_tags mt JOIN tags t ON t.id = mt.tag_id
                WHERE mt.member_id = ? ORDER BY t.name""")) {
            statement.setLong(1, memberId);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    /** Puts the tag on the members; members who have it already keep their first date. Returns how many were new. */
    public int add(Connection connection, long tagId, long[] memberIds, String now) throws SQLException {
        int added = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO member_tags (tag_id, member_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (long memberId : memberIds) {
                statement.setLong(1, tagId);
                statement.setLong(2, memberId);
                statement.setString(3, now);
                added += statement.executeUpdate();
            }
        }
        return added;
    }

    public int remove(Connection connection, long tagId, long[] memberIds) throws SQLException {
        int removed = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM member_tags WHERE tag_id = ? AND member_id = ?")) {
            for (long memberId : memberIds) {
                statement.setLong(1, tagId);
                statement.setLong(2, memberId);
                removed += statement.executeUpdate();
            }
        }
        return removed;
    }

    /** Replaces a rule tag's members with exactly the given ones, keeping the first date of those who stay. */
    public void replace(Connection connection, long tagId, long[] memberIds, String now) throws SQLException {
        if (Dialect.of(connection) == Dialect.POSTGRESQL) {
            replaceOnServer(connection, tagId, memberIds, now);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS tag_refresh (member_id INTEGER PRIMARY KEY)");
            statement.execute("DELETE FROM temp.tag_refresh");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO temp.tag_refresh VALUES (?)")) {
            for (long memberId : memberIds) {
                insert.setLong(1, memberId);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement gone = connection.prepareStatement("""
                DELETE FROM member_tags WHERE tag_id = ? AND member_id NOT IN (SELECT member_id FROM temp.tag_refresh)""");
             PreparedStatement added = connection.prepareStatement("""
                INSERT OR IGNORE INTO member_tags (tag_id, member_id, added_at)
                SELECT ?, member_id, ? FROM temp.tag_refresh""")) {
            gone.setLong(1, tagId);
            gone.executeUpdate();
            added.setLong(1, tagId);
            added.setString(2, now);
            added.executeUpdate();
        }
        stamp(connection, tagId, now);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM temp.tag_refresh");
        }
    }

    /**
     * {@link #replace} on PostgreSQL: the members go over as one array, not one round trip each (a million members
     * one by one over the network take minutes), and are compared as a set by a hashed anti-join; no temporary table
     * is left on the pooled connection.
     */
    private static void replaceOnServer(Connection connection, long tagId, long[] memberIds, String now)
            throws SQLException {
        Long[] boxed = new Long[memberIds.length];
        for (int i = 0; i < memberIds.length; i++) {
            boxed[i] = memberIds[i];
        }
        java.sql.Array members = connection.createArrayOf("bigint", boxed);
        try (PreparedStatement gone = connection.prepareStatement("""
                DELETE FROM member_tags mt WHERE mt.tag_id = ?
                  AND NOT EXISTS (SELECT 1 FROM unnest(?) AS kept (member_id) WHERE kept.member_id = mt.member_id)""");
             PreparedStatement added = connection.prepareStatement("""
                INSERT INTO member_tags (tag_id, member_id, added_at)
                SELECT ?, kept.member_id, ? FROM unnest(?) AS kept (member_id)
                ON CONFLICT DO NOTHING""")) {
            gone.setLong(1, tagId);
            gone.setArray(2, members);
            gone.executeUpdate();
            added.setLong(1, tagId);
            added.setString(2, now);
            added.setArray(3, members);
            added.executeUpdate();
        } finally {
            members.free();
        }
        stamp(connection, tagId, now);
    }

    private static void stamp(Connection connection, long tagId, String now) throws SQLException {
        try (PreparedStatement stamp = connection.prepareStatement("UPDATE tags SET refreshed_at = ? WHERE id = ?")) {
            stamp.setString(1, now);
            stamp.setLong(2, tagId);
            stamp.executeUpdate();
        }
    }

    private static List<Tag> read(PreparedStatement statement) throws SQLException {
        List<Tag> tags = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                tags.add(new Tag(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6)));
            }
        }
        return tags;
    }

    /**
     * Marks the rule tags out of date, with a token naming what changed the data (the settings row
     * {@code rule_tags_stale}); written in the same transaction as the change, so a crash cannot lose it.
     */
    public void markStale(Connection connection, String token) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO settings (key, value) VALUES ('rule_tags_stale', ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value""")) {
            statement.setString(1, token);
            statement.executeUpdate();
        }
    }

    /** The token of the last change that left rule tags out of date, or null when they are current. */
    public String staleMark(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT value FROM settings WHERE key = 'rule_tags_stale'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Clears the mark, unless a later change has set another token meanwhile. */
    public void clearStale(Connection connection, String token) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM settings WHERE key = 'rule_tags_stale' AND value = ?")) {
            statement.setString(1, token);
            statement.executeUpdate();
        }
    }
}
