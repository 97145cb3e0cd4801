package org.memberdesk.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.db.Migrations;

/**
 * Issue 21, item 1: "copy diagnostics" says where the shop's data is on either engine — a file and its size, or the
 * server (never its password), the server's version and the database's size there.
 */
@BothEngines
class DiagnosticsEngineTest {
    @TempDir
    Path folder;

    @Test
    void finding1_diagnosticsNameTheFileOrTheServerItsVersionAndTheDatabaseSize() {
        AppContext app = TestDatabase.open(folder);
        app.members().add(TestDatabase.member("M1", "张三", "13800000001"));

        String text = app.diagnostics().text();

        String schema = "schema version " + Migrations.LATEST_VERSION + " of " + Migrations.LATEST_VERSION + ")";
        if (TestDatabase.onServer()) {
            var server = app.database().server().orElseThrow();
            // e.g. "Database: postgresql://memberdesk@localhost:5432/mdtest_1_2 (PostgreSQL 15.8 (Debian …), 7.6 MB,
            // schema version 13 of 13)": the address as the shop typed it, less the password
            Matcher line = Pattern.compile("Database: " + Pattern.quote(server.toString())
                    + " \\(PostgreSQL (\\d+)[.\\d]*.*, (\\d+\\.\\d) MB, " + Pattern.quote(schema)).matcher(text);
            assertTrue(line.find(), text);
            assertTrue(Integer.parseInt(line.group(1)) >= 12, text);
            // an empty migrated database is several MB on the server (its catalogue alone), never "unknown size"
            assertTrue(Double.parseDouble(line.group(2)) > 1.0, text);
            assertFalse(text.contains("memberdesk.server"), "the local folder place is not the data: " + text);
            server.password().ifPresent(password -> assertFalse(text.contains(password), "no password: " + text));
            assertTrue(text.contains(" in the data folder (the database is on the server)"), text);
        } else {
            assertTrue(Pattern.compile("Database: " + Pattern.quote(app.database().file().toString())
                    + " \\(\\d+\\.\\d MB, " + Pattern.quote(schema)).matcher(text).find(), text);
            assertTrue(text.contains(" where the database is"), text);
        }
        assertTrue(text.contains("Data: 1 members, 0 purchases, 0 returns"), text);
        assertFalse(text.contains("张三"), "no member data in diagnostics");
    }
}
