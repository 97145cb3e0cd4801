package org.memberdesk.stores;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the stores table (V15): portable, the same on both engines. */
public final class StoreStore {

    public List<Store> all(Connection connection) throws SQLException {
        List<Store> stores = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, name FROM stores ORDER BY id")) {
            while (rs.next()) {
                stores.add(new Store(rs.getLong(1), rs.getString(2)));
            }
        }
        return stores;
    }

    public Optional<Store> byId(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, name FROM stores WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new Store(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    public Optional<Store> byName(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, name FROM stores WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new Store(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** A new store; its id as SQLite gives it (max + 1: the caller's transaction holds the write lock). */
    public long insert(Connection connection, String name, String createdAt) throws SQLException {
        long id;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM stores")) {
            rs.next();
            id = rs.getLong(1);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO stores (id, name, created_at) VALUES (?, ?, ?)")) {
            statement.setLong(1, id);
            statement.setString(2, name);
            statement.setString(3, createdAt);
            statement.executeUpdate();
        }
        return id;
    }

    public void rename(Connection connection, long id, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE stores SET name = ? WHERE id = ?")) {
            statement.setString(1, name);
            statement.setLong(2, id);
            statement.executeUpdate();
        }
    }
}
