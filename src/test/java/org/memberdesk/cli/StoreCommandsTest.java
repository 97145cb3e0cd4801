package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.ServerTestDatabases;
import org.memberdesk.TestDatabase;

/**
 * {@code stores}, {@code stores add|rename|here} and staff at a store on the command line (issue 21, item 2), on both
 * engines: exit 0 done, 2 a name that is no store, 3 a new name refused, 4 not the acting staff member's (a cashier
 * adding a store, or signing in at another store's computer with {@code --store}).
 */
@BothEngines
class StoreCommandsTest {
    @TempDir
    Path folder;
    /** --db: a file in the test's folder, or a new database on the test run's PostgreSQL server. */
    String db;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db;
        System.arraycopy(args, 0, all, 2, args.length);
        int code = new Cli(TestDatabase.clock(), Map.<String, String>of()::get).run(new PrintWriter(out),
                new PrintWriter(err), all);
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    private Run ok(String... args) {
        Run run = run(args);
        assertEquals(0, run.code(), run.err());
        return run;
    }

    @BeforeEach
    void aShop() {
        db = TestDatabase.onServer() ? ServerTestDatabases.configured().orElseThrow().empty().toString()
                : folder.resolve("shop.db").toString();
    }

    @Test
    void aNewShopListsItsOneStore_thenTheOwnerAddsRenamesAndSetsThisComputer() {
        assertEquals("{\"stores\":[{\"id\":1,\"name\":\"本店\"}],\"here\":\"本店\"}", ok("stores", "--json").out());

        assertEquals("{\"id\":2,\"name\":\"二店\"}", ok("stores", "add", "二店", "--json").out());
        assertEquals("{\"id\":2,\"name\":\"南门店\"}", ok("stores", "rename", "二店", "--to", "南门店", "--json").out());
        assertEquals("{\"here\":\"南门店\"}", ok("stores", "here", "南门店", "--json").out());
        // kept on this computer: the next command works there
        assertEquals("{\"stores\":[{\"id\":1,\"name\":\"本店\"},{\"id\":2,\"name\":\"南门店\"}],\"here\":\"南门店\"}",
                ok("stores", "--json").out());
        // "Main store" is the unrenamed 本店
        assertEquals("{\"here\":\"本店\"}", ok("stores", "here", "Main store", "--json").out());
        assertEquals("{\"id\":1,\"name\":\"总店\"}", ok("stores", "rename", "main store", "--to", "总店", "--json")
                .out());
        // --store says where this one command works, without changing the computer's setting
        assertTrue(ok("--store", "南门店", "stores", "--json").out().endsWith(",\"here\":\"南门店\"}"));
        assertTrue(ok("stores", "--json").out().endsWith(",\"here\":\"总店\"}"));
    }

    @Test
    void aNameThatIsNoStoreIsUsage_aTakenOrEmptyNewNameIsRefused() {
        ok("stores", "add", "二店");
        Run unknown = run("stores", "rename", "三店", "--to", "四店");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: There is no store named \"三店\". The stores are: 本店, 二店."),
                unknown.err());
        assertEquals(2, run("stores", "here", "三店").code());
        assertEquals(2, run("--store", "三店", "stores").code());

        Run taken = run("stores", "add", "二店");
        assertEquals(3, taken.code());
        assertEquals("error: A store is already named 二店. Choose another name.", taken.err());
        assertEquals(3, run("stores", "rename", "本店", "--to", "二店").code());
        assertEquals(3, run("stores", "add", " ").code());
        assertEquals("{\"stores\":[{\"id\":1,\"name\":\"本店\"},{\"id\":2,\"name\":\"二店\"}],\"here\":\"本店\"}",
                ok("stores", "--json").out(), "nothing changed");
    }

    @Test
    void aCashierMayListButNotAddStores() {
        ok("staff", "add", "小王", "--role", "cashier", "--pin", "1234");
        ok("--staff", "小王", "--pin", "1234", "stores", "--json");
        Run refused = run("--staff", "小王", "--pin", "1234", "stores", "add", "二店");
        assertEquals(4, refused.code());
        assertEquals(1, ok("stores", "--json").out().split("\"id\"").length - 1, "still one store");
    }

    @Test
    void staffWorkInTheStoreGiven_theirListSaysWhereOnlyInAChain() {
        ok("staff", "add", "小王", "--role", "cashier", "--pin", "1234");
        // a single shop's list is as it always was
        assertEquals("{\"staff\":[{\"name\":\"小王\",\"role\":\"cashier\",\"active\":true}]}",
                ok("staff", "list", "--json").out());

        ok("stores", "add", "二店");
        ok("staff", "add", "王芳", "--role", "cashier", "--pin", "2468", "--store", "二店");
        // by name, as always (小 U+5C0F before 王 U+738B)
        assertEquals("{\"staff\":[{\"name\":\"小王\",\"role\":\"cashier\",\"active\":true,\"store\":\"本店\"},"
                + "{\"name\":\"王芳\",\"role\":\"cashier\",\"active\":true,\"store\":\"二店\"}]}",
                ok("staff", "list", "--json").out());
    }

    @Test
    void aCashierSellsAtTheirStoreAndIsRefusedAtAnother_exit4() {
        ok("stores", "add", "二店");
        ok("staff", "add", "王芳", "--role", "cashier", "--pin", "2468", "--store", "二店");
        org.memberdesk.db.Database opened = org.memberdesk.db.Database.open(db);
        try {
            new org.memberdesk.app.AppContext(opened, TestDatabase.clock()).members()
                    .add(TestDatabase.member("M001", "李娜", "13812345678"));
        } finally {
            opened.close();
        }

        Run elsewhere = run("--staff", "王芳", "--pin", "2468", "--store", "本店", "sell", "M001", "--line", "水:1:10", "--json");
        assertEquals(4, elsewhere.code(), elsewhere.err());
        assertEquals("", elsewhere.out());
        assertEquals("error: 王芳 works at 二店; this computer is in Main store. Sign in at a computer of 二店, or ask"
                + " the owner to move 王芳 to this store.", elsewhere.err());
        // this computer is in 本店 unless told: the same without --store
        assertEquals(4, run("--staff", "王芳", "--pin", "2468", "sell", "M001", "--line", "水:1:10").code());

        Run there = run("--staff", "王芳", "--pin", "2468", "--store", "二店", "sell", "M001", "--line", "水:1:10", "--json");
        assertEquals(0, there.code(), there.err());
    }
}
