package org.memberdesk.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The connections to one PostgreSQL database: a small pool (a login costs a TCP round trip and SCRAM; a sale must
 * not pay it), quick to say when the server cannot be reached or refuses the login, and never showing the password.
 */
final class ServerConnections {
    /** How long a counter waits for a server before saying it cannot reach it. */
    static final int CONNECT_SECONDS = 5;
    /**
     * A transaction left open (a counter whose network dropped mid-sale) is ended by the server after this, so its
     * locks do not hold the other counters; what it wrote is rolled back, never half kept.
     */
    private static final String IDLE_IN_TRANSACTION = "60s";
    /** As long as {@code Database}'s SQLite busy timeout. */
    private static final String WRITE_WAIT = "10s";

    /**
     * Held so the level stays: the pool's INFO lines ("Starting...") and its SEVERE ones on a failed start would
     * clutter the command line's stderr; every failure reaches the person through our own exception, in words.
     */
    private static final java.util.logging.Logger POOL_LOG = quiet(java.util.logging.Logger.getLogger("com.zaxxer.hikari"));

    private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    private final ServerAddress address;
    private final HikariDataSource pool;

    private ServerConnections(ServerAddress address, HikariDataSource pool) {
        this.address = address;
        this.pool = pool;
    }

    static ServerConnections open(ServerAddress address) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("memberdesk " + address);
        config.setJdbcUrl(address.jdbcUrl());
        config.setUsername(address.user());
        address.password().ifPresent(config::setPassword);
        Properties driver = new Properties();
        driver.setProperty("connectTimeout", String.valueOf(CONNECT_SECONDS));
        driver.setProperty("loginTimeout", String.valueOf(CONNECT_SECONDS));
        driver.setProperty("tcpKeepAlive", "true");
        driver.setProperty("ApplicationName", "MemberDesk");
        // lock_timeout: a write waits for the write lock (ServerWrites) as long as SQLite's busy timeout lets a
        // write wait for its file, then gives up with the same words, never hanging a counter
        driver.setProperty("options", "-c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION
                + " -c lock_timeout=" + WRITE_WAIT + " -c TimeZone=UTC");
        config.setDataSourceProperties(driver);
        // a window's background tasks, each of which may hold a read's connection while it writes on another
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        config.setIdleTimeout(10_000);
        config.setConnectionTimeout(CONNECT_SECONDS * 1000L + 1000L);
        config.setInitializationFailTimeout(1);
        config.setAutoCommit(true);
        try {
            return new ServerConnections(address, new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DataException(describe(address, cause), e);
        } catch (RuntimeException e) {
            throw new DataException(describe(address, e), e);
        }
    }

    /**
     * Refuses a database whose text rules differ from SQLite's: not UTF-8 (Chinese names would be stored as bytes and
     * counted wrong), or sorting by a language's rules (member lists and exports would come out in another order
     * than on a SQLite file). docs/multi-store.md creates it right.
     */
    void checkTextRules() {
        try (Connection connection = connect();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("SELECT pg_encoding_to_char(encoding), datcollate"
                     + " FROM pg_database WHERE datname = current_database()")) {
            rs.next();
            String encoding = rs.getString(1);
            String collate = rs.getString(2);
            boolean byCodePoint = collate.equals("C") || collate.equals("POSIX") || collate.equals("C.UTF-8")
                    || collate.equals("C.utf8");
            if (!"UTF8".equals(encoding) || !byCodePoint) {
                throw new DataException("The database " + address.database() + " on " + address.host() + " is "
                        + encoding + " sorted by \"" + collate + "\"; MemberDesk needs UTF-8 sorted by code point, as on"
                        + " a SQLite file: create it with createdb -T template0 -E UTF8 --locale=C " + address.database()
                        + " (docs/multi-store.md)");
            }
        } catch (SQLException e) {
            throw new DataException(describe(address, e), e);
        }
    }

    Connection connect() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new DataException(describe(address, e), e);
        }
    }

    javax.sql.DataSource dataSource() {
        return pool;
    }

    void close() {
        pool.close();
    }

    /** A failure to reach or log in to the server, in one line a shop can act on. Never contains the password. */
    static String describe(ServerAddress address, Throwable failure) {
        String state = failure instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        String where = address.host() + ":" + address.port();
        if (state.startsWith("28")) {
            return "The PostgreSQL server at " + where + " refused the login of user " + address.user()
                    + " (wrong password, or the server does not let this computer in): check the user and password"
                    + " (PGPASSWORD or the address) and the server's pg_hba.conf";
        }
        if ("3D000".equals(state)) {
            return "The PostgreSQL server at " + where + " has no database " + address.database()
                    + ": create it (createdb " + address.database() + ") or check the name";
        }
        if (state.startsWith("08") || message.contains("Connection refused") || message.contains("timed out")
                || failure instanceof java.net.UnknownHostException) {
            return "Cannot reach the PostgreSQL server at " + where + " (" + firstLine(message)
                    + "): check that it runs and that the network to it works";
        }
        return "The PostgreSQL server at " + where + " answered: " + firstLine(message);
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse(message).strip();
        return line.replaceAll("[.]+$", "");
    }
}
