package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Json;
import org.memberdesk.db.DatabaseLock;

class BackupCommandsTest {
    @TempDir
    Path folder;

    private record Run(int code, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli().run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    private String db() {
        return folder.resolve("shop.db").toString();
    }

    @Test
    void backupPrintsTheFileAndItsSize() throws Exception {
        assertEquals(0, run("--db", db(), "demo", "--members", "50").code());

        Run backup = run("--db", db(), "backup", "--json");

        assertEquals(0, backup.code(), backup.err());
        assertEquals(List.of("backup", "bytes"), List.copyOf(backup.json().keySet()));
        Path file = Path.of((String) backup.json().get("backup"));
        assertEquals(folder.resolve("backups"), file.getParent());
        assertEquals(Files.size(file), ((Number) backup.json().get("bytes")).longValue());

        Run list = run("--db", db(), "backups", "--json");
        List<?> backups = (List<?>) list.json().get("backups");
        assertEquals(file.toString(), ((Map<?, ?>) backups.get(0)).get("file"));
        assertEquals("manual", ((Map<?, ?>) backups.get(0)).get("reason"));
        assertEquals(10, ((Number) list.json().get("keep")).intValue());
    }

    @Test
    void defect7BackupFolder_theCommandLineChoosesTheFolderAndSaysWhenItIsUnplugged() throws Exception {
        assertEquals(0, run("--db", db(), "demo", "--members", "20").code());
        Path usb = Files.createDirectories(folder.resolve("usb"));

        Run chosen = run("--db", db(), "backups", "--copy-to", usb.toString(), "--json");
        assertEquals(0, chosen.code(), chosen.err());
        assertEquals(usb.toString(), chosen.json().get("copy_to"));
        assertEquals(true, chosen.json().get("copy_to_present"));

        Run copied = run("--db", db(), "backup", "--json");
        assertEquals(0, copied.code(), copied.err());
        Path file = Path.of((String) copied.json().get("backup"));
        assertEquals(usb.resolve(file.getFileName()).toString(), copied.json().get("copy"));

        Files.delete(usb.resolve(file.getFileName()));
        Files.delete(usb); // unplugged
        Run unplugged = run("--db", db(), "backup", "--json");
        assertEquals(0, unplugged.code(), "the backup beside the database is whole");
        assertTrue(Files.exists(Path.of((String) unplugged.json().get("backup"))));
        assertTrue(((String) unplugged.json().get("copy_problem")).startsWith("The backup folder " + usb
                + " is not there"), unplugged.out());
        assertTrue(unplugged.err().startsWith("warning: The backup folder " + usb), unplugged.err());

        Path other = Files.createDirectories(folder.resolve("other-disk"));
        Run once = run("--db", db(), "backup", "--to", other.toString(), "--json");
        assertTrue(((String) once.json().get("copy")).startsWith(other.toString()), once.out());

        Run none = run("--db", db(), "backups", "--copy-to", "none", "--json");
        assertEquals(null, none.json().get("copy_to"));
        Run missing = run("--db", db(), "backups", "--copy-to", folder.resolve("nowhere").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("error: "), missing.err());
    }

    @Test
    void restoreReplacesTheDataAndRefusesAForeignFileWithOneLine() throws Exception {
        run("--db", db(), "demo", "--members", "30");
        String backup = (String) run("--db", db(), "backup", "--json").json().get("backup");
        // demo refuses a database that holds data: the change after the backup is an import
        Path more = Files.writeString(folder.resolve("more.csv"), "member_no,name\nX1,Added Later\nX2,Added Too\n");
        assertEquals(0, run("--db", db(), "import-members", more.toString()).code());
        assertEquals(32, ((Number) run("--db", db(), "stats", "--json").json().get("members")).intValue());

        Run restore = run("--db", db(), "restore", backup, "--json");
        assertEquals(0, restore.code(), restore.err());
        assertEquals(backup, restore.json().get("restored"));
        assertTrue(Files.exists(Path.of((String) restore.json().get("previous_state"))));
        assertEquals(30, ((Number) run("--db", db(), "stats", "--json").json().get("members")).intValue());

        Path text = Files.writeString(folder.resolve("notes.txt"), "not a backup");
        Run refused = run("--db", db(), "restore", text.toString(), "--json");
        assertEquals(1, refused.code());
        assertEquals("", refused.out());
        assertEquals(1, refused.err().lines().count());
        assertTrue(refused.err().contains("not a MemberDesk backup"), refused.err());
        assertEquals(30, ((Number) run("--db", db(), "stats", "--json").json().get("members")).intValue());
    }

    @Test
    void restoreIsRefusedWhileAWindowHasTheDatabase() {
        run("--db", db(), "demo", "--members", "10");
        String backup = (String) run("--db", db(), "backup", "--json").json().get("backup");
        try (DatabaseLock window = DatabaseLock.tryAcquire(Path.of(db())).orElseThrow()) {
            Run restore = run("--db", db(), "restore", backup);
            assertEquals(1, restore.code());
            assertTrue(restore.err().contains("open in a MemberDesk window"), restore.err());
            // other commands still work beside the window: SQLite keeps the writers apart
            assertEquals(0, run("--db", db(), "backup", "--json").code());
        }
        assertEquals(0, run("--db", db(), "restore", backup).code());
    }

    @Test
    void integrityCheckSaysOk() {
        run("--db", db(), "demo", "--members", "10");
        Run check = run("--db", db(), "integrity-check", "--json");
        assertEquals(0, check.code());
        assertEquals(Map.of("ok", true, "problems", List.of()), check.json());
    }

    @Test
    void keepMustBeSensible() {
        Run bad = run("--db", db(), "backups", "--keep", "0");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: --keep must be between 1 and 1000"), bad.err());
        assertEquals(3, ((Number) run("--db", db(), "backups", "--keep", "3", "--json").json().get("keep")).intValue());
    }
}
