package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Issue 17, finding 2 on the command line: --date-format and import-members --update. */
class ImportFormatsCliTest {
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
    void finding2_aDateFormatThatReadsNoDateIsAUsageErrorBeforeAnythingIsRead() throws IOException {
        Path members = folder.resolve("members.csv");
        Files.writeString(members, "member_no,name\nM1,王芳\n");
        for (String command : new String[] {"import-members", "import-purchases", "import-cards"}) {
            Run bad = run("--db", db(), command, members.toString(), "--date-format", "M/d", "--json");
            assertEquals(2, bad.code(), command + ": " + bad.err());
            assertTrue(bad.err().startsWith("error: --date-format M/d is not a date format: it needs the year"),
                    bad.err());
            assertEquals("", bad.out());
        }
        assertTrue(Files.notExists(Path.of(db())) || run("--db", db(), "stats", "--json").json().get("members")
                .equals(0), "nothing imported");
    }

    @Test
    void finding2_updateCorrectsJoinDatesAndTheJsonSaysHowManyWereUpdated() throws IOException {
        Path made = folder.resolve("made.csv");
        Files.writeString(made, "member_no,name,join_date\nC1,Ann,2026-11-22\nC2,Bob,2026-11-22\n");
        assertEquals(0, run("--db", db(), "import-members", made.toString(), "--json").code());
        Path dates = folder.resolve("dates.csv");
        Files.writeString(dates, "member_no;join_date\nC1;12/1/2010\nC2;2/28/2011\nC3;1/1/2011\n");
        Run update = run("--db", db(), "import-members", dates.toString(), "--update", "--date-format", "mdy",
                "--json");
        assertEquals(0, update.code(), update.err());
        // C3 is new and has no name: rejected
        assertEquals(Map.of("imported", 0, "duplicates", 0, "rejected", 1, "report",
                folder.resolve("dates.rejected.csv").toString(), "already_imported_rows", 0, "resumed", false,
                "updated", 2, "rejected_by_reason", Map.of("Name is missing", 1)), update.json());
        Run export = run("--db", db(), "export-members", folder.resolve("out.csv").toString(), "--json");
        assertEquals(0, export.code(), export.err());
        String exported = Files.readString(folder.resolve("out.csv"));
        assertTrue(exported.contains("2010-12-01") && exported.contains("2011-02-28"), exported);
    }
}
