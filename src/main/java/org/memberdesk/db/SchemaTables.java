package org.memberdesk.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shop's tables as the database's own catalogue lists them (SQLite's sqlite_master and pragmas, PostgreSQL's
 * information_schema), in one place: what `migrate` copies is read from the schema, never listed by hand, so a table
 * a later version adds is copied without anyone remembering to. Flyway's history is not the shop's data (each
 * database keeps its own), nor are SQLite's internal tables.
 */
public final class SchemaTables {
    /** One table: its columns in the catalogue's order and the columns of its primary key (the copy's order). */
    public record Table(String name, List<String> columns, List<String> key) {
        /** The name quoted for SQL (it comes from the catalogue, never from typed text). */
        public String quoted() {
            return quote(name);
        }

        public String columnList() {
            return String.join(", ", columns.stream().map(SchemaTables::quote).toList());
        }

        /** The primary key's columns, for ORDER BY (a table without one is read in the columns' order). */
        public String orderBy() {
            List<String> by = key.isEmpty() ? columns : key;
            return String.join(", ", by.stream().map(SchemaTables::quote).toList());
        }
    }

    private static final String HISTORY = "flyway_schema_history";
    /** A trigger's body writing another table: that table is copied after the trigger's own (see below). */
    private static final Pattern WRITES = Pattern.compile("(?i)\\b(?:UPDATE|INSERT\\s+INTO|DELETE\\s+FROM)\\s+\"?(\\w+)");
    /** A trigger reading another table (V15's store checks read stores): the trigger's own is copied after it. */
    private static final Pattern READS = Pattern.compile("(?i)(?<!DELETE\\s{1,8})\\bFROM\\s+\"?(\\w+)");

    private SchemaTables() {
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The names of every table of the shop's data (Flyway's history left out), sorted. */
    public static List<String> names(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(Dialect.of(connection).pick("""
                     SELECT name FROM sqlite_master
                     WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%'
                     ORDER BY name""", """
                     SELECT table_name FROM information_schema.tables
                     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                     ORDER BY table_name"""))) {
            while (rs.next()) {
                if (!rs.getString(1).equalsIgnoreCase(HISTORY)) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /**
     * Every table of the shop's data in an order they can be filled in: a table after those its foreign keys name
     * (a self-reference — a return naming its sale — is met by copying in id order) and, on SQLite, after the
     * tables its triggers write (the members trigger counts into {@code totals}: filled after the members, the
     * copied totals row is the one kept). Ties go by name, so the order is the same every time.
     */
    public static List<Table> inCopyOrder(Connection connection) throws SQLException {
        List<String> names = names(connection);
        Map<String, Set<String>> before = new TreeMap<>();
        for (String name : names) {
            before.put(name, new TreeSet<>());
        }
        Dialect dialect = Dialect.of(connection);
        Map<String, List<String>> columns = dialect == Dialect.SQLITE ? null : serverColumns(connection);
        Map<String, List<String>> keys = dialect == Dialect.SQLITE ? null : serverKeys(connection);
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String name : names) {
            if (dialect == Dialect.SQLITE) {
                tables.put(name, sqliteTable(connection, name, before.get(name)));
            } else {
                tables.put(name, new Table(name, columns.getOrDefault(name, List.of()), keys.getOrDefault(name, List.of())));
            }
        }
        if (dialect == Dialect.SQLITE) {
            triggerWrites(connection, before);
        } else {
            serverForeignKeys(connection, before);
        }
        List<Table> ordered = new ArrayList<>();
        TreeSet<String> left = new TreeSet<>(names);
        while (!left.isEmpty()) {
            String next = left.stream().filter(name -> before.get(name).stream()
                            .noneMatch(other -> !other.equals(name) && left.contains(other)))
                    .findFirst()
                    // a cycle (none today): the first by name, its foreign keys checked at the commit on SQLite
                    .orElse(left.first());
            left.remove(next);
            ordered.add(tables.get(next));
        }
        return ordered;
    }

    private static Table sqliteTable(Connection connection, String name, Set<String> before) throws SQLException {
        List<String> columns = new ArrayList<>();
        TreeMap<Integer, String> key = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                    if (rs.getInt(2) > 0) {
                        key.put(rs.getInt(2), rs.getString(1));
                    }
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    before.add(rs.getString(1));
                }
            }
        }
        return new Table(name, List.copyOf(columns), List.copyOf(key.values()));
    }

    private static void triggerWrites(Connection connection, Map<String, Set<String>> before) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")) {
            while (rs.next()) {
                String on = rs.getString(1);
                String sql = rs.getString(2) == null ? "" : rs.getString(2);
                Matcher m = WRITES.matcher(sql);
                while (m.find()) {
                    String written = m.group(1);
                    if (before.containsKey(written) && !written.equals(on)) {
                        before.get(written).add(on);
                    }
                }
                Matcher r = READS.matcher(sql);
                while (r.find()) {
                    String read = r.group(1);
                    if (before.containsKey(read) && !read.equals(on) && before.containsKey(on)) {
                        before.get(on).add(read);
                    }
                }
            }
        }
    }

    private static Map<String, List<String>> serverColumns(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT table_name, column_name FROM information_schema.columns
                     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return columns;
    }

    private static Map<String, List<String>> serverKeys(Connection connection) throws SQLException {
        Map<String, List<String>> keys = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT k.table_name, k.column_name
                     FROM information_schema.table_constraints c
                     JOIN information_schema.key_column_usage k
                       ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
                      AND k.table_name = c.table_name
                     WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema()
                     ORDER BY k.table_name, k.ordinal_position""")) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return keys;
    }

    private static void serverForeignKeys(Connection connection, Map<String, Set<String>> before) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT DISTINCT c.table_name, u.table_name
                     FROM information_schema.table_constraints c
                     JOIN information_schema.constraint_column_usage u
                       ON u.constraint_schema = c.constraint_schema AND u.constraint_name = c.constraint_name
                     WHERE c.constraint_type = 'FOREIGN KEY' AND c.table_schema = current_schema()""")) {
            while (rs.next()) {
                Set<String> of = before.get(rs.getString(1));
                if (of != null) {
                    of.add(rs.getString(2));
                }
            }
        }
    }

    /** How many rows a table holds. */
    public static long rows(Connection connection, Table table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.quoted())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** What a PostgreSQL database holds before anything is set up there: its tables, and the newest migration (0: none). */
    public record ServerContents(List<String> tables, int version) {
    }

    /**
     * The tables of a PostgreSQL database, read without setting anything up there ({@link Database#openServer} would
     * migrate it): `migrate` checks a target is empty before it changes anything.
     */
    public static ServerContents onServer(ServerAddress address) {
        ServerConnections connections = ServerConnections.open(address);
        try (Connection connection = connections.connect()) {
            List<String> tables = names(connection);
            int version = 0;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("""
                         SELECT count(*) FROM information_schema.tables
                         WHERE table_schema = current_schema() AND table_name = 'flyway_schema_history'""")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    try (ResultSet history = statement.executeQuery(
                            "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success")) {
                        history.next();
                        version = Math.max(1, history.getInt(1));
                    }
                }
            }
            return new ServerContents(tables, version);
        } catch (SQLException e) {
            throw new DataException(ServerConnections.describe(address, e), e);
        } finally {
            connections.close();
        }
    }
}
