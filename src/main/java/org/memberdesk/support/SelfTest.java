package org.memberdesk.support;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.memberdesk.common.Json;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Backup;
import org.memberdesk.db.BackupReason;
import org.memberdesk.db.Backups;
import org.memberdesk.db.Database;
import org.memberdesk.db.IntegrityReport;
import org.memberdesk.db.Migrations;
import org.memberdesk.fonts.BundledFont;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberStore;

/**
 * {@code --self-test}: proves an installed copy is whole without opening a window or touching the
 * user's data. Opens a fresh database in a temporary folder, runs every migration, backs it up and
 * checks the backup, and checks what a trimmed (jlink'd) runtime could lack: the SQLite native
 * library, the GBK charset for Chinese CSV files, Chinese locale data, both message bundles, the
 * Chinese font the app carries (with its licence) and the JavaFX classes. Prints one JSON object; exit 0 when all is well, 1 with the failed check on stderr.
 */
public final class SelfTest {
    private SelfTest() {
    }

    public static int run(PrintStream out, PrintStream err) {
        Map<String, Object> result = new LinkedHashMap<>();
        Path folder = null;
        String step = "temporary folder";
        try {
            folder = Files.createTempDirectory("memberdesk-self-test");
            step = "database and migrations";
            Database database = Database.open(folder.resolve("self-test.db"));
            int version = Migrations.appliedVersion(database);
            require(version == Migrations.LATEST_VERSION, "schema version " + version + ", expected "
                    + Migrations.LATEST_VERSION);
            // a member written as the app writes one (through its store): the backup below copies real data
            database.write(connection -> new MemberStore().insert(connection, new MemberDetails("T1", "自检", null,
                    null, null, LocalDate.of(2026, 1, 1), null, null, null, null)));
            step = "online backup";
            Backups backups = new Backups(database, java.time.Clock.systemDefaultZone());
            Backup backup = backups.take(BackupReason.MANUAL);
            IntegrityReport check = backups.checkIntegrity();
            require(check.ok(), "integrity check: " + check.problems());
            step = "charsets and locales";
            require(Charset.isSupported("GBK") && Charset.isSupported("GB18030"), "the GBK charset is missing");
            String month = LocalDate.of(2026, 1, 1).getMonth().getDisplayName(TextStyle.FULL, Locale.SIMPLIFIED_CHINESE);
            require("一月".equals(month), "Chinese locale data is missing (January is \"" + month + "\")");
            step = "messages";
            require(!Messages.chinese().get("app.name").equals("app.name")
                    && !Messages.english().get("app.name").equals("app.name"), "a message bundle is missing");
            step = "fonts";
            String font = bundledFont();
            step = "JavaFX";
            String javafx = javafxModule();
            result.put("self_test", "ok");
            result.put("version", AppVersion.current());
            result.put("schema_version", version);
            result.put("backup_bytes", backup.bytes());
            result.put("java", System.getProperty("java.version"));
            result.put("javafx", javafx);
            result.put("font", font);
            result.put("date", LocalDate.now().format(DateTimeFormatter.ISO_LOCAL_DATE));
            out.println(Json.write(result));
            return 0;
        } catch (IOException | RuntimeException | LinkageError e) {
            err.println("self-test failed at " + step + ": " + e);
            return 1;
        } finally {
            deleteQuietly(folder);
        }
    }

    /** The Chinese font the app carries, with its licence: drawn by Java2D as charts draw it; names its family. */
    private static String bundledFont() throws IOException {
        require(BundledFont.awt(java.awt.Font.PLAIN, 12).canDisplayUpTo("会员 Members ¥") == -1,
                "the app's font cannot draw Chinese");
        try (var licence = BundledFont.openLicence()) {
            require(licence.readAllBytes().length > 0, "the font's licence (OFL.txt) is empty");
        }
        return BundledFont.FAMILY;
    }

    /** Loads (without starting) the JavaFX classes the windows use; names their module. */
    private static String javafxModule() {
        try {
            ClassLoader loader = SelfTest.class.getClassLoader();
            Class<?> button = Class.forName("javafx.scene.control.Button", false, loader);
            Class.forName("javafx.embed.swing.SwingFXUtils", false, loader);
            Module module = button.getModule();
            return module.isNamed() ? module.getName() : "classpath";
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("JavaFX is missing: " + e.getMessage(), e);
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder the OS cleans up anyway
        }
    }
}
