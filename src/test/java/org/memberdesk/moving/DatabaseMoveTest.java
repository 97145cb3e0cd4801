package org.memberdesk.moving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.ServerTestDatabases;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.cli.Cli;
import org.memberdesk.common.Json;
import org.memberdesk.common.Progress;
import org.memberdesk.db.Database;
import org.memberdesk.db.ServerAddress;

/**
 * Issue 21, item 4: `migrate` moves a shop between engines. The source is always a SQLite file filled through the
 * app (the command line's services); the server tests run in the PostgreSQL test run (they need its server, as
 * `ServerTestDatabases.empty()` gives new databases there), the file-to-file ones in both runs.
 */
@BothEngines
class DatabaseMoveTest {
    @TempDir
    static Path shared;

    /** The filled source, made once: demo members, purchases and returns, cards and visits, and more through the app. */
    static Path source;

    @BeforeAll
    static void fillTheSource() throws Exception {
        source = shared.resolve("shop.db");
        cli(0, "--db", source.toString(), "demo", "--members", "150", "--business", "gym", "--seed", "5");
        cli(0, "--db", source.toString(), "staff", "add", "小王", "--role", "cashier", "--pin", "1234");
        cli(0, "--db", source.toString(), "tag", "create", "老客", "--rule", "purchases >= 3");
        cli(0, "--db", source.toString(), "tag", "add", "VIP", "M00000001", "M00000002");
        cli(0, "--db", source.toString(), "campaign", "create", "--name", "秋季回馈", "--type", "threshold",
                "--value", "20", "--min-spend", "100", "--valid-days", "30", "--target", "purchases >= 1",
                "--control", "10", "--seed", "42");
        cli(0, "--db", source.toString(), "campaign", "issue", "1");
        cli(0, "--db", source.toString(), "adjust-points", "M00000003", "--points", "200", "--reason", "补发",
                "--by", "王店长");
        String[] coupon = firstCoupon(source);
        cli(0, "--db", source.toString(), "redeem", coupon[0], "--member", coupon[1], "--amount", "128");
        String sale = (String) Json.readObject(cli(0, "--db", source.toString(), "sell", "M00000004",
                "--line", "饮料:3:45.50", "--line", "毛巾:1:20", "--pay", "cash", "--json")).get("purchase");
        cli(0, "--db", source.toString(), "return", sale, "--line", "1:1", "--reason", "饮料过期");
        // a second store (门店) with its own sale and new member: the copy must put the stores before the rows
        // whose triggers check them (V15)
        cli(0, "--db", source.toString(), "stores", "add", "二店");
        cli(0, "--db", source.toString(), "--store", "二店", "sell", "M00000006", "--line", "毛巾:2:40",
                "--pay", "cash");
        Path photo = shared.resolve("photo.png");
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff8800);
        javax.imageio.ImageIO.write(image, "png", photo.toFile());
        cli(0, "--db", source.toString(), "member-photo", "M00000005", "--file", photo.toString());
    }

    @Test
    void finding4_aFileCopiedToANewFileHasEveryTableAsItWas(@TempDir Path folder) {
        Path target = folder.resolve("copy.db");
        Map<String, Object> out = Json.readObject(cli(0, "--db", source.toString(), "migrate", "--to",
                target.toString(), "--json"));

        assertEquals(true, out.get("migrated"));
        assertEquals(List.of("counts", "ledger", "totals", "operation_log"), out.get("checked"));
        @SuppressWarnings("unchecked")
        Map<String, Object> tables = (Map<String, Object>) out.get("tables");
        assertEquals(150L, ((Number) tables.get("members")).longValue()); // the demo's 150 members
        assertEquals(1L, ((Number) tables.get("staff")).longValue()); // 小王
        assertEquals(1L, ((Number) tables.get("member_photos")).longValue());
        assertEquals(shopTables(source), shopTables(target));
    }

    @Test
    void finding4_aShopMovedToPostgresqlAndBackHasIdenticalTables(@TempDir Path folder) throws Exception {
        assumeTrue(TestDatabase.onServer(), "needs the PostgreSQL test run's server");
        ServerAddress server = ServerTestDatabases.configured().orElseThrow().empty();
        Map<String, List<String>> original = shopTables(source);

        String there = cli(0, "--db", source.toString(), "migrate", "--to", location(server), "--json");
        assertEquals(true, Json.readObject(there).get("migrated"));
        Database onServer = Database.openServer(server);
        try {
            assertEquals(original, ShopTables.of(onServer), "the server holds what the file held");
            Path back = folder.resolve("back.db");
            cli(0, "--db", location(server), "migrate", "--to", back.toString(), "--json");
            assertEquals(original, shopTables(back), "and the file made from it holds the same again");

            // every id sequence is past the copied rows: the next member the server adds gets a new id
            long highest = original.get("members").size(); // demo members are numbered 1..150
            try (Connection connection = onServer.connect(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("INSERT INTO members (member_no, name, join_date)"
                         + " VALUES ('M-NEW', '新会员', '2026-11-22') RETURNING id")) {
                rs.next();
                assertEquals(highest + 1, rs.getLong(1));
            }
        } finally {
            onServer.close();
        }
    }

    @Test
    void finding4_aTargetThatHoldsDataIsRefusedAndLeftAsItWas(@TempDir Path folder) throws Exception {
        Path other = folder.resolve("other.db");
        Files.copy(source, other);
        byte[] before = Files.readAllBytes(other);
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "--db", source.toString(), "migrate", "--to", other.toString(), "--json");

        assertEquals(3, code);
        assertTrue(err.toString().contains(other.toAbsolutePath() + " is there already"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(other)), "the file is unchanged");
    }

    @Test
    void finding4_aBigTableIsCopiedWithEveryIndexAndForeignKeyBuiltAgain(@TempDir Path folder) throws Exception {
        // 60,000 payments: past the 50,000 rows from which a table's indexes (and on PostgreSQL its foreign keys)
        // are dropped for the copy and built again after it
        Path big = folder.resolve("big.db");
        cli(0, "--db", big.toString(), "demo", "--members", "5", "--seed", "2");
        try (Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + big);
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO payments (time, member_id, kind, method, amount_cents)
                    WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 60000)
                    SELECT '2026-11-01 10:00:00', 1, 'topup', 'cash', x FROM n""");
        }
        Path copy = folder.resolve("copy.db");
        cli(0, "--db", big.toString(), "migrate", "--to", copy.toString());
        assertEquals(shopTables(big), shopTables(copy));
        assertEquals(sqliteIndexes(big), sqliteIndexes(copy));

        if (TestDatabase.onServer()) {
            ServerAddress server = ServerTestDatabases.configured().orElseThrow().empty();
            cli(0, "--db", big.toString(), "migrate", "--to", location(server));
            Database fresh = ServerTestDatabases.configured().orElseThrow().fresh();
            Database moved = Database.openServer(server);
            try {
                assertEquals(shopTables(big), ShopTables.of(moved));
                assertEquals(serverIndexesAndKeys(fresh), serverIndexesAndKeys(moved));
            } finally {
                moved.close();
            }
        }
    }

    private static List<String> sqliteIndexes(Path file) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name || ': ' || coalesce(sql, '') FROM sqlite_master"
                     + " WHERE type = 'index' ORDER BY name")) {
            List<String> indexes = new java.util.ArrayList<>();
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
            return indexes;
        }
    }

    private static List<String> serverIndexesAndKeys(Database database) {
        return database.read(connection -> {
            List<String> found = new java.util.ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("""
                         SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
                         UNION ALL
                         SELECT conrelid::regclass::text || '.' || conname || ': ' || pg_get_constraintdef(oid)
                         FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
                         ORDER BY 1""")) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        });
    }

    @Test
    void finding4_aSourceOfANewerVersionIsRefused(@TempDir Path folder) throws Exception {
        Path newer = folder.resolve("newer.db");
        Files.copy(source, newer);
        try (Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + newer);
             Statement statement = connection.createStatement()) {
            // as a later MemberDesk would leave it: one more migration than this build has
            statement.execute("""
                    INSERT INTO flyway_schema_history
                    SELECT installed_rank + 1, '99', 'later', type, 'V99__later.sql', checksum, installed_by,
                           installed_on, execution_time, success
                    FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1""");
        }
        Path target = folder.resolve("copy.db");
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "--db", newer.toString(), "migrate", "--to", target.toString());

        assertEquals(3, code, err.toString());
        assertTrue(err.toString().contains("is at schema version 99, this version of MemberDesk copies version "
                + org.memberdesk.db.Migrations.LATEST_VERSION),
                err.toString());
        assertFalse(Files.exists(target));
    }

    @Test
    void finding4_aServerDatabaseThatHoldsAShopIsRefused(@TempDir Path folder) throws Exception {
        assumeTrue(TestDatabase.onServer(), "needs the PostgreSQL test run's server");
        ServerAddress server = ServerTestDatabases.configured().orElseThrow().empty();
        cli(0, "--db", source.toString(), "migrate", "--to", location(server));

        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "--db", source.toString(), "migrate", "--to", location(server));
        assertEquals(3, code);
        assertTrue(err.toString().contains("already holds a shop's data"), err.toString());
        assertTrue(err.toString().contains("150 rows in members") || err.toString().contains("rows in"),
                err.toString());

        // a database of another program: refused, not set up
        ServerAddress foreign = ServerTestDatabases.configured().orElseThrow().empty();
        try (Connection connection = java.sql.DriverManager.getConnection(foreign.jdbcUrl(), login(foreign));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY)");
        }
        err = new StringWriter();
        code = new Cli(TestDatabase.clock()).run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "--db", source.toString(), "migrate", "--to", location(foreign));
        assertEquals(3, code);
        assertTrue(err.toString().contains("1 table (orders)"), err.toString());
        try (Connection connection = java.sql.DriverManager.getConnection(foreign.jdbcUrl(), login(foreign));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM information_schema.tables"
                     + " WHERE table_schema = 'public'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "nothing was set up beside the foreign table");
        }
    }

    @Test
    void finding4_aFailureMidwayLeavesANewFileUnmade(@TempDir Path folder) {
        Path target = folder.resolve("half.db");
        AppContext shop = new AppContext(Database.open(source), TestDatabase.clock());
        Progress failing = failingAfter(10);

        assertThrows(IllegalStateException.class, () -> shop.databaseMove().move(shop.database(), target.toString(),
                failing));
        assertFalse(Files.exists(target), "no half-made file is left");
        assertFalse(Files.exists(Path.of(target + "-wal")));

        // and a cancel likewise; then the same move goes through
        Progress cancelled = new Progress() {
            @Override
            public void report(long done, long total, long count) {
                if (count >= 5) {
                    cancel();
                }
            }
        };
        assertThrows(CancellationException.class, () -> shop.databaseMove().move(shop.database(), target.toString(),
                cancelled));
        assertFalse(Files.exists(target));
        shop.databaseMove().move(shop.database(), target.toString(), Progress.NONE);
        assertEquals(shopTables(source), shopTables(target));
    }

    @Test
    void finding4_aFailureMidwayLeavesTheServerDatabaseEmpty(@TempDir Path folder) {
        assumeTrue(TestDatabase.onServer(), "needs the PostgreSQL test run's server");
        ServerAddress server = ServerTestDatabases.configured().orElseThrow().empty();
        AppContext shop = new AppContext(Database.open(source), TestDatabase.clock());

        assertThrows(IllegalStateException.class, () -> shop.databaseMove().move(shop.database(), location(server),
                failingAfter(20)));
        Database onServer = Database.openServer(server);
        try {
            Map<String, List<String>> left = ShopTables.of(onServer);
            assertEquals(List.of(), left.get("members"));
            assertEquals(List.of(), left.get("purchases"));
            assertEquals(List.of(), left.get("operation_log"));
        } finally {
            onServer.close();
        }
        // what a failed move leaves is still an empty database: the move is tried again, and goes through
        shop.databaseMove().move(shop.database(), location(server), Progress.NONE);
        Database again = Database.openServer(server);
        try {
            assertEquals(shopTables(source), ShopTables.of(again));
        } finally {
            again.close();
        }
    }

    @Test
    void finding4_thePasswordIsNeverPrinted(@TempDir Path folder) {
        assumeTrue(TestDatabase.onServer(), "needs the PostgreSQL test run's server");
        ServerAddress server = ServerTestDatabases.configured().orElseThrow().empty();
        String secret = server.password().orElse("memberdesk");
        String withPassword = "postgresql://" + server.user() + ":" + secret + "@" + server.host() + ":"
                + server.port() + "/" + server.database();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err),
                "--db", source.toString(), "migrate", "--to", withPassword, "--json");
        assertEquals(0, code, err.toString());
        assertFalse(out.toString().contains(":" + secret + "@"), out.toString());
        assertFalse(err.toString().contains(":" + secret + "@"), err.toString());
        assertEquals(server.toString(), Json.readObject(out.toString()).get("to"));

        // an address nobody answers at: exit 1, one line, no password
        out = new StringWriter();
        err = new StringWriter();
        code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), "--db",
                source.toString(), "migrate", "--to", "postgresql://shop:Secret-99@127.0.0.1:1/nowhere");
        assertEquals(1, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse((out + err.toString()).contains("Secret-99"), err.toString());
    }

    private static Progress failingAfter(int tables) {
        return new Progress() {
            @Override
            public void report(long done, long total, long count) {
                if (count >= tables) {
                    throw new IllegalStateException("the disk went away after " + count + " tables");
                }
            }
        };
    }

    private static Map<String, List<String>> shopTables(Path file) {
        return ShopTables.of(Database.open(file));
    }

    private static String location(ServerAddress server) {
        return "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + server.database();
    }

    private static java.util.Properties login(ServerAddress server) {
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", server.user());
        server.password().ifPresent(p -> login.setProperty("password", p));
        return login;
    }

    private static String[] firstCoupon(Path file) throws Exception {
        try (Connection connection = Database.open(file).connect();
             PreparedStatement statement = connection.prepareStatement("SELECT c.code, m.member_no FROM coupons c"
                     + " JOIN members m ON m.id = c.member_id WHERE c.used_at IS NULL ORDER BY c.id LIMIT 1");
             ResultSet rs = statement.executeQuery()) {
            assertTrue(rs.next(), "the campaign issued coupons");
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    private static String cli(int expected, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(expected, code, String.join(" ", args) + ": " + err);
        return out.toString();
    }
}
