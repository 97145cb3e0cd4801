package org.memberdesk.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A PostgreSQL server and database as a shop names it: {@code postgresql://user[:password]@host[:port]/database}.
 * The password comes from the address, else from {@code PGPASSWORD}, else from the user's {@code .pgpass} file (the
 * driver reads it). {@link #toString()} never shows the password: it goes into messages and the log.
 */
public record ServerAddress(String host, int port, String database, String user, Optional<String> password) {
    public static final int DEFAULT_PORT = 5432;

    public ServerAddress {
        if (host.isBlank() || database.isBlank()) {
            throw new IllegalArgumentException("a server address needs a host and a database: postgresql://HOST/DATABASE");
        }
    }

    /** Reads an address, taking a missing password from the environment ({@code PGPASSWORD}) and a missing user
     *  from {@code PGUSER} or the computer's user name. */
    public static ServerAddress parse(String location, UnaryOperator<String> environment) {
        if (!Dialect.isServerLocation(location)) {
            throw new IllegalArgumentException("not a PostgreSQL address (postgresql://HOST/DATABASE): "
                    + withoutPassword(location));
        }
        URI uri;
        try {
            uri = new URI(location.replaceFirst("^postgres(ql)?://", "postgresql://"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot read the server address " + withoutPassword(location)
                    + " (write it as postgresql://USER@HOST:PORT/DATABASE)", e);
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        if (user == null || user.isBlank()) {
            user = Optional.ofNullable(environment.apply("PGUSER")).filter(u -> !u.isBlank())
                    .orElse(System.getProperty("user.name", "postgres"));
        }
        if (password == null) {
            password = environment.apply("PGPASSWORD");
        }
        return new ServerAddress(host, uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT, path, user,
                Optional.ofNullable(password).filter(p -> !p.isEmpty()));
    }

    public static ServerAddress parse(String location) {
        return parse(location, System::getenv);
    }

    /** The JDBC address, without credentials (they go in as properties, never in a string that may be logged). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database;
    }

    /** The same server with another database on it (tests make one per test; `migrate` checks a target). */
    public ServerAddress withDatabase(String other) {
        return new ServerAddress(host, port, other, user, password);
    }

    /** The same address with the password a person typed (kept in memory only, for the pool's logins). */
    public ServerAddress withPassword(String typed) {
        return new ServerAddress(host, port, database, user,
                Optional.ofNullable(typed).filter(p -> !p.isEmpty()).or(() -> password));
    }

    /** A folder name for this computer's own files about this database (locks, reports, the log). */
    public String folderName() {
        return (host + "_" + port + "_" + database).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return "postgresql://" + user + "@" + hostForUrl() + ":" + port + "/" + database;
    }

    /** A location as typed, with any password in it replaced by ***: for messages about an address we could not read. */
    public static String withoutPassword(String location) {
        return location == null ? "" : location.replaceAll("(://[^:/@]*):[^@/]*@", "$1:***@");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** For tests and diagnostics: the address's parts as a map, without the password. */
    public Map<String, Object> describe() {
        return Map.of("host", host, "port", port, "database", database, "user", user);
    }
}
