package org.memberdesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.memberdesk.db.Database;
import org.memberdesk.db.ServerAddress;

/**
 * The test run's PostgreSQL server (system property {@code memberdesk.test.db}): one template database migrated
 * once, then a copy of it per test ({@code CREATE DATABASE … TEMPLATE}, tens of milliseconds), all dropped when the
 * test JVM ends — and any a killed run left behind dropped at the next run's start.
 */
public final class ServerTestDatabases {
    public static final String PROPERTY = "memberdesk.test.db";
    private static final String PREFIX = "mdtest_";

    /** As docs/multi-store.md creates a shop's database: UTF-8, compared and sorted by code point as SQLite does. */
    private static final String SHOP_DATABASE = " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'";

    private static ServerTestDatabases instance;

    private final ServerAddress server;
    private final String run = PREFIX + ProcessHandle.current().pid() + "_";
    private final AtomicInteger made = new AtomicInteger();
    private final List<Database> opened = new ArrayList<>();
    private String template;

    private ServerTestDatabases(ServerAddress server) {
        this.server = server;
    }

    /** The server this run's tests use, when the property names one. */
    public static synchronized Optional<ServerTestDatabases> configured() {
        String location = System.getProperty(PROPERTY, "");
        if (location.isBlank()) {
            return Optional.empty();
        }
        if (instance == null) {
            String base = location.endsWith("/") ? location + "postgres" : location;
            instance = new ServerTestDatabases(ServerAddress.parse(base));
            Runtime.getRuntime().addShutdownHook(new Thread(instance::dropAll, "drop test databases"));
        }
        return Optional.of(instance);
    }

    /** Whether the server answers: the PostgreSQL tests are skipped, saying so, when it does not. */
    public static Optional<String> unreachable() {
        try (Connection ignored = configured().orElseThrow().admin()) {
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** A new database on the server, migrated (a copy of the template), with its own connections. */
    public synchronized Database fresh() {
        String name = newDatabase();
        Database database = Database.openServer(server.withDatabase(name));
        opened.add(database);
        return database;
    }

    /** How many databases this run has opened so far: a mark for {@link #closeFrom}. */
    public synchronized int openedSoFar() {
        return opened.size();
    }

    /**
     * Closes the databases opened since {@code mark} (their pools give their connections back to the server at once):
     * a test that does not close its own would otherwise hold them until the pool's idle timeout, and a run of many
     * quick tests would use up the server's connection slots (100 by default).
     */
    public synchronized void closeFrom(int mark) {
        while (opened.size() > mark) {
            opened.remove(opened.size() - 1).close();
        }
    }

    /** The address of a new, empty database (no schema): for `migrate` and first-run tests. */
    public synchronized ServerAddress empty() {
        String name = run + made.incrementAndGet();
        sql("CREATE DATABASE " + name + SHOP_DATABASE);
        return server.withDatabase(name);
    }

    public ServerAddress server() {
        return server;
    }

    private String newDatabase() {
        if (template == null) {
            dropLeftovers();
            template = run + "template";
            sql("CREATE DATABASE " + template + SHOP_DATABASE);
            Database migrated = Database.openServer(server.withDatabase(template));
            migrated.close();
        }
        String name = run + made.incrementAndGet();
        sql("CREATE DATABASE " + name + " TEMPLATE " + template);
        return name;
    }

    private Connection admin() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", server.user());
        server.password().ifPresent(p -> login.setProperty("password", p));
        login.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(server.jdbcUrl(), login);
    }

    private void sql(String statement) {
        try (Connection connection = admin(); Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    /** Databases of test runs that were killed before their shutdown hook ran. */
    private void dropLeftovers() {
        List<String> names = new ArrayList<>();
        try (Connection connection = admin(); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        for (String name : names) {
            long pid = Long.parseLong(name.substring(PREFIX.length(), name.indexOf('_', PREFIX.length())));
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue; // another test JVM's, still running
            }
            sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /**
     * Drops this run's databases when the test JVM ends, four at a time and for at most 20 seconds (surefire stops a
     * JVM that takes 30 s to exit): what is left then is dropped by the next run's {@link #dropLeftovers()}.
     */
    private synchronized void dropAll() {
        opened.forEach(Database::close);
        java.util.List<String> names = new ArrayList<>();
        for (int i = 1; i <= made.get(); i++) {
            names.add(run + i);
        }
        java.util.concurrent.ExecutorService droppers = java.util.concurrent.Executors.newFixedThreadPool(4, job -> {
            Thread thread = new Thread(job, "drop test database");
            thread.setDaemon(true);
            return thread;
        });
        for (String name : names) {
            droppers.execute(() -> {
                try {
                    sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (RuntimeException e) {
                    // the next run drops it (dropLeftovers)
                }
            });
        }
        droppers.shutdown();
        try {
            if (droppers.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS) && template != null) {
                sql("DROP DATABASE IF EXISTS " + template + " WITH (FORCE)");
            }
        } catch (InterruptedException | RuntimeException e) {
            // the next run drops what is left
        }
    }
}
