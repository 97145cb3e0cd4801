package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import org.memberdesk.members.MemberStore;

/** The member_photos table: one small picture per member. */
public final class MemberPhotoStore {

    public void put(Connection connection, long memberId, byte[] image, LocalDateTime at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO member_photos (member_id, image, added_at) VALUES (?, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET image = excluded.image, added_at = excluded.added_at""")) {
            statement.setLong(1, memberId);
            statement.setBytes(2, image);
            statement.setString(3, MemberStore.timeText(at));
            statement.executeUpdate();
        }
    }

    public Optional<byte[]> get(Connection connection, long memberId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT image FROM member_photos WHERE member_id = ?")) {
            statement.setLong(1, memberId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    public boolean delete(Connection connection, long memberId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM member_photos WHERE member_id = ?")) {
            statement.setLong(1, memberId);
            return statement.executeUpdate() > 0;
        }
    }
}
