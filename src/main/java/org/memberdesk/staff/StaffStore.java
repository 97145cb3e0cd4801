package org.memberdesk.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memberdesk.common.Times;

/** The staff table and the staff settings (idle lock, the manager's points limit) in the settings table. */
public final class StaffStore {
    static final String IDLE_LOCK_KEY = "staff.idle_lock_minutes";
    static final String POINTS_LIMIT_KEY = "staff.manager_points_limit";

    /** A staff row with what signing in needs. */
    record Stored(Staff staff, String pinHash, int failedPins, LocalDateTime lockedUntil) {
    }

    long insert(Connection connection, String name, Role role, String pinHash, LocalDateTime at, long storeId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO staff (name, role, pin_hash, created_at, store_id) VALUES (?, ?, ?, ?, ?) RETURNING id""")) {
            insert.setString(1, name);
            insert.setString(2, role.code());
            insert.setString(3, pinHash);
            insert.setString(4, Times.text(at));
            insert.setLong(5, storeId);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    Optional<Stored> byName(Connection connection, String name) throws SQLException {
        return one(connection, "WHERE name = ?", name);
    }

    Optional<Stored> byId(Connection connection, long id) throws SQLException {
        return one(connection, "WHERE id = ?", id);
    }

    private Optional<Stored> one(Connection connection, String where, Object key) throws SQLException {
        // the text block ends in a line break: a text block drops the spaces at the end of its lines, and
        // "FROM staff" + "WHERE ..." would read as "FROM staffWHERE ..."
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, name, role, active, created_at, pin_hash, failed_pins, locked_until, store_id FROM staff"""
                + " " + where)) {
            statement.setObject(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        }
    }

    /** Every staff member, active first, then by role (owner first) and name. */
    List<Staff> all(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, name, role, active, created_at, pin_hash, failed_pins, locked_until, store_id FROM staff
                ORDER BY active DESC, CASE role WHEN 'owner' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, name""");
             ResultSet rs = statement.executeQuery()) {
            List<Staff> staff = new ArrayList<>();
            while (rs.next()) {
                staff.add(stored(rs).staff());
            }
            return staff;
        }
    }

    long activeOwners(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM staff WHERE role = 'owner' AND active = 1");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void update(Connection connection, long id, Role role, boolean active) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE staff SET role = ?, active = ? WHERE id = ?")) {
            update.setString(1, role.code());
            update.setInt(2, active ? 1 : 0);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /** A staff member's store (V15's trigger refuses an id that is no store). */
    void updateStore(Connection connection, long id, long storeId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE staff SET store_id = ? WHERE id = ?")) {
            update.setLong(1, storeId);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /**
     * A store's name, for the sign-in refusal's words (read here rather than through the stores package, which
     * builds on this one); empty when there is no such store.
     */
    Optional<String> storeName(Connection connection, long storeId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM stores WHERE id = ?")) {
            statement.setLong(1, storeId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    void updatePin(Connection connection, long id, String pinHash) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE staff SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?")) {
            update.setString(1, pinHash);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** After a PIN: how many wrong ones in a row, and until when signing in is refused (null: not locked). */
    void updateAttempts(Connection connection, long id, int failedPins, LocalDateTime lockedUntil)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE staff SET failed_pins = ?, locked_until = ? WHERE id = ?")) {
            update.setInt(1, failedPins);
            update.setString(2, lockedUntil == null ? null : Times.text(lockedUntil));
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    Optional<String> setting(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    void saveSetting(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO settings (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value""")) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.executeUpdate();
        }
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Staff staff = new Staff(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3)), rs.getInt(4) == 1,
                LocalDateTime.parse(rs.getString(5), Times.TIME), rs.getLong(9));
        String locked = rs.getString(8);
        return new Stored(staff, rs.getString(6), rs.getInt(7),
                locked == null ? null : LocalDateTime.parse(locked, Times.TIME));
    }
}
