package org.memberdesk.purchases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * An item's id by its name, stored the first time the shop sells it, for one writer's transaction. A shop
 * sells a few hundred items, so every name is asked of the database once per transaction, then remembered.
 */
final class ItemIds implements AutoCloseable {
    private final PreparedStatement find;
    private final PreparedStatement insert;
    private final Map<String, Long> ids = new HashMap<>();

    ItemIds(Connection connection) throws SQLException {
        find = PipelineStore.findItem(connection);
        insert = PipelineStore.insertItem(connection);
    }

    long idOf(String name) throws SQLException {
        Long cached = ids.get(name);
        if (cached != null) {
            return cached;
        }
        long id;
        find.setString(1, name);
        try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
                id = rs.getLong(1);
            } else {
                insert.setString(1, name);
                try (ResultSet inserted = insert.executeQuery()) {
                    inserted.next();
                    id = inserted.getLong(1);
                }
            }
        }
        ids.put(name, id);
        return id;
    }

    @Override
    public void close() throws SQLException {
        find.close();
        insert.close();
    }
}
