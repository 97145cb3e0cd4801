package org.memberdesk.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The saved_funnels and saved_funnel_steps tables; works on the caller's connection and transaction. */
public final class SavedFunnelStore {

    public List<SavedFunnel> all(Connection connection) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, List<String>> steps = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT f.id, f.name, s.rule
                FROM saved_funnels f LEFT JOIN saved_funnel_steps s ON s.funnel_id = f.id
                ORDER BY f.name, f.id, s.position""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                names.put(id, rs.getString(2));
                List<String> rules = steps.computeIfAbsent(id, k -> new ArrayList<>());
                if (rs.getString(3) != null) {
                    rules.add(rs.getString(3));
                }
            }
        }
        List<SavedFunnel> funnels = new ArrayList<>();
        names.forEach((id, name) -> funnels.add(new SavedFunnel(id, name, steps.get(id))));
        return funnels;
    }

    public Optional<Long> idByName(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM saved_funnels WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The name of funnel {@code id}, if it exists (what a deletion logs). */
    public Optional<String> name(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM saved_funnels WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public long insert(Connection connection, String name, String now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO saved_funnels (name, saved_at) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, name);
            statement.setString(2, now);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Replaces a funnel's steps with {@code rules}, in order, and notes when it was saved. */
    public void replaceSteps(Connection connection, long id, List<String> rules, String now) throws SQLException {
        try (PreparedStatement clear = connection.prepareStatement("DELETE FROM saved_funnel_steps WHERE funnel_id = ?");
             PreparedStatement add = connection.prepareStatement(
                     "INSERT INTO saved_funnel_steps (funnel_id, position, rule) VALUES (?, ?, ?)");
             PreparedStatement touch = connection.prepareStatement("UPDATE saved_funnels SET saved_at = ? WHERE id = ?")) {
            clear.setLong(1, id);
            clear.executeUpdate();
            for (int i = 0; i < rules.size(); i++) {
                add.setLong(1, id);
                add.setInt(2, i + 1);
                add.setString(3, rules.get(i));
                add.addBatch();
            }
            add.executeBatch();
            touch.setString(1, now);
            touch.setLong(2, id);
            touch.executeUpdate();
        }
    }

    public void delete(Connection connection, long id) throws SQLException {
        try (PreparedStatement steps = connection.prepareStatement("DELETE FROM saved_funnel_steps WHERE funnel_id = ?");
             PreparedStatement funnel = connection.prepareStatement("DELETE FROM saved_funnels WHERE id = ?")) {
            steps.setLong(1, id);
            steps.executeUpdate();
            funnel.setLong(1, id);
            funnel.executeUpdate();
        }
    }
}
