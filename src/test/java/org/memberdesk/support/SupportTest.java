package org.memberdesk.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Json;
import org.memberdesk.db.BackupReason;
import org.memberdesk.db.Database;

class SupportTest {
    @TempDir
    Path folder;

    @Test
    void selfTestPassesAndLeavesNothingBehind() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SelfTest.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Map<String, Object> result = Json.readObject(out.toString(StandardCharsets.UTF_8));
        assertEquals("ok", result.get("self_test"));
        assertEquals(org.memberdesk.db.Migrations.LATEST_VERSION, ((Number) result.get("schema_version")).intValue());
        // the installers carry the Chinese font in the jar: the app-image's self-test (CI) proves it draws
        assertEquals("Noto Sans SC", result.get("font"));
    }

    @Test
    void diagnosticsNameTheFilesTheSystemAndTheCounts() {
        Database database = Database.open(folder.resolve("shop.db"));
        database.execute("INSERT INTO members (member_no, name, join_date) VALUES ('M1', '张三', '2026-01-01'),"
                + " ('M2', '李四', '2026-01-02')");
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T09:30:00Z"), ZoneOffset.UTC);
        AppContext context = new AppContext(database, clock);
        context.backups().take(BackupReason.MANUAL);

        String text = context.diagnostics().text();

        assertTrue(text.startsWith("MemberDesk: "), text);
        assertTrue(text.contains("Time: 2026-11-22 09:30:00"), text);
        assertTrue(text.contains("Database: " + database.file() + " ("), text);
        assertTrue(text.contains("schema version " + org.memberdesk.db.Migrations.LATEST_VERSION), text);
        assertTrue(text.contains("Backups: " + folder.resolve("backups") + " (1 of 10 kept, newest 2026-11-22 09:30:00 manual)"),
                text);
        assertTrue(text.contains("Data: 2 members, 0 purchases, 0 returns"), text);
        assertTrue(text.contains("OS: " + System.getProperty("os.name")), text);
        assertTrue(text.contains("Java: " + System.getProperty("java.runtime.version")), text);
        assertTrue(text.contains("Log file: "), text);
        assertTrue(!text.contains("张三"), "no member data in diagnostics");
    }

    @Test
    void theLogRotatesAtItsLimit() throws Exception {
        FileHandler handler = LogFiles.install(folder);
        try {
            Logger log = Logger.getLogger("org.memberdesk.test");
            log.info("first line in the log");
            handler.flush();
            assertTrue(Files.readString(LogFiles.current(folder)).contains("INFO org.memberdesk.test: first line in the log"));
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // the log names members: only the user who runs the app may read it (issue 14, point 11)
                assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(LogFiles.folder(folder))));
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(LogFiles.current(folder))));
            }
            String line = "x".repeat(1000);
            for (int i = 0; i < LogFiles.LIMIT_BYTES / 1000 + 50; i++) {
                log.info(line);
            }
            handler.flush();
            assertTrue(Files.exists(LogFiles.folder(folder).resolve("memberdesk-1.log")), "rotated once");
            assertTrue(Files.size(LogFiles.current(folder)) < LogFiles.LIMIT_BYTES);
        } finally {
            Logger.getLogger("").removeHandler(handler);
            handler.close();
        }
    }
}
