package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.ServerTestDatabases;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Json;
import org.memberdesk.db.Database;

/**
 * {@code sell}, {@code return} and {@code void} with {@code --store NAME}: the sale is made in that store, a return
 * in the store it is made in (not the sale's), and a voided sale keeps the store it was made in.
 */
@BothEngines
class StoreCounterCliTest {
    @TempDir
    Path folder;
    String db;
    Database database;

    record Run(int exit, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db;
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }

    @BeforeEach
    void shop() {
        db = TestDatabase.onServer() ? ServerTestDatabases.configured().orElseThrow().empty().toString()
                : folder.resolve("shop.db").toString();
        database = Database.open(db);
        AppContext app = new AppContext(database, TestDatabase.clock());
        app.members().add(TestDatabase.member("M001", "王芳", "13800000001"));
        app.members().add(TestDatabase.member("M002", "李娜", "13800000002"));
        assertEquals(2, app.stores().add("二店").id());
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** purchase_no → store_id, of the purchases (or of the voided sales). */
    private Map<String, Long> stores(String table) {
        return database.read(connection -> {
            Map<String, Long> stores = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT purchase_no, store_id FROM " + table + " ORDER BY purchase_no");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    stores.put(rs.getString(1), rs.getLong(2));
                }
            }
            return stores;
        });
    }

    @Test
    void aSaleIsMadeInTheStoreNamedAndAReturnWhereItIsMade() {
        Run sold = run("--store", "二店", "sell", "M001", "--line", "年卡:1:120", "--json");
        assertEquals(0, sold.exit(), sold.err());
        assertEquals("P20261122-0001", sold.json().get("purchase"));
        // without --store: this computer's store, 本店 (nothing set here)
        assertEquals(0, run("sell", "M002", "--line", "水:2:5", "--json").exit());
        // 本店 by its English name
        assertEquals(0, run("--store", "Main store", "sell", "M002", "--line", "水:1:5", "--json").exit());

        // the 二店 sale brought back to 本店: the return is 本店's
        Run returned = run("--store", "本店", "return", "P20261122-0001", "--json");
        assertEquals(0, returned.exit(), returned.err());
        String returnNo = (String) returned.json().get("return");

        Map<String, Long> stores = stores("purchases");
        assertEquals(2L, stores.get("P20261122-0001"));
        assertEquals(1L, stores.get("P20261122-0002"));
        assertEquals(1L, stores.get("P20261122-0003"));
        assertEquals(1L, stores.get(returnNo), returnNo);
        assertEquals(4, stores.size());
    }

    @Test
    void aVoidedSaleKeepsTheStoreItWasMadeIn() {
        assertEquals(0, run("--store", "二店", "sell", "M001", "--line", "年卡:1:120", "--json").exit());
        // voided from a computer of 本店: the voided sale still belongs to 二店
        Run voided = run("--store", "本店", "void", "P20261122-0001", "--reason", "按错了", "--json");
        assertEquals(0, voided.exit(), voided.err());
        assertEquals(Map.of(), stores("purchases"));
        assertEquals(Map.of("P20261122-0001", 2L), stores("voided_purchases"));
    }

    @Test
    void aStoreThatIsNotThereIsAUsageErrorAndNothingIsSold() {
        Run unknown = run("--store", "三店", "sell", "M001", "--line", "年卡:1:120", "--json");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("三店"), unknown.err());
        assertEquals(Map.of(), stores("purchases"));
    }
}
