package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Json;
import org.memberdesk.db.Database;
import org.memberdesk.db.ServerAddress;

/**
 * Card products limited to a store on the command line (issue 21): {@code card-product add --only-store NAME},
 * {@code only_store} in the list once the shop has stores, and a card of such a product refused with exit 3 in
 * another store ({@code --store}), nothing recorded. "Now" is 2026-11-22 12:00 (TestDatabase).
 */
@BothEngines
class CardStoresCommandTest {
    @TempDir
    Path folder;
    Database database;
    String location;

    record Run(int exit, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out);
        }
    }

    @BeforeEach
    void setUp() {
        database = TestDatabase.database(folder);
        // the command line opens the same database by its address: the file, or the server's database
        location = database.server().map(CardStoresCommandTest::address).orElse(database.file().toString());
        AppContext app = new AppContext(database, TestDatabase.clock());
        app.members().add(TestDatabase.member("M001", "王芳", "13812345678"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static String address(ServerAddress server) {
        return "postgresql://" + server.user() + server.password().map(p -> ":" + p).orElse("") + "@" + server.host()
                + ":" + server.port() + "/" + server.database();
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = location;
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }

    private Map<String, Object> ok(String... args) {
        Run run = run(args);
        assertEquals(0, run.exit(), () -> String.join(" ", args) + " → " + run.err());
        return run.json();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> products() {
        return (List<Map<String, Object>>) ok("card-product", "list", "--json").get("products");
    }

    @Test
    void aSingleShopsListIsAsItWasAndAnUnknownStoreIsAUsageError() {
        ok("card-product", "add", "--kind", "sessions", "--name", "Swim 10", "--price", "800", "--sessions", "10",
                "--days", "180", "--json");
        assertFalse(products().get(0).containsKey("only_store"), "one store: nothing about stores");

        Run unknown = run("card-product", "add", "--kind", "period", "--name", "月卡", "--price", "300", "--days", "30",
                "--only-store", "三店", "--json");
        assertEquals(2, unknown.exit(), unknown.err());
        assertTrue(unknown.err().contains("--only-store: There is no store named \"三店\""), unknown.err());
        assertEquals(1, products().size());
    }

    @Test
    void aCardOfTheSecondStoreIsRefusedInTheMainStoreWithExitThreeAndNothingRecorded() {
        new AppContext(database, TestDatabase.clock()).stores().add("二店");
        ok("card-product", "add", "--kind", "sessions", "--name", "Swim 10", "--price", "800", "--sessions", "10",
                "--days", "180", "--only-store", "二店", "--json");
        ok("card-product", "add", "--kind", "period", "--name", "月卡", "--price", "300", "--days", "30", "--json");
        List<Map<String, Object>> products = products();
        // products are listed by kind: the pass (period) first, then the session card
        assertEquals("月卡", products.get(0).get("name"));
        assertTrue(products.get(0).containsKey("only_store"));
        assertEquals(null, products.get(0).get("only_store"));
        assertEquals("二店", products.get(1).get("only_store"));
        long swim = ((Number) products.get(1).get("id")).longValue();

        String card = (String) ok("--store", "二店", "card", "sell", "M001", "--product", Long.toString(swim),
                "--json").get("card");
        ok("--store", "二店", "checkin", "M001", "--card", card, "--json");

        Run refused = run("--store", "Main store", "checkin", "M001", "--card", card, "--json");
        assertEquals(3, refused.exit(), refused.err());
        assertEquals("", refused.out());
        assertTrue(refused.err().contains("This card (Swim 10) is for 二店 only; this computer is in Main store."),
                refused.err());
        Run chinese = run("--store", "本店", "checkin", "M001", "--card", card, "--lang", "zh", "--json");
        assertEquals(3, chinese.exit());
        assertTrue(chinese.err().contains("此卡（Swim 10）仅限二店使用；这台电脑在本店。"), chinese.err());
        Run notSold = run("card", "sell", "M001", "--product", Long.toString(swim), "--json");
        assertEquals(3, notSold.exit(), notSold.err());

        // 10 sessions sold, 1 used in 二店; the refusals recorded nothing
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cards = (List<Map<String, Object>>) ok("card", "list", "M001", "--json")
                .get("cards");
        assertEquals(1, cards.size());
        assertEquals(9, ((Number) cards.get(0).get("sessions_left")).intValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) ok("card", "history", card, "--json")
                .get("entries");
        assertEquals(List.of("sale", "visit"), entries.stream().map(e -> e.get("kind")).toList());
    }
}
