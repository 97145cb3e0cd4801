package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Json;

/** The command line end to end: arguments in, one JSON object and an exit code out. */
class CliTest {
    @TempDir
    Path folder;

    record Run(int code, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out.strip());
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    String db() {
        return folder.resolve("shop.db").toString();
    }

    @Test
    void importsExportsAndCountsWithOneJsonObjectEach() throws IOException {
        Path members = folder.resolve("members.csv");
        Files.writeString(members, """
                member_no,name,phone,join_date
                M1,王芳,13812345678,2025-01-10
                M2,李娜,bad,2025-01-11
                """);
        Path purchases = folder.resolve("purchases.csv");
        Files.writeString(purchases, """
                purchase_no,member_no,time,item,amount
                T1,M1,2025-02-01 10:00,成人门票,120.00
                R1,M1,2025-02-02 10:00,成人门票,-20.00
                T2,M7,2025-02-02 10:00,成人门票,120.00
                """);
        Run imported = run("--db", db(), "import-members", members.toString(), "--json");
        assertEquals(0, imported.code(), imported.err());
        assertEquals(1, imported.out().strip().lines().count(), "exactly one line of JSON");
        Map<String, Object> json = imported.json();
        // the first four keys are the public interface since the start; the next two came with resumable imports,
        // "updated" with import-members (issue 17), and the reasons rows were rejected for (issue 17)
        assertEquals(java.util.List.of("imported", "duplicates", "rejected", "report", "already_imported_rows",
                "resumed", "updated", "rejected_by_reason"), java.util.List.copyOf(json.keySet()));
        assertEquals(0, json.get("updated"));
        assertEquals(Map.of("Not a mainland mobile phone number", 1), json.get("rejected_by_reason"));
        assertEquals(0, json.get("already_imported_rows"));
        assertEquals(false, json.get("resumed"));
        assertEquals(1, json.get("imported"));
        assertEquals(1, json.get("rejected"));
        assertEquals(folder.resolve("members.rejected.csv").toString(), json.get("report"));

        Run bought = run("--db", db(), "import-purchases", purchases.toString(), "--allow-returns", "--json");
        assertEquals(0, bought.code(), bought.err());
        assertEquals(Map.of("imported", 2, "duplicates", 0, "rejected", 1,
                "report", folder.resolve("purchases.rejected.csv").toString(), "already_imported_rows", 0,
                "resumed", false, "rejected_by_reason",
                Map.of("Unknown member; import with --create-members to create it", 1)), bought.json());

        Run stats = run("--db", db(), "stats", "--json");
        assertEquals(Map.of("members", 1, "purchases", 1, "returns", 1, "revenue_cents", 10_000), stats.json());
        assertEquals(java.util.List.of("members", "purchases", "returns", "revenue_cents"),
                java.util.List.copyOf(stats.json().keySet()));

        Run export = run("--db", db(), "export-members", folder.resolve("out.csv").toString(), "--json");
        assertEquals(0, export.code());
        assertTrue(Files.readString(folder.resolve("out.csv")).contains("M1,王芳,13812345678"));
    }

    @Test
    void onlyTheNamedCommandIsBuiltAndHelpStillListsEveryOne() {
        Cli cli = new Cli(TestDatabase.clock());
        // `--db` takes the next word, so a database named like a command is not mistaken for one
        assertEquals(java.util.Set.of("stats"), cli.commandLine("--db", "report", "--json", "stats")
                .getSubcommands().keySet());
        assertEquals(java.util.Set.of(), new Cli(TestDatabase.clock()).commandLine("--version")
                .getSubcommands().keySet());
        // no command, or a word that is none: every command and `help` (help lists them, typos get suggestions)
        assertEquals(Cli.COMMANDS.size() + 1, new Cli(TestDatabase.clock()).commandLine("--db", db())
                .getSubcommands().size());
        assertEquals(Cli.COMMANDS.size() + 1, new Cli(TestDatabase.clock()).commandLine("statz")
                .getSubcommands().size());
        Run help = run("--help");
        assertEquals(0, help.code());
        for (String name : java.util.List.of("import-members", "stats", "report", "campaign", "integrity-check")) {
            assertTrue(help.out().contains("  " + name + " "), name + " in --help:\n" + help.out());
        }
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("MemberDesk "), version.out());
        // an inherited option after the command still reaches it
        Run stats = run("stats", "--db", db(), "--json");
        assertEquals(0, stats.code(), stats.err());
        assertEquals(0, stats.json().get("members"));
    }

    @Test
    void theJsonFlagMayStandBeforeTheCommandToo() {
        Run stats = run("--db", db(), "--json", "stats");
        assertEquals(0, stats.code(), stats.err());
        assertEquals(0, stats.json().get("members"));
    }

    @Test
    void usageErrorsExitTwoWithOneLineAndNoStackTrace() {
        Run unknown = run("--db", db(), "frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: "), unknown.err());
        Run missingArgument = run("--db", db(), "import-members");
        assertEquals(2, missingArgument.code());
        Run badEncoding = run("--db", db(), "import-members", "x.csv", "--encoding", "latin1");
        assertEquals(2, badEncoding.code(), badEncoding.err());
        Run noCommand = run("--db", db());
        assertEquals(2, noCommand.code());
        assertFalse(unknown.err().contains("\tat "), "no stack trace");
    }

    @Test
    void failuresExitOneWithOneLineOnStderr() throws IOException {
        Run missingFile = run("--db", db(), "import-members", folder.resolve("nope.csv").toString(), "--json");
        assertEquals(1, missingFile.code());
        assertEquals("", missingFile.out());
        assertEquals(1, missingFile.err().strip().lines().count(), missingFile.err());

        Path notADatabase = folder.resolve("notes.db");
        Files.writeString(notADatabase, "plain text ".repeat(500));
        Run badDb = run("--db", notADatabase.toString(), "stats", "--json");
        assertEquals(1, badDb.code());
        assertTrue(badDb.err().contains("not a MemberDesk database"), badDb.err());
        assertFalse(badDb.err().contains("\tat "));

        Path noName = folder.resolve("noname.csv");
        Files.writeString(noName, "member_no,phone\nM1,13812345678\n");
        Run noNameColumn = run("--db", db(), "import-members", noName.toString(), "--json");
        assertEquals(1, noNameColumn.code());
        assertTrue(noNameColumn.err().contains("no name column"), noNameColumn.err());
    }

    @Test
    void demoFillsADatabaseReproducibly() {
        Run demo = run("--db", db(), "demo", "--members", "300", "--seed", "5", "--business", "gym", "--json");
        assertEquals(0, demo.code(), demo.err());
        Map<String, Object> json = demo.json();
        assertEquals(300, json.get("members"));
        assertEquals(0, json.get("rejected"));
        Run stats = run("--db", db(), "stats", "--json");
        assertEquals(json.get("purchases"), stats.json().get("purchases"));

        Run again = run("--db", folder.resolve("again.db").toString(), "demo", "--members", "300", "--seed", "5",
                "--business", "gym", "--json");
        assertEquals(json, again.json(), "same seed, same data");
        Run badBusiness = run("--db", db(), "demo", "--members", "3", "--business", "zoo");
        assertEquals(2, badBusiness.code());
    }

    @Test
    void finding2_demoIsRefusedOnADatabaseThatHoldsAShopsData() throws IOException {
        Path csv = Files.writeString(folder.resolve("members.csv"),
                "member_no,name,phone\nM00001,王芳,13900000001\nM00002,李雷,13900000002\n");
        assertEquals(0, run("--db", db(), "import-members", csv.toString(), "--json").code());

        Run demo = run("--db", db(), "demo", "--members", "300", "--json");

        assertEquals(1, demo.code());
        assertEquals("", demo.out());
        assertEquals(1, demo.err().strip().lines().count(), demo.err());
        assertTrue(demo.err().startsWith("error: refused: ") && demo.err().contains("already holds data"), demo.err());
        // the shop's two members and nothing else: no demo member, no demo purchase
        assertEquals(Map.of("members", 2, "purchases", 0, "returns", 0, "revenue_cents", 0),
                run("--db", db(), "stats", "--json").json());
    }
}
