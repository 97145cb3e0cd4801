package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.db.Database;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.staff.Role;

/**
 * The counter and card commands with {@code --staff} (issue 18, item 5): a cashier (小王, PIN 1234) is refused a card
 * refund — exit 4, the reason on stderr, nothing changed — and sells, the log's last entry naming them. "Now" is
 * 2026-11-22 12:00. The member, the stored-value card (C000001, ¥1,000 + ¥200 bonus) and the cashier are made
 * through the services as the owner.
 */
class CounterStaffCliTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 12, 0);
    private static final Clock CLOCK = Clock.fixed(NOW.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @TempDir
    Path folder;
    Path db;
    long cashierId;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = new Cli(CLOCK).run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }

    @BeforeEach
    void setUp() {
        db = folder.resolve("shop.db");
        AppContext app = new AppContext(Database.open(db), CLOCK);
        long wang = app.members().add(new MemberDetails("M001", "王芳", "13812345678", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, null)).id();
        long product = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充1000送200", 100_000,
                20_000, null, null, null, 0, 0, true, false));
        assertEquals("C000001", app.cards().sell(wang, product, Pay.CASH, null, null).card().cardNo());
        cashierId = app.staff().add("小王", Role.CASHIER, "1234").id();
    }

    /**
     * Every row a counter or card command could write, as text: equal before and after means nothing changed. (The
     * log is read on its own: a refused attempt is an entry.)
     */
    private String everything() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            for (String table : List.of("cards", "card_entries", "payments", "purchases",
                    "members", "points_ledger")) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY rowid")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            all.append(rs.getString(i)).append(',');
                        }
                        all.append('\n');
                    }
                }
                all.append("--").append(table).append('\n');
            }
        }
        return all.toString();
    }

    private String lastLogEntry() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT staff_name, staff_id, action FROM operation_log ORDER BY id DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
        }
    }

    private String lastLogSubject() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT subject, summary FROM operation_log ORDER BY id DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1) + "|" + rs.getString(2);
        }
    }

    @Test
    void item5_aCashiersCardRefundExits4WithTheReasonAndNothingChanged() throws Exception {
        String before = everything();
        Run refund = run("--staff", "小王", "--pin", "1234", "card", "refund", "C000001", "--reason", "搬家",
                "--json");
        assertEquals(4, refund.exit(), refund::err);
        assertEquals("", refund.out());
        assertEquals("error: cashier 小王 may not refund a card (a manager may)", refund.err());
        assertEquals(before, everything());
        // the attempt is kept, naming 小王 and what was refused
        assertEquals("小王 " + cashierId + " refused", lastLogEntry());
        assertEquals("refund-card|cashier 小王 may not refund a card (a manager may)", lastLogSubject());

        Run voiding = run("--staff", "小王", "--pin", "1234", "void", "P20261122-0001", "--reason", "keyed twice",
                "--json");
        assertEquals(4, voiding.exit(), voiding::err);
        assertTrue(voiding.err().startsWith("error: cashier 小王 may not void a sale"), voiding.err());
        assertEquals(before, everything());
        assertEquals("void-sale|cashier 小王 may not void a sale (a manager may)", lastLogSubject());
    }

    @Test
    void item5_aCashierSells_exit0_andTheLogsLastEntryNamesThem() throws Exception {
        Run sell = run("--staff", "小王", "--pin", "1234", "sell", "M001", "--line", "水:1:10", "--json");
        assertEquals(0, sell.exit(), sell::err);
        assertEquals("小王 " + cashierId + " sale", lastLogEntry());
        Run topUp = run("--staff", "小王", "--pin", "1234", "card", "topup", "C000001", "--amount", "100",
                "--json");
        assertEquals(0, topUp.exit(), topUp::err);
        assertEquals("小王 " + cashierId + " top-up", lastLogEntry());
        // without --staff: the owner, as the operating-system account
        Run owner = run("card", "refund", "C000001", "--reason", "搬家", "--json");
        assertEquals(0, owner.exit(), owner::err);
        assertEquals("cli:" + System.getProperty("user.name") + " null card-refund", lastLogEntry());
    }
}
