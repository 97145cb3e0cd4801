package org.memberdesk.io;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.memberdesk.db.DataException;
import org.memberdesk.members.MemberStore;

/** The imports table: one row per import run, so purchases know which import brought them. */
final class ImportLog {
    private ImportLog() {
    }

    static long start(Connection connection, String kind, Path file) {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO imports (kind, file, started_at) VALUES (?, ?, ?) RETURNING id")) {
            statement.setString(1, kind);
            statement.setString(2, file.toAbsolutePath().toString());
            statement.setString(3, LocalDateTime.now().format(MemberStore.TIME));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataException("Cannot record the import: " + e.getMessage(), e);
        }
    }

    static void finish(Connection connection, long id, ImportResult result) {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE imports SET finished_at = ?, imported = ?, duplicates = ?, rejected = ?, report = ?
                WHERE id = ?""")) {
            statement.setString(1, LocalDateTime.now().format(MemberStore.TIME));
            statement.setLong(2, result.imported());
            statement.setLong(3, result.duplicates());
            statement.setLong(4, result.rejected());
            statement.setString(5, result.report().toString());
            statement.setLong(6, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataException("Cannot record the import: " + e.getMessage(), e);
        }
    }
}
