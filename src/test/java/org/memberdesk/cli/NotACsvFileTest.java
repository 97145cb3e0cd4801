package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.TestDatabase;

/**
 * Found by trying the data-safety work as a hostile tester: a file that is not CSV text (the database itself, a
 * workbook) was "imported" with its binary bytes shown as a column list, and a quote never closed surfaced as the
 * parser's "(startline 2) EOF reached before encapsulated token finished". Each is now refused in the shop's words,
 * naming the line, and stores nothing.
 */
class NotACsvFileTest {
    @TempDir
    Path folder;

    private int code;
    private String out;
    private String err;

    private void run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        code = new Cli(TestDatabase.clock()).run(new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
    }

    @Test
    void theDatabaseChosenAsTheCsvIsRefusedAsADatabaseAndNothingIsStored() throws Exception {
        Path db = folder.resolve("shop.db");
        Path members = folder.resolve("m.csv");
        Files.writeString(members, "member_no,name,phone\nM1,王芳,13812345678\n");
        run("--db", db.toString(), "import-members", members.toString(), "--json");
        assertEquals(0, code, err);

        run("--db", db.toString(), "import-members", db.toString(), "--json");

        assertEquals(1, code);
        assertTrue(err.contains("is a MemberDesk database, not a CSV file"), err);
        assertFalse(err.contains("SQLite format 3"), "no bytes of the file in the message: " + err);
        run("--db", db.toString(), "stats", "--json");
        assertTrue(out.contains("\"members\":1"), out);
    }

    @Test
    void aWorkbookCutShortIsRefusedAsDamaged() throws Exception {
        Path xlsx = folder.resolve("members.xlsx");
        // an .xlsx is a zip: "PK\3\4" then binary headers with NUL bytes; this one ends there (issue 17 reads
        // whole workbooks; one cut short is said to be damaged, and another zip is refused as binary)
        Files.write(xlsx, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0});
        run("--db", folder.resolve("shop.db").toString(), "import-members", xlsx.toString(), "--json");

        assertEquals(1, code);
        assertTrue(err.contains("looks like an Excel workbook but cannot be read"), err);
        Path zip = folder.resolve("members.zip");
        Files.copy(xlsx, zip);
        run("--db", folder.resolve("shop.db").toString(), "import-members", zip.toString(), "--json");
        assertEquals(1, code);
        assertTrue(err.contains("is neither a CSV text file nor an Excel workbook"), err);
    }

    @Test
    void aQuoteNeverClosedIsNamedWithTheLineItOpensOn() throws Exception {
        Path members = folder.resolve("m.csv");
        // line 3 opens a quote that runs to the end of the file
        Files.writeString(members, "member_no,name,phone\nM1,王芳,13812345678\nM2,\"李 \n13900000000\n");
        run("--db", folder.resolve("shop.db").toString(), "import-members", members.toString(), "--json");

        assertEquals(1, code);
        assertTrue(err.contains("opened on line 3 is never closed"), err);
        assertFalse(err.contains("encapsulated token"), err);
    }
}
