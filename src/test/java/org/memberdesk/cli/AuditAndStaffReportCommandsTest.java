package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.db.Database;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.LogFilter;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;
import org.memberdesk.staff.Staff;

/**
 * {@code audit} (its filters, --out, verify) and {@code staff-report} (issue 18 items 3 and 4), on a log written on
 * three days through the real services:
 * <pre>
 *  #1 11-20 cli:USER  staff      + cashier 小王
 *  #2 11-20 cli:USER  staff      + manager 李姐
 *  #3 11-20 cli:USER  member-add M1
 *  #4 11-21 小王      sign-in
 *  #5 11-21 小王      pin-refused (a wrong PIN typed for 小王)
 *  #6 11-21 小王      sale       ¥30
 *  #7 11-21 李姐      export     staff performance to a file
 *  #8 11-21 cli:USER  sale       ¥40
 *  #9 11-22 cli:USER  staff      小王 made a manager and back … one entry: cashier → cashier
 * </pre>
 */
class AuditAndStaffReportCommandsTest {
    static final String OWNER = "cli:" + System.getProperty("user.name");

    @TempDir
    Path folder;
    Path db;
    Staff wang;
    Staff li;

    private static Clock at(String time) {
        return Clock.fixed(LocalDateTime.parse(time).toInstant(ZoneOffset.UTC), ZoneId.of("UTC"));
    }

    private AppContext on(String time) {
        return new AppContext(Database.open(db), at(time));
    }

    @BeforeEach
    void log() {
        db = folder.resolve("test.db");
        AppContext day20 = on("2026-11-20T10:00");
        wang = day20.staff().add("小王", Role.CASHIER, "1234");
        li = day20.staff().add("李姐", Role.MANAGER, "2345");
        long member = day20.members().add(TestDatabase.member("M1", "王芳", "13800000001")).id();

        AppContext day21 = on("2026-11-21T10:00");
        day21.staff().switchTo("小王", "1234");
        assertThrows(NotAllowedException.class, () -> day21.staff().check("小王", "9999"));
        // 小王 sells ¥30 on 11-21, the command line as the owner ¥40
        day21.purchases().record(new PurchaseDraft(null, member, LocalDateTime.parse("2026-11-21T10:00"),
                List.of(new PurchaseLine("Coffee", 1, 3_000)), null), false);
        day21.session().become(Actor.of(li));
        day21.staffPerformanceExport().write(day21.staffPerformance().report(
                java.time.LocalDate.of(2026, 11, 1), java.time.LocalDate.of(2026, 11, 21)),
                folder.resolve("perf.csv"), org.memberdesk.common.Messages.english());
        day21.session().become(Actor.commandLine());
        day21.purchases().record(new PurchaseDraft(null, member, LocalDateTime.parse("2026-11-21T11:00"),
                List.of(new PurchaseLine("Tea", 1, 4_000)), null), false);

        on("2026-11-22T12:00").staff().change(wang.id(), Role.CASHIER, true);
    }

    private record Run(int code, String out, String err) {
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err),
                all.toArray(String[]::new));
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    private long entries(String... filters) {
        List<String> args = new java.util.ArrayList<>(List.of("audit"));
        args.addAll(List.of(filters));
        args.add("--json");
        Run run = cli(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        String json = run.out();
        return Long.parseLong(json.substring(json.indexOf(':') + 1, json.indexOf(',')));
    }

    @Test
    void finding3_auditCountsTheEntriesEachFilterSelects() {
        assertEquals(9, entries());
        // #4 sign-in, #5 pin-refused, #6 sale
        assertEquals(3, entries("--staff", "小王"));
        // #1, #2, #9
        assertEquals(3, entries("--action", "staff"));
        // #1, #2, #3, #8, #9
        assertEquals(5, entries("--staff", OWNER));
        // #6, #8
        assertEquals(2, entries("--action", "sale"));
        // 11-21 only: #4 … #8
        assertEquals(5, entries("--from", "2026-11-21", "--to", "2026-11-21"));
        // from 11-21 on: #4 … #9
        assertEquals(6, entries("--from", "2026-11-21"));
        // up to 11-20: #1, #2, #3
        assertEquals(3, entries("--to", "2026-11-20"));
        // 李姐's exports: #7
        assertEquals(1, entries("--staff", "李姐", "--action", "export"));
        assertEquals(0, entries("--staff", "李姐", "--action", "staff"));

        Run newest = cli("audit", "--staff", "小王", "--json");
        assertTrue(newest.out().startsWith("{\"entries\":3,\"log\":[{\"id\":6,\"at\":\"2026-11-21 10:00:00\","
                + "\"staff\":\"小王\",\"action\":\"sale\""), newest.out());
        // words, not a guess: an unknown action or a --pin meant for acting is a usage error
        assertEquals(2, cli("audit", "--action", "refund-everything").code());
        assertEquals(2, cli("audit", "--staff", "小王", "--pin", "1234").code());
        assertEquals(2, cli("audit", "--from", "2026-11-22", "--to", "2026-11-21").code());
    }

    @Test
    void finding3_auditOutWritesTheSelectedEntriesOldestFirstAndIsLogged() throws Exception {
        Path file = folder.resolve("xiaowang.csv");
        Run run = cli("audit", "--staff", "小王", "--out", file.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("{\"entries\":3,"), run.out());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertEquals("id,time,staff,action,member_id,subject,summary,reason,money,prev_hash,hash", lines.get(0));
        assertTrue(lines.get(1).startsWith("4,2026-11-21 10:00:00,小王,sign-in,,小王,cashier,,,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("5,2026-11-21 10:00:00,小王,pin-refused,,小王,1 wrong in a row,,,"),
                lines.get(2));
        assertTrue(lines.get(3).startsWith("6,2026-11-21 10:00:00,小王,sale,1,P20261121-0001,"), lines.get(3));
        // the export is an entry of its own: 9 + 1
        assertEquals(10, entries());
        assertEquals(1, entries("--staff", OWNER, "--action", "export"));

        // the owner's only: a manager is refused and no file is left
        AppContext app = on("2026-11-22T12:00");
        app.session().become(Actor.of(li));
        Path refused = folder.resolve("refused.csv");
        assertThrows(NotAllowedException.class, () -> app.operationLogExport().write(LogFilter.ALL, refused));
        assertFalse(Files.exists(refused));
        try (var leftovers = Files.list(folder)) {
            assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().startsWith("refused")));
        }
    }

    @Test
    void finding3_auditVerifyOnAnIntactLog() {
        Run run = cli("audit", "verify", "--json");
        assertEquals(0, run.code(), run.err());
        assertEquals("{\"entries\":9,\"broken_at\":null}", run.out());
        assertEquals("", run.err());
    }

    @Test
    void finding4_staffReportGivesEachStaffMembersFigures() throws Exception {
        Run run = cli("staff-report", "--from", "2026-11-21", "--to", "2026-11-21", "--json");
        assertEquals(0, run.code(), run.err());
        // the manager first, then the cashier; 小王 sold ¥30, the command line (no staff) ¥40
        assertEquals("{\"from\":\"2026-11-21\",\"to\":\"2026-11-21\",\"staff\":["
                + "{\"name\":\"李姐\",\"role\":\"manager\",\"sales\":0,\"sales_cents\":0,\"returns\":0,"
                + "\"returns_cents\":0,\"net_cents\":0,\"cards_sold\":0,\"cards_sold_cents\":0,\"topups\":0,"
                + "\"topups_cents\":0,\"checkins\":0},"
                + "{\"name\":\"小王\",\"role\":\"cashier\",\"sales\":1,\"sales_cents\":3000,\"returns\":0,"
                + "\"returns_cents\":0,\"net_cents\":3000,\"cards_sold\":0,\"cards_sold_cents\":0,\"topups\":0,"
                + "\"topups_cents\":0,\"checkins\":0},"
                + "{\"name\":null,\"role\":null,\"sales\":1,\"sales_cents\":4000,\"returns\":0,"
                + "\"returns_cents\":0,\"net_cents\":4000,\"cards_sold\":0,\"cards_sold_cents\":0,\"topups\":0,"
                + "\"topups_cents\":0,\"checkins\":0}]}", run.out());

        Path file = folder.resolve("staff.csv");
        assertEquals(0, cli("staff-report", "--from", "2026-11-21", "--to", "2026-11-21", "--out",
                file.toString()).code());
        assertEquals(List.of(
                "name,role,sales,sales_amount,returns,returns_amount,net_amount,cards_sold,cards_sold_amount,topups,"
                        + "topups_amount,checkins",
                "李姐,Manager,0,0.00,0,0.00,0.00,0,0.00,0,0.00,0",
                "小王,Cashier,1,30.00,0,0.00,30.00,0,0.00,0,0.00,0",
                "No staff recorded,,1,40.00,0,0.00,40.00,0,0.00,0,0.00,0"),
                Files.readAllLines(file, StandardCharsets.UTF_8));
        Path workbook = folder.resolve("staff.xlsx");
        assertEquals(0, cli("staff-report", "--from", "2026-11-21", "--to", "2026-11-21", "--out",
                workbook.toString()).code());
        assertTrue(Files.size(workbook) > 0);

        // a cashier may not see the figures (exit 4); the database file itself is refused as --out (exit 1)
        Run cashier = cli("--staff", "小王", "--pin", "1234", "staff-report", "--from", "2026-11-21", "--to",
                "2026-11-21");
        assertEquals(4, cashier.code(), cashier.err());
        assertEquals(1, cli("staff-report", "--from", "2026-11-21", "--to", "2026-11-21", "--out",
                db.toString()).code());
        assertEquals(2, cli("staff-report", "--from", "2026-11-21").code());
    }
}
