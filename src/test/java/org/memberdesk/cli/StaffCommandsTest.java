package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.TestDatabase;

/**
 * {@code staff add}/{@code staff list} and acting as a staff member on the command line ({@code --staff NAME --pin PIN}
 * or MEMBERDESK_STAFF / MEMBERDESK_PIN): what the role may not do exits 4 with the reason, and nothing changes.
 */
class StaffCommandsTest {
    @TempDir
    Path folder;
    Path db;

    record Run(int code, String out, String err) {
    }

    private Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = new Cli(TestDatabase.clock(), environment::get).run(new PrintWriter(out), new PrintWriter(err),
                all);
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    private Run run(String... args) {
        return run(Map.of(), args);
    }

    private List<String> sql(String query) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    @BeforeEach
    void aCashier() {
        db = folder.resolve("shop.db");
        Run added = run("staff", "add", "小王", "--role", "cashier", "--pin", "1234", "--json");
        assertEquals(0, added.code(), added.err());
        assertEquals("{\"staff\":\"小王\",\"role\":\"cashier\"}", added.out());
    }

    @Test
    void theOwnerAddsAndListsStaffAndNoPinOrHashIsEverShown() throws Exception {
        Run manager = run("staff", "add", "李店长", "--role", "MANAGER", "--pin", "567890", "--json");
        assertEquals("{\"staff\":\"李店长\",\"role\":\"manager\"}", manager.out());
        Run list = run("staff", "list", "--json");
        assertEquals(0, list.code(), list.err());
        // active first, then by role (manager before cashier)
        assertEquals("{\"staff\":[{\"name\":\"李店长\",\"role\":\"manager\",\"active\":true},"
                + "{\"name\":\"小王\",\"role\":\"cashier\",\"active\":true}]}", list.out());
        for (Run run : List.of(manager, list)) {
            assertFalse(run.out().contains("567890") || run.out().contains("pbkdf2"), run.out());
        }
        assertTrue(sql("SELECT pin_hash FROM staff").stream().allMatch(hash -> hash.startsWith("pbkdf2-sha256$")));
        // the command line acts as the owner, named by the operating-system account
        assertEquals(List.of("cli:" + System.getProperty("user.name") + "|+ cashier",
                "cli:" + System.getProperty("user.name") + "|+ manager"),
                sql("SELECT staff_name || '|' || summary FROM operation_log WHERE action = 'staff' ORDER BY id"));
    }

    @Test
    void aBadRoleOrPinIsAUsageErrorAndATakenNameIsRefused() throws Exception {
        Run role = run("staff", "add", "小李", "--role", "boss", "--pin", "1234");
        assertEquals(2, role.code());
        assertTrue(role.err().startsWith("error: --role must be cashier, manager or owner, not 'boss'"), role.err());
        for (String pin : new String[] {"123", "1234567", "12a4", "１２３４"}) {
            Run bad = run("staff", "add", "小李", "--role", "cashier", "--pin", pin);
            assertEquals(2, bad.code(), pin);
            assertTrue(bad.err().startsWith("error: --pin must be 4 to 6 digits"), bad.err());
        }
        assertEquals(2, run("staff", "add", "小李", "--role", "cashier").code(), "a PIN is required");
        assertEquals(2, run("staff").code());
        Run taken = run("staff", "add", "小王", "--role", "manager", "--pin", "9999");
        assertEquals(3, taken.code());
        assertEquals("error: A staff member is already named 小王. Choose another name.", taken.err());
        assertEquals(List.of("小王 cashier"), sql("SELECT name || ' ' || role FROM staff"));
    }

    @Test
    void aCashierActingByStaffAndPinIsRefusedTheOwnersCommandsWithExit4AndNothingChanges() throws Exception {
        Run add = run("--staff", "小王", "--pin", "1234", "staff", "add", "小李", "--role", "manager", "--pin", "5555");
        assertEquals(4, add.code(), add.err());
        assertEquals("error: cashier 小王 may not manage staff (an owner may)", add.err());
        Run list = run("staff", "list", "--staff", "小王", "--pin", "1234");
        assertEquals(4, list.code(), list.err());
        assertEquals("", list.out());
        assertEquals(List.of("小王"), sql("SELECT name FROM staff"));
        assertEquals(List.of("0"), sql("SELECT failed_pins FROM staff"), "the right PIN was not counted");
    }

    @Test
    void theEnvironmentVariablesActAsStaffAndPinDo() throws Exception {
        Map<String, String> cashier = Map.of("MEMBERDESK_STAFF", "小王", "MEMBERDESK_PIN", "1234");
        Run add = run(cashier, "staff", "add", "小李", "--role", "manager", "--pin", "5555");
        assertEquals(4, add.code(), add.err());
        assertEquals("error: cashier 小王 may not manage staff (an owner may)", add.err());
        Run noPin = run(Map.of("MEMBERDESK_STAFF", "小王"), "staff", "list");
        assertEquals(4, noPin.code());
        assertEquals("error: --staff 小王 needs a PIN: --pin PIN or MEMBERDESK_PIN", noPin.err());
        Run wrong = run(Map.of("MEMBERDESK_STAFF", "小王", "MEMBERDESK_PIN", "4321"), "staff", "list");
        assertEquals(4, wrong.code());
        assertEquals("error: wrong PIN for 小王", wrong.err());
        assertEquals(List.of("小王"), sql("SELECT name FROM staff"));
        // a blank MEMBERDESK_STAFF is no staff: the owner as cli:USER
        assertEquals(0, run(Map.of("MEMBERDESK_STAFF", " "), "staff", "list").code());
    }

    @Test
    void aWrongPinOrNoPinIsRefusedWithExit4AndTheWrongOneIsCountedAndLogged() throws Exception {
        Run wrong = run("--staff", "小王", "--pin", "9999", "staff", "list");
        assertEquals(4, wrong.code());
        assertEquals("error: wrong PIN for 小王", wrong.err());
        Run none = run("--staff", "小王", "staff", "list");
        assertEquals(4, none.code());
        assertEquals("error: --staff 小王 needs a PIN: --pin PIN or MEMBERDESK_PIN", none.err());
        Run unknown = run("--staff", "老张", "--pin", "1234", "staff", "list");
        assertEquals(4, unknown.code());
        assertEquals("error: no active staff member is named 老张", unknown.err());
        assertEquals(List.of("1"), sql("SELECT failed_pins FROM staff WHERE name = '小王'"));
        assertEquals(List.of("小王|1 wrong in a row"),
                sql("SELECT staff_name || '|' || summary FROM operation_log WHERE action = 'pin-refused'"));
    }

    @Test
    void aSaleRungUpByAStaffMemberCarriesTheirId() throws Exception {
        Path members = folder.resolve("members.csv");
        Files.writeString(members, """
                member_no,name,phone,join_date
                M1,张三,13800000001,2025-01-02
                """);
        assertEquals(0, run("import-members", members.toString()).code());
        Run sold = run("--staff", "小王", "--pin", "1234", "sell", "M1", "--line", "饮料:1:10", "--json");
        assertEquals(0, sold.code(), sold.err());
        assertEquals(sql("SELECT id FROM staff WHERE name = '小王'"), sql("SELECT staff_id FROM purchases"));
    }

    @Test
    void theValuesOfStaffAndPinAreNeverTakenForTheCommand() {
        assertEquals(Optional.of(StaffCliCommands.StaffCommand.class),
                Cli.commandNamed("--staff", "stats", "--pin", "1234", "staff", "list"));
        assertEquals(Optional.of(DataCommands.Stats.class),
                Cli.commandNamed("--db", "x.db", "--staff", "points", "--pin", "1234", "stats"));
        assertEquals(Optional.empty(), Cli.commandNamed("--staff", "stats", "--pin", "1234"));
    }

    /** A staff member named like a command ("stats") is still a name after --staff, in picocli too. */
    @Test
    void aStaffMemberNamedLikeACommandCanActAsThemselves() {
        assertEquals(0, run("staff", "add", "stats", "--role", "cashier", "--pin", "2468").code());
        Run list = run("--staff", "stats", "--pin", "2468", "staff", "list");
        assertEquals(4, list.code(), list.err());
        assertEquals("error: cashier stats may not manage staff (an owner may)", list.err());
        Run stats = run("--staff", "stats", "--pin", "2468", "stats", "--json");
        assertEquals(0, stats.code(), stats.err());
        assertTrue(stats.out().startsWith("{\"members\":0"), stats.out());
    }

    /** Every command checks --staff's PIN, also one that reads the file alone and builds no service (stats). */
    @Test
    void aWrongOrMissingPinIsRefusedBeforeAnyCommandEvenOneThatOnlyReads() throws Exception {
        Run none = run("--staff", "小王", "stats");
        assertEquals(4, none.code(), none.out());
        assertEquals("error: --staff 小王 needs a PIN: --pin PIN or MEMBERDESK_PIN", none.err());
        assertEquals("", none.out());
        Run wrong = run("--staff", "小王", "--pin", "9999", "stats");
        assertEquals(4, wrong.code(), wrong.out());
        assertEquals("error: wrong PIN for 小王", wrong.err());
        assertEquals(List.of("1"), sql("SELECT failed_pins FROM staff WHERE name = '小王'"));
        Run right = run("--staff", "小王", "--pin", "1234", "stats", "--json");
        assertEquals(0, right.code(), right.err());
        assertEquals(List.of("0"), sql("SELECT failed_pins FROM staff WHERE name = '小王'"));
    }
}
