package org.memberdesk.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.db.Database;
import org.memberdesk.db.ServerAddress;
import org.memberdesk.members.Member;

/**
 * Two or more counters on one card at once, each a real process of its own on the same database — a SQLite file (as
 * a window and the command line on one computer) or a PostgreSQL server (as the counters of several computers): the
 * guarded updates of the card's balances and one writer at a time (SQLite's lock, the server's write lock) must give
 * exactly one visit for a last session, and never overdraw stored value. The tills ({@link CardTillWorker}) wait for
 * a go file so they start together.
 */
@BothEngines
class ConcurrentCardsTest {
    @TempDir
    Path folder;

    private record Till(Process process, Path out, Path err) {
    }

    /** What a till names with --db: the file, or the server database (the password stays out: see start). */
    private static String location(Database database) {
        return database.server().map(server -> "postgresql://" + server.user() + "@" + server.host() + ":"
                + server.port() + "/" + server.database()).orElse(database.file().toString());
    }

    private List<Till> start(Database database, int count, List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Till> tills = new ArrayList<>();
        List<Path> ready = new ArrayList<>();
        Path go = folder.resolve("go");
        for (int t = 0; t < count; t++) {
            Path readyFile = folder.resolve("ready" + t);
            ready.add(readyFile);
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "-Duser.home=" + folder, CardTillWorker.class.getName()));
            command.addAll(args);
            command.add(readyFile.toString());
            command.add(go.toString());
            Path out = folder.resolve("till" + t + ".out");
            Path err = folder.resolve("till" + t + ".err");
            ProcessBuilder till = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            // the tills' home is the test's folder: the server's password comes from here or from the real ~/.pgpass
            database.server().flatMap(ServerAddress::password)
                    .ifPresent(password -> till.environment().put("PGPASSWORD", password));
            Path pgpass = Path.of(System.getProperty("user.home"), ".pgpass");
            if (Files.exists(pgpass) && !till.environment().containsKey("PGPASSFILE")) {
                till.environment().put("PGPASSFILE", pgpass.toString());
            }
            tills.add(new Till(till.start(), out, err));
        }
        // a till on a server also opens a connection pool and checks the schema: on a loaded machine that takes a while
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!ready.stream().allMatch(Files::exists) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(ready.stream().allMatch(Files::exists), "every till started");
        Files.writeString(go, "go");
        for (Till till : tills) {
            assertTrue(till.process().waitFor(120, TimeUnit.SECONDS), "a till did not finish");
        }
        return tills;
    }

    @Test
    void twoCountersCheckingInOnTheLastSessionGiveExactlyOneVisit() throws Exception {
        Database db = TestDatabase.database(folder);
        AppContext app = new AppContext(db, Clock.systemDefaultZone());
        Member wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        long product = app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "体验1次", 5_000, 0, 1, 30, null,
                0, 0, true, false));
        String card = app.cards().sell(wang.id(), product, Pay.CASH, null, null).card().cardNo();

        List<Till> tills = start(db, 2, List.of("checkin", location(db), "A1"));
        int visited = 0;
        int refused = 0;
        for (Till till : tills) {
            int code = till.process().exitValue();
            if (code == 0) {
                visited++;
            } else {
                assertEquals(3, code, Files.readString(till.err(), StandardCharsets.UTF_8));
                assertTrue(Files.readString(till.err(), StandardCharsets.UTF_8).contains("has no sessions left"),
                        Files.readString(till.err(), StandardCharsets.UTF_8));
                refused++;
            }
        }
        assertEquals(1, visited);
        assertEquals(1, refused);
        assertEquals(1, count(app, "SELECT count(*) FROM visits"));
        assertEquals(1, count(app, "SELECT count(*) FROM card_entries WHERE kind = 'visit'"));
        assertEquals(0, app.cards().card(card).sessionsLeft());
        assertEquals(1, count(app, "SELECT visit_count FROM members"));
        assertTrue(app.cardReports().check().ok(), app.cardReports().check().problems().toString());
    }

    @Test
    void parallelPaymentsFromStoredValueNeverOverdrawTheCard() throws Exception {
        Database db = TestDatabase.database(folder);
        AppContext app = new AppContext(db, Clock.systemDefaultZone());
        Member wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        // ¥100 paid, ¥20 bonus: ¥120 to spend
        long product = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充100送20", 10_000, 2_000,
                null, null, null, 0, 0, true, false));
        String card = app.cards().sell(wang.id(), product, Pay.CASH, null, null).card().cardNo();

        // 4 tills × 5 sales × ¥9 = ¥180 tried against ¥120: each sale takes ¥9 in all (principal + its bonus part),
        // so exactly floor(120 / 9) = 13 can go through, leaving ¥3
        List<Till> tills = start(db, 4, List.of("pay", location(db), Long.toString(wang.id()), "5", "900"));
        int successes = 0;
        long principal = 0;
        long bonus = 0;
        for (Till till : tills) {
            assertEquals(0, till.process().exitValue(), Files.readString(till.err(), StandardCharsets.UTF_8));
            String[] result = Files.readString(till.out(), StandardCharsets.UTF_8).strip().split(" ");
            successes += Integer.parseInt(result[0]);
            principal += Long.parseLong(result[1]);
            bonus += Long.parseLong(result[2]);
        }
        assertEquals(13, successes);
        assertEquals(13 * 900, principal + bonus);
        assertTrue(principal + bonus <= 12_000, "never more than the starting balance");
        Card after = app.cards().card(card);
        assertEquals(10_000 - principal, after.principalCents());
        assertEquals(2_000 - bonus, after.bonusCents());
        assertEquals(300, after.balanceCents());
        assertEquals(13, count(app, "SELECT count(*) FROM purchases"));
        assertEquals(13, count(app, "SELECT count(*) FROM card_entries WHERE kind = 'payment'"));
        // the ledger is exact: the payments' entries add up to what the tills took
        assertEquals(-(principal + bonus),
                count(app, "SELECT sum(principal_cents + bonus_cents) FROM card_entries WHERE kind = 'payment'"));
        assertTrue(app.cardReports().check().ok(), app.cardReports().check().problems().toString());
    }

    private static long count(AppContext app, String sql) {
        return app.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
