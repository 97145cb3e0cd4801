package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.memberdesk.members.MemberStore;

/** The SQL of check-ins (visits) and the members' kept visit statistics. Takes a connection; never commits. */
public final class VisitStore {

    // ---------------------------------------------------------------- visits

    public int visitsOn(Connection connection, long cardId, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FROM visits WHERE card_id = ? AND time >= ? AND time < ?""")) {
            statement.setLong(1, cardId);
            statement.setString(2, day + " 00:00:00");
            statement.setString(3, day.plusDays(1) + " 00:00:00");
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Records a visit in store {@code storeId}, served by {@code staffId} (null: none named), and the member's kept
     * visit statistics.
     */
    public long insertVisit(Connection connection, long memberId, Long cardId, LocalDateTime time, Long staffId,
                            long storeId) throws SQLException {
        long id;
        String text = MemberStore.timeText(time);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO visits (member_id, card_id, time, staff_id, store_id) VALUES (?, ?, ?, ?, ?)
                RETURNING id""")) {
            insert.setLong(1, memberId);
            CardStore.setLong(insert, 2, cardId);
            insert.setString(3, text);
            CardStore.setLong(insert, 4, staffId);
            insert.setLong(5, storeId);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement kept = connection.prepareStatement("""
                UPDATE members SET visit_count = visit_count + 1,
                       last_visit_at = CASE WHEN last_visit_at IS NULL OR last_visit_at < ? THEN ?
                                            ELSE last_visit_at END
                WHERE id = ?""")) {
            kept.setString(1, text);
            kept.setString(2, text);
            kept.setLong(3, memberId);
            kept.executeUpdate();
        }
        return id;
    }

    /** A member's visits, newest first. */
    public List<Visit> visits(Connection connection, long memberId, int limit) throws SQLException {
        List<Visit> visits = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT v.id, v.time, c.card_no, p.name FROM visits v
                LEFT JOIN cards c ON c.id = v.card_id LEFT JOIN card_products p ON p.id = c.product_id
                WHERE v.member_id = ? ORDER BY v.time DESC, v.id DESC LIMIT ?""")) {
            statement.setLong(1, memberId);
            statement.setInt(2, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    visits.add(new Visit(rs.getLong(1), memberId,
                            LocalDateTime.parse(rs.getString(2), MemberStore.TIME), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return visits;
    }
}
