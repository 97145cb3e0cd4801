package org.memberdesk.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What diagnostics says about a PostgreSQL server: its version and how much room the shop's database takes. */
public final class ServerFactsStore {

    /** The server's version ("15.8 (Debian 15.8-0+deb12u1)") and the database's size on its disk, in bytes. */
    public record ServerFacts(String version, long sizeBytes) {
    }

    /** PostgreSQL only (a SQLite file is its own size). Any role may ask both of its own database. */
    public ServerFacts facts(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT current_setting('server_version'), pg_database_size(current_database())");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new ServerFacts(rs.getString(1), rs.getLong(2));
        }
    }
}
