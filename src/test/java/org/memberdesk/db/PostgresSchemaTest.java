package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL schema (db/postgresql) against the SQLite one (db/migration): a fresh database migrated on each
 * engine has the same tables, the same columns in the same order with the same types, keys, NULLs and defaults, the
 * same foreign keys and index names and the same Flyway history; SQLite's functions the stores use (date,
 * julianday, unixepoch, group_concat) answer the same SELECTs the same on both. Runs when {@code memberdesk.test.db}
 * is a PostgreSQL URL ({@code postgresql://user:password@host:port/}); skipped otherwise.
 */
@org.memberdesk.BothEngines
class PostgresSchemaTest {
    private static final String PROPERTY = "memberdesk.test.db";

    @TempDir
    static Path folder;

    private static String adminUrl;
    private static String user;
    private static String password;
    private static String databaseName;
    private static Connection postgres;
    private static Database sqliteDatabase;
    private static Connection sqlite;

    @BeforeAll
    static void migrateBoth() throws SQLException {
        String target = System.getProperty(PROPERTY, "");
        if (!target.startsWith("postgresql://")) {
            return; // each test says it was skipped (an assumption here would hide the class from the report)
        }
        URI uri = URI.create(target);
        String[] login = uri.getRawUserInfo() == null ? new String[0] : uri.getRawUserInfo().split(":", 2);
        user = login.length > 0 ? decode(login[0]) : System.getProperty("user.name");
        password = login.length > 1 ? decode(login[1]) : System.getenv("PGPASSWORD");
        String path = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        String server = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/";
        adminUrl = server + path;
        databaseName = "pgschema_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + databaseName);
        }
        String url = server + databaseName;
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/postgresql")
                .failOnMissingLocations(true).load().migrate();
        postgres = DriverManager.getConnection(url, user, password);
        sqliteDatabase = Database.open(folder.resolve("schema.db"));
        sqlite = sqliteDatabase.connect();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (sqlite != null) {
            sqlite.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (databaseName != null) {
            try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + databaseName);
            }
        }
    }

    @BeforeEach
    void needsPostgres() {
        Assumptions.assumeTrue(postgres != null,
                "PostgreSQL schema test skipped: set -D" + PROPERTY + "=postgresql://user:password@host:port/ to run it");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    @Test
    void theSameTablesWithTheSameColumnsInTheSameOrder() throws SQLException {
        Map<String, List<String>> onSqlite = sqliteColumns();
        Map<String, List<String>> onPostgres = postgresColumns();
        assertEquals(onSqlite.keySet(), onPostgres.keySet(), "tables");
        for (String table : onSqlite.keySet()) {
            assertEquals(onSqlite.get(table), onPostgres.get(table), "columns of " + table);
        }
        // a few by hand: the ALTERed columns come last, in the order the scripts add them
        List<String> purchases = onPostgres.get("purchases");
        assertEquals("staff_id bigint null default=null pk=0", purchases.get(purchases.size() - 2));
        // V15: the store a purchase was made in, store 1 for every row made before stores existed
        assertEquals("store_id bigint notnull default=1 pk=0", purchases.get(purchases.size() - 1));
        assertEquals("id bigint null default=null pk=1", onPostgres.get("members").get(0));
        assertEquals("image bytea notnull default=null pk=0", onPostgres.get("member_photos").get(1));
        assertEquals("r double precision notnull default=null pk=0", onPostgres.get("prediction_models").get(6));
    }

    /** table → "column type null|notnull default=… pk=position", SQLite's declared type in PostgreSQL's words. */
    private static Map<String, List<String>> sqliteColumns() throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : strings(sqlite, """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'
                  AND name <> 'flyway_schema_history'""")) {
            List<String> columns = new ArrayList<>();
            try (Statement statement = sqlite.createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
                while (rs.next()) {
                    String type = switch (rs.getString("type")) {
                        case "INTEGER" -> "bigint";
                        case "TEXT" -> "text";
                        case "REAL" -> "double precision";
                        case "BLOB" -> "bytea";
                        default -> "?" + rs.getString("type");
                    };
                    // SQLite lets a primary key column other than INTEGER hold NULL; none of ours does: PostgreSQL's
                    // NOT NULL on every key column is the same in effect, so keys are listed as "null" on both
                    boolean notNull = rs.getInt("notnull") == 1 && rs.getInt("pk") == 0;
                    columns.add(rs.getString("name") + " " + type + (notNull ? " notnull" : " null")
                            + " default=" + rs.getString("dflt_value") + " pk=" + rs.getInt("pk"));
                }
            }
            tables.put(table, columns);
        }
        return tables;
    }

    private static Map<String, List<String>> postgresColumns() throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Statement statement = postgres.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default,
                            coalesce((SELECT k.ordinal_position FROM information_schema.key_column_usage k
                                      JOIN information_schema.table_constraints t
                                        ON t.constraint_name = k.constraint_name AND t.table_schema = k.table_schema
                                      WHERE t.constraint_type = 'PRIMARY KEY' AND k.table_schema = c.table_schema
                                        AND k.table_name = c.table_name AND k.column_name = c.column_name), 0)
                     FROM information_schema.columns c JOIN information_schema.tables t
                       ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                       AND c.table_name <> 'flyway_schema_history'
                     ORDER BY c.table_name, c.ordinal_position""")) {
            while (rs.next()) {
                boolean key = rs.getInt(6) > 0;
                boolean notNull = "NO".equals(rs.getString(4)) && !key;
                tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2) + " "
                        + rs.getString(3) + (notNull ? " notnull" : " null") + " default=" + rs.getString(5)
                        + " pk=" + rs.getInt(6));
            }
        }
        return tables;
    }

    @Test
    void textComparesByteForByteAsOnSqlite() throws SQLException {
        // every text column is COLLATE "C", so no database locale can reorder dates, numbers or names
        assertEquals(List.of(), strings(postgres, """
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type = 'text' AND table_name <> 'flyway_schema_history'
                  AND coalesce(collation_name, '') <> 'C'"""));
        List<String> names = List.of("b", "B", "a", " a", "_x", "Zoe", "张三", "李四", "2026-11-22 10:00:00",
                "2026-11-22T09:00", "2026-11-22", "10", "9");
        String sorted = "SELECT name FROM members ORDER BY name";
        String below = "SELECT count(*) FROM members WHERE name < 'a' AND name >= '2026-11-22 '";
        List<List<String>> answers = new ArrayList<>();
        for (Connection connection : List.of(sqlite, postgres)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO members (member_no, name, join_date) VALUES (?, ?, '2026-01-01')")) {
                for (int i = 0; i < names.size(); i++) {
                    insert.setString(1, "S" + i);
                    insert.setString(2, names.get(i));
                    insert.executeUpdate();
                }
                List<String> answer = new ArrayList<>(strings(connection, sorted));
                answer.addAll(strings(connection, below));
                answers.add(answer);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        // byte order: space, digits, upper case, '_', lower case, then Chinese (张 U+5F20 before 李 U+674E);
        // '2026-11-22 10:00:00' < '2026-11-22T09:00' (' ' < 'T'); 6 names from '2026-11-22 ' up to 'a'
        // ('2026-11-22 10:00:00', '2026-11-22T09:00', '9', 'B', 'Zoe', '_x')
        assertEquals(List.of(" a", "10", "2026-11-22", "2026-11-22 10:00:00", "2026-11-22T09:00", "9", "B", "Zoe", "_x",
                "a", "b", "张三", "李四", "6"), answers.get(0));
        assertEquals(answers.get(0), answers.get(1));
    }

    @Test
    void theSameIndexNamesOnTheSameTables() throws SQLException {
        TreeSet<String> onSqlite = new TreeSet<>(strings(sqlite, """
                SELECT tbl_name || '.' || name FROM sqlite_master
                WHERE type = 'index' AND sql IS NOT NULL AND name NOT LIKE 'flyway%'"""));
        // PostgreSQL's indexes less those behind a PRIMARY KEY or UNIQUE constraint (SQLite's autoindexes)
        TreeSet<String> onPostgres = new TreeSet<>(strings(postgres, """
                SELECT t.relname || '.' || c.relname FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relname NOT LIKE 'flyway%'
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"""));
        assertEquals(onSqlite, onPostgres);
        assertTrue(onPostgres.contains("members.members_phone_last4"), onPostgres.toString());
        // V5 dropped these two
        assertTrue(!onPostgres.contains("purchases.purchases_time"), onPostgres.toString());
    }

    @Test
    void theSameUniqueKeysAndForeignKeys() throws SQLException {
        TreeSet<String> sqliteKeys = new TreeSet<>();
        for (String table : strings(sqlite, """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'
                  AND name <> 'flyway_schema_history'""")) {
            try (Statement statement = sqlite.createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA foreign_key_list(" + table + ")")) {
                while (rs.next()) {
                    sqliteKeys.add("fk " + table + "(" + rs.getString("from") + ") -> " + rs.getString("table") + "("
                            + rs.getString("to") + ") on delete " + rs.getString("on_delete").toLowerCase());
                }
            }
            List<String> indexes = new ArrayList<>();
            try (Statement statement = sqlite.createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA index_list(" + table + ")")) {
                while (rs.next()) {
                    if (rs.getInt("unique") == 1 && !"c".equals(rs.getString("origin"))) {
                        indexes.add(rs.getString("name"));
                    }
                }
            }
            for (String index : indexes) {
                sqliteKeys.add("unique " + table + "(" + String.join(", ",
                        strings(sqlite, "SELECT name FROM pragma_index_info('" + index + "') ORDER BY seqno")) + ")");
            }
            // a rowid key (INTEGER PRIMARY KEY) has no index in SQLite: its column is the table's key
            List<String> rowidKey = strings(sqlite, "SELECT name FROM pragma_table_info('" + table + "') WHERE pk > 0"
                    + " AND (SELECT count(*) FROM pragma_table_info('" + table + "') WHERE pk > 0) = 1"
                    + " AND type = 'INTEGER' AND NOT EXISTS (SELECT 1 FROM pragma_index_list('" + table
                    + "') WHERE origin = 'pk')");
            rowidKey.forEach(column -> sqliteKeys.add("unique " + table + "(" + column + ")"));
        }
        TreeSet<String> postgresKeys = new TreeSet<>(strings(postgres, """
                SELECT CASE k.contype WHEN 'f' THEN 'fk ' ELSE 'unique ' END || t.relname || '('
                       || (SELECT string_agg(a.attname, ', ' ORDER BY u.n) FROM unnest(k.conkey) WITH ORDINALITY u(attnum, n)
                           JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum) || ')'
                       || CASE WHEN k.contype = 'f' THEN ' -> ' || f.relname || '('
                            || (SELECT string_agg(a.attname, ', ' ORDER BY u.n)
                                FROM unnest(k.confkey) WITH ORDINALITY u(attnum, n)
                                JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum) || ')'
                            || ' on delete ' || CASE k.confdeltype WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null'
                                                  WHEN 'r' THEN 'restrict' WHEN 'd' THEN 'set default'
                                                  ELSE 'no action' END
                          ELSE '' END
                FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
                LEFT JOIN pg_class f ON f.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND k.contype IN ('f', 'p', 'u')
                  AND t.relname <> 'flyway_schema_history'"""));
        assertEquals(sqliteKeys, postgresKeys);
        assertTrue(postgresKeys.contains("fk member_tags(tag_id) -> tags(id) on delete cascade"), postgresKeys.toString());
    }

    @Test
    void flywayHistoryReadsTheSame() throws SQLException {
        String history = "SELECT version || ' ' || description || ' ' || script || ' ' || type FROM flyway_schema_history"
                + " WHERE version IS NOT NULL ORDER BY installed_rank";
        List<String> onSqlite = strings(sqlite, history);
        assertEquals(org.memberdesk.db.Migrations.LATEST_VERSION, onSqlite.size(), onSqlite.toString());
        assertEquals(onSqlite, strings(postgres, history));
    }

    @Test
    void theSeedRowsAreTheSame() throws SQLException {
        for (String query : List.of(
                "SELECT id || ' ' || earn_points || ' ' || earn_per_yuan || ' ' || birthday_percent || ' '"
                        + " || signup_bonus || ' ' || first_purchase_bonus || ' ' || expiry_months FROM points_rules",
                "SELECT id || ' ' || basis || ' ' || window_months || ' ' || protection_months FROM tier_program",
                "SELECT rank || ' ' || name || ' ' || threshold || ' ' || points_percent || ' ' || discount_percent"
                        + " || ' ' || coalesce(perks, '-') FROM tiers ORDER BY rank",
                "SELECT id || ' ' || members || ' ' || purchases || ' ' || returns || ' ' || revenue_cents FROM totals")) {
            assertEquals(strings(sqlite, query), strings(postgres, query), query);
        }
        assertEquals(List.of("3 黑金 1000000 150 8 生日礼；专属客服；免费停车"),
                strings(postgres, "SELECT rank || ' ' || name || ' ' || threshold || ' ' || points_percent || ' '"
                        + " || discount_percent || ' ' || perks FROM tiers WHERE rank = 3"));
    }

    @Test
    void theTriggersCountMembersAndKeepTheLogAppendOnly() throws SQLException {
        for (Connection connection : List.of(sqlite, postgres)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO members (member_no, name, join_date) VALUES"
                        + " ('T1', 'a', '2026-01-01'), ('T2', 'b', '2026-01-01'), ('T3', 'c', '2026-01-01')");
                statement.executeUpdate("DELETE FROM members WHERE member_no = 'T2'");
                // 3 added − 1 removed = 2
                assertEquals(List.of("2"), strings(connection, "SELECT members FROM totals"));
                statement.executeUpdate("INSERT INTO operation_log (at, staff_name, action, prev_hash, hash)"
                        + " VALUES ('2026-11-22 12:00:00', 'system', 'test', '0', '1')");
                SQLException update = assertThrows(SQLException.class,
                        () -> statement.executeUpdate("UPDATE operation_log SET action = 'changed'"));
                assertTrue(update.getMessage().contains("the operation log is append-only"), update.getMessage());
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO operation_log (at, staff_name, action, prev_hash, hash)"
                        + " VALUES ('2026-11-22 12:00:00', 'system', 'test', '0', '1')");
                SQLException delete = assertThrows(SQLException.class,
                        () -> statement.executeUpdate("DELETE FROM operation_log"));
                assertTrue(delete.getMessage().contains("the operation log is append-only"), delete.getMessage());
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Test
    void checksRefuseTheSameRows() throws SQLException {
        for (String insert : List.of(
                "INSERT INTO card_products (kind, name, price_cents, created_at) VALUES ('period', '   ', 1, 'x')",
                "INSERT INTO members (member_no, name, join_date, gender) VALUES ('C1', 'a', '2026-01-01', 'X')",
                "INSERT INTO tiers (rank, name, threshold, points_percent, discount_percent) VALUES (9, 'x', 0, 0, 101)",
                "INSERT INTO totals (id, members, purchases, returns, revenue_cents) VALUES (2, 0, 0, 0, 0)",
                "INSERT INTO member_tags (tag_id, member_id, added_at) VALUES (999, 999, 'x')")) {
            for (Connection connection : List.of(sqlite, postgres)) {
                assertThrows(SQLException.class, () -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate(insert);
                    }
                }, insert);
            }
        }
    }

    /** In {@link #SAME_ANSWERS}: no hand-checked value, the engines must only agree. */
    private static final String SAME = "(the same on both)";

    /** SELECTs the stores' SQL makes of SQLite's functions, and the hand-checked answer both engines must give. */
    private static final List<String[]> SAME_ANSWERS = List.of(
            // SQLite adds a month to the day number and lets it run over: 2026-02-31 is 3 days past 2026-02-28
            new String[] {"date('2026-01-31', '+1 months')", "2026-03-03"},
            new String[] {"date('2026-03-31', '-1 month')", "2026-03-03"},
            new String[] {"date('2024-02-29', '+1 years')", "2025-03-01"},
            new String[] {"date('2026-11-22', '+12 months')", "2027-11-22"},
            new String[] {"date('2026-11-22', '-23 months')", "2024-12-22"},
            // 2026-11-22 −1 month = 2026-10-22, −0.5 month = −15 days → 2026-10-07
            new String[] {"date('2026-11-22', '-1.5 months')", "2026-10-07"},
            new String[] {"date('2026-11-22 12:00:00', '-30 days')", "2026-10-23"},
            new String[] {"date('2026-11-22T23:59:59', '+1 days')", "2026-11-23"},
            new String[] {"date('2026-11-22 10:00', '+31 days')", "2026-12-23"},
            new String[] {"date('2026-11-22', '5 days')", "2026-11-27"},
            new String[] {"date('2026-11-22', '+1 DAY')", "2026-11-23"},
            new String[] {"date('2026-11-22 18:00', '+0.5 days')", "2026-11-23"},
            new String[] {"date('2026-11-22', 'start of month')", "2026-11-01"},
            new String[] {"date('2026-11-22 13:14:15', 'start of year', '+1 year')", "2027-01-01"},
            new String[] {"date('2026-02-10', 'start of month', '+1 months', '-1 days')", "2026-02-28"},
            new String[] {"date('2026-11-22', 'weekday 0')", "2026-11-22"}, // a Sunday
            new String[] {"date('2026-11-22', 'weekday 1')", "2026-11-23"},
            new String[] {"date('2026-02-31', '+1 months')", "2026-03-31"},
            new String[] {"date(CAST('2026-11-22 23:00' AS TEXT))", "2026-11-22"},
            // a bare day past the month's end is counted on: 2026-02-31 = 2026-02-28 + 3
            new String[] {"date(CAST('2026-02-31' AS TEXT))", "2026-03-03"},
            new String[] {"date(CAST('2026-11-22 23:00-05:00' AS TEXT))", "2026-11-23"},
            // CardStore's freeze end: from_date + (days − 1); days 0 makes '+-1 days', which SQLite refuses
            new String[] {"(SELECT date(f.from_date, '+' || (f.days - 1) || ' days') FROM"
                    + " (SELECT '2026-11-22' AS from_date, 3 AS days) f)", "2026-11-24"},
            new String[] {"(SELECT date(f.from_date, '+' || (f.days - 1) || ' days') FROM"
                    + " (SELECT '2026-11-22' AS from_date, 0 AS days) f)", null},
            new String[] {"date('2026-11-22', '+1days')", null},
            new String[] {"date('2026-11-22', 'now')", null},
            new String[] {"date('garbage', '+1 days')", null},
            new String[] {"date(CAST('2026-13-01' AS TEXT))", null},
            new String[] {"date(CAST(NULL AS TEXT))", null},
            new String[] {"date('2026-11-22', NULL)", null},
            new String[] {"date('9999-12-31', '+1 days')", null},
            // days from 2026-11-22 to 2026-12-31, both counted: 8 + 31 + 1 = 40 (RuleSql's pass_days_left)
            new String[] {"CAST(julianday('2026-12-31') - julianday('2026-11-22') AS INTEGER) + 1", "40"},
            new String[] {"julianday('2000-01-01 12:00')", "2451545.0"},
            new String[] {"julianday('2026-11-22')", "2461366.5"},
            new String[] {"julianday('2026-11-22 13:14:15')", "2461367.0515625"},
            new String[] {"julianday('2026-11-22 13:14:15.123')", SAME},
            // the plain forms take PostgreSQL's fast path, the others SQLite's steps: both must agree at the seams
            new String[] {"julianday('2026-02-28 23:59:59')", SAME},
            new String[] {"julianday('2026-02-29 00:00:00')", SAME},
            new String[] {"julianday('2026-11-22 24:00:00')", SAME},
            new String[] {"julianday('2026-11-22 10:00')", SAME},
            new String[] {"julianday('0000-01-01')", SAME},
            new String[] {"julianday(CAST(NULL AS TEXT))", null},
            new String[] {"unixepoch('1969-12-31 23:59:59')", "-1"},
            new String[] {"(SELECT CAST(julianday(max(v)) - julianday('2026-11-22') AS INTEGER) + 1 FROM"
                    + " (SELECT '2026-12-31' AS v UNION ALL SELECT '2026-12-01') x)", "40"},
            new String[] {"julianday('x')", null},
            // 2026-11-22 is day 20779 since 1970-01-01 (56 years of 365 days + 14 leap days = 20454, + 325 days
            // into 2026): 20779 × 86400 = 1795305600; 13:14:15 adds 47655 s; a day adds 86400
            new String[] {"unixepoch('2026-11-22')", "1795305600"},
            new String[] {"unixepoch(substr('2026-11-22 13:14:15', 1, 10)) / 86400", "20779"},
            new String[] {"unixepoch('2026-11-22 13:14:15')", "1795353255"},
            new String[] {"unixepoch('1970-01-01')", "0"},
            new String[] {"unixepoch('2026-11-22', '+1 days')", "1795392000"},
            new String[] {"(SELECT group_concat(x) FROM (SELECT 3 AS x UNION ALL SELECT NULL UNION ALL SELECT 5) v)",
                    "3,5"},
            new String[] {"(SELECT group_concat(x) FROM (SELECT CAST(NULL AS BIGINT) AS x) v)", null},
            new String[] {"(SELECT group_concat(x) FROM (SELECT 1 AS x) v WHERE x > 1)", null},
            new String[] {"(SELECT group_concat(x) FILTER (WHERE x <> 4) FROM"
                    + " (SELECT 3 AS x UNION ALL SELECT 4 UNION ALL SELECT 5) v)", "3,5"},
            new String[] {"(SELECT group_concat(x) FROM (SELECT 'a' AS x UNION ALL SELECT 'b') v)", "a,b"},
            new String[] {"(SELECT group_concat(x || ' ×' || n, '、') FROM (SELECT '茶' AS x, 2 AS n UNION ALL"
                    + " SELECT NULL, 1 UNION ALL SELECT '饼', 3) v)", "茶 ×2、饼 ×3"},
            new String[] {"(SELECT group_concat(x, '、') FROM (SELECT CAST(NULL AS TEXT) AS x) v)", null},
            // json_each as PipelineStore and MemberStore read a bound array of rows, and ExportStore an object's keys
            new String[] {"(SELECT group_concat(j.value ->> 0, ';') FROM json_each('[[\"P1\", 2], [\"P2\", 3]]') j)",
                    "P1;P2"},
            new String[] {"(SELECT group_concat(j.key, ';') FROM json_each('{\"b\": 1, \"a\": \"x\"}') j)", "b;a"},
            new String[] {"(SELECT count(*) FROM json_each('[]'))", "0"});

    @Test
    void sqliteFunctionsAnswerTheSameOnBothEngines() throws SQLException {
        List<String> wrong = new ArrayList<>();
        for (String[] check : SAME_ANSWERS) {
            String query = "SELECT " + check[0];
            Object onSqlite = value(sqlite, query);
            Object onPostgres = value(postgres, query);
            String sqliteText = onSqlite == null ? null : onSqlite.toString();
            boolean handChecked = !SAME.equals(check[1]);
            if (!Objects.equals(onSqlite, onPostgres)
                    || (handChecked && !Objects.equals(check[1], sqliteText))) {
                wrong.add(query + ": expected " + check[1] + ", SQLite " + onSqlite + ", PostgreSQL " + onPostgres);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void boundParametersReachTheSameFunctions() throws SQLException {
        // as CardStore moves a card's end and RuleSql binds the as-of date: setString, never a typed date
        String move = "SELECT date(?, ? || ' days')";
        String days = "SELECT CAST(julianday(?) - julianday(?) AS INTEGER)";
        for (Connection connection : List.of(sqlite, postgres)) {
            assertEquals("2026-11-19", value(connection, move, "2026-11-22", "-3"));
            assertEquals("2026-11-27", value(connection, move, "2026-11-22", "+5"));
            assertEquals(39L, ((Number) value(connection, days, "2026-12-31", "2026-11-22")).longValue());
        }
        assertNull(value(postgres, "SELECT date(?, ? || ' days')", "2026-11-22", "+-1"));
    }

    /** The one value of a query, as a String, a Long or a Double (so the engines' JDBC types compare). */
    private static Object value(Connection connection, String query, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next(), query);
                Object value = rs.getObject(1);
                if (value instanceof Integer || value instanceof Long) {
                    return ((Number) value).longValue();
                }
                if (value instanceof Float || value instanceof Double) {
                    return ((Number) value).doubleValue();
                }
                return value == null ? null : value.toString();
            }
        }
    }

    private static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
