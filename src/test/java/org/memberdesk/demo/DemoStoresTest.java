package org.memberdesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.ServerTestDatabases;
import org.memberdesk.TestDatabase;
import org.memberdesk.cli.Cli;
import org.memberdesk.common.Json;
import org.memberdesk.db.Database;

/**
 * {@code demo --stores N}: a chain's demo (本店, 二店 …) whose members and purchases are the one-store demo's, spread
 * among the stores the same way for the same seed; without it, the demo of a single shop as it always was.
 */
@BothEngines
class DemoStoresTest {
    @TempDir
    Path folder;

    record Run(int exit, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out);
        }
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }

    /** A new database's place: a file in the test's folder, or a new database on the test run's server. */
    private String newDb(String name) {
        return TestDatabase.onServer() ? ServerTestDatabases.configured().orElseThrow().empty().toString()
                : folder.resolve(name + ".db").toString();
    }

    /** The demo's files without a database (--csv-dir): the members', the purchases'. */
    private List<List<String>> files(String dir, String... more) throws IOException {
        Path out = folder.resolve(dir);
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("--db", folder.resolve("none.db").toString(), "demo",
                "--members", "120", "--seed", "9", "--csv-dir", out.toString()));
        args.addAll(List.of(more));
        Run run = cli(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        return List.of(Files.readAllLines(out.resolve("members.csv"), StandardCharsets.UTF_8),
                Files.readAllLines(out.resolve("purchases.csv"), StandardCharsets.UTF_8));
    }

    /** A line of a demo file without its last column (the store). */
    private static String withoutStore(String line) {
        return line.substring(0, line.lastIndexOf(','));
    }

    @Test
    void aChainsFilesAreTheSingleShopsWithAStoreColumn() throws IOException {
        List<List<String>> single = files("one");
        List<List<String>> defaulted = files("default-one", "--stores", "1");
        List<List<String>> chain = files("two", "--stores", "2");
        List<List<String>> again = files("two-again", "--stores", "2");

        assertEquals(single, defaulted, "--stores 1 is the default");
        assertEquals("member_no,name,phone,gender,birthday,join_date,channel,referrer_no", single.get(0).get(0));
        assertEquals("purchase_no,member_no,time,item,quantity,amount,refund_of", single.get(1).get(0));
        assertEquals(chain, again, "the same seed spreads the same way");
        for (int file = 0; file < 2; file++) {
            assertEquals(single.get(file).size(), chain.get(file).size());
            assertTrue(chain.get(file).get(0).endsWith(",store"));
            for (int i = 0; i < single.get(file).size(); i++) {
                assertEquals(single.get(file).get(i), withoutStore(chain.get(file).get(i)), "line " + (i + 1));
            }
        }
        // both stores have members and purchases, and a return is made where its sale was
        long inSecond = chain.get(1).stream().skip(1).filter(line -> line.endsWith(",二店")).count();
        assertTrue(inSecond > 0 && inSecond < chain.get(1).size() - 1, inSecond + " purchases in 二店");
        assertTrue(chain.get(0).stream().skip(1).anyMatch(line -> line.endsWith(",二店")));
        assertTrue(chain.get(0).stream().skip(1).anyMatch(line -> line.endsWith(",本店")));
        Map<String, String> storeOfSale = new java.util.HashMap<>();
        for (String line : chain.get(1).subList(1, chain.get(1).size())) {
            String[] cells = line.split(",", -1);
            storeOfSale.put(cells[0], cells[7]);
            if (!cells[6].isEmpty()) {
                assertEquals(storeOfSale.get(cells[6]), cells[7], line);
            }
        }
    }

    /** store id → {purchases, net cents} of a demo database; 0 → the whole database. */
    private static Map<Long, List<Long>> byStore(String db) {
        Database database = Database.open(db);
        try {
            return database.read(connection -> {
                Map<Long, List<Long>> sums = new java.util.TreeMap<>();
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT store_id, count(*), sum(total_cents) FROM purchases GROUP BY store_id
                        UNION ALL SELECT 0, count(*), sum(total_cents) FROM purchases""");
                     ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        sums.put(rs.getLong(1), List.of(rs.getLong(2), rs.getLong(3)));
                    }
                }
                return sums;
            });
        } finally {
            database.close();
        }
    }

    @Test
    void aChainsDemoIsTheSingleShopsSpreadAmongItsStoresTheSameWayEveryTime() {
        String one = newDb("one");
        String two = newDb("two");
        String twoAgain = newDb("two-again");
        Run single = cli("--db", one, "demo", "--members", "150", "--seed", "4", "--business", "shop", "--json");
        Run chain = cli("--db", two, "demo", "--members", "150", "--seed", "4", "--business", "shop",
                "--stores", "2", "--json");
        Run chainAgain = cli("--db", twoAgain, "demo", "--members", "150", "--seed", "4", "--business", "shop",
                "--stores", "2", "--json");
        assertEquals(0, single.exit(), single.err());
        assertEquals(0, chain.exit(), chain.err());
        assertFalse(single.json().containsKey("stores"), "a single shop's answer is what it always was");
        assertEquals(2L, ((Number) chain.json().get("stores")).longValue());
        Map<String, Object> figures = new java.util.LinkedHashMap<>(chain.json());
        figures.remove("stores");
        assertEquals(single.json(), figures, "the same members, purchases and returns, nothing rejected");
        assertEquals(0L, ((Number) chain.json().get("rejected")).longValue());

        Map<Long, List<Long>> singleSums = byStore(one);
        Map<Long, List<Long>> chainSums = byStore(two);
        assertEquals(chainSums, byStore(twoAgain), "the same seed, the same spread");
        assertEquals(Map.of(0L, singleSums.get(0L), 1L, singleSums.get(0L)), singleSums);
        // the chain's whole is the single shop's, and its stores add up to it
        assertEquals(singleSums.get(0L), chainSums.get(0L));
        assertEquals(3, chainSums.size(), chainSums.toString());
        assertEquals(chainSums.get(0L).get(0), chainSums.get(1L).get(0) + chainSums.get(2L).get(0));
        assertEquals(chainSums.get(0L).get(1), chainSums.get(1L).get(1) + chainSums.get(2L).get(1));
        assertTrue(chainSums.get(2L).get(0) > 0 && chainSums.get(1L).get(0) > 0, chainSums.toString());
    }

    /** A gym chain's cards are sold (as purchases) in their holders' home stores: both stores sell some. */
    @Test
    void aGymChainsCardsAreSoldInTheHoldersHomeStores() {
        String db = newDb("gym");
        Run chain = cli("--db", db, "demo", "--members", "80", "--seed", "3", "--business", "gym", "--stores", "2",
                "--json");
        assertEquals(0, chain.exit(), chain.err());
        assertTrue(((Number) chain.json().get("cards")).longValue() > 0, chain.out());
        Database database = Database.open(db);
        try {
            Map<Long, Long> cardSales = database.read(connection -> {
                Map<Long, Long> sales = new java.util.TreeMap<>();
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT p.store_id, count(*) FROM purchases p JOIN cards c ON c.purchase_id = p.id
                        GROUP BY p.store_id""");
                     ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        sales.put(rs.getLong(1), rs.getLong(2));
                    }
                }
                return sales;
            });
            assertEquals(List.of(1L, 2L), List.copyOf(cardSales.keySet()), cardSales.toString());
        } finally {
            database.close();
        }
    }

    @Test
    void aDemoChainIsRefusedWhereTheShopHasStoresOfItsOwn() {
        String db = newDb("own");
        Database database = Database.open(db);
        try {
            new org.memberdesk.app.AppContext(database, TestDatabase.clock()).stores().add("二店");
        } finally {
            database.close();
        }
        Run run = cli("--db", db, "demo", "--members", "10", "--stores", "2", "--json");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("already has its own stores"), run.err());
        assertEquals(Map.of(0L, List.of(0L, 0L)), byStore(db), "nothing was imported");
    }

    @Test
    void moreStoresThanTenIsAUsageError() {
        Run run = cli("--db", newDb("eleven"), "demo", "--members", "10", "--stores", "11");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--stores"), run.err());
    }
}
