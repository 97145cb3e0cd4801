package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Json;

/**
 * Finding 1 of issue 14: an output path that is — by name, {@code ..}, a symbolic or a hard link — the live
 * database, its working files or a backup destroyed it. Every command that writes a file is given each such
 * path: it stops with exit 1 and one "error:" line, and the database and the backups are byte for byte as
 * they were (and {@code stats} and {@code integrity-check} say the same as before).
 */
class OutputGuardCliTest {
    /** The shop every test starts from, made once: members, purchases, an issued campaign, a backup. */
    @TempDir
    static Path template;

    Path folder;
    Path db;
    Path backup;

    record Run(int code, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out.strip());
        }
    }

    static Run run(Path db, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err),
                all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    Run run(String... args) {
        return run(db, args);
    }

    @BeforeAll
    static void shop() throws IOException {
        Path db = template.resolve("shop.db");
        Path members = template.resolve("members.csv");
        Files.writeString(members, """
                member_no,name,phone,join_date
                M1,王芳,13812345678,2025-01-10
                M2,李娜,13812345679,2025-01-11
                """);
        Path purchases = template.resolve("purchases.csv");
        Files.writeString(purchases, """
                purchase_no,member_no,time,item,amount
                T1,M1,2026-02-01 10:00,成人门票,120.00
                R1,M1,2026-02-02 10:00,成人门票,-20.00
                T2,M2,2026-03-02 10:00,成人门票,80.00
                """);
        assertEquals(0, run(db, "import-members", members.toString()).code());
        assertEquals(0, run(db, "import-purchases", purchases.toString(), "--allow-returns").code());
        Run created = run(db, "campaign", "create", "--name", "回馈", "--type", "threshold", "--value", "20",
                "--min-spend", "100", "--valid-days", "14", "--target", "all", "--seed", "4", "--json");
        assertEquals(0, created.code(), created.err());
        assertEquals(0, run(db, "campaign", "issue", "1").code());
        assertEquals(0, run(db, "backup").code());
    }

    /** A copy of the template shop in this test's own folder. */
    @BeforeEach
    void copyShop(@TempDir Path temp) throws IOException {
        folder = temp;
        db = folder.resolve("shop.db");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.sorted().toList()) {
                Path copy = folder.resolve(template.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!file.getFileName().toString().startsWith("shop.db-")) {
                    Files.copy(file, copy);
                }
            }
        }
        try (Stream<Path> backups = Files.list(folder.resolve("backups"))) {
            backup = backups.findFirst().orElseThrow();
        }
    }

    /** The commands of the finding, each given the file it is to write. */
    static Stream<Arguments> writers() {
        Map<String, Function<String, String[]>> commands = new java.util.LinkedHashMap<>();
        commands.put("export-members", t -> new String[] {"export-members", t});
        commands.put("export-purchases", t -> new String[] {"export-purchases", t});
        commands.put("segment --out", t -> new String[] {"segment", "--rule", "purchases >= 0", "--out", t});
        commands.put("chart --png", t -> new String[] {"chart", "dashboard", "--from", "2026-01-01", "--to",
                "2026-11-22", "--png", t});
        commands.put("chart --csv", t -> new String[] {"chart", "tiers", "--from", "2026-01-01", "--to",
                "2026-11-22", "--png", Path.of(t).resolveSibling("chart.png").toString(), "--csv", t});
        commands.put("report --pdf", t -> new String[] {"report", "--from", "2026-01-01", "--to", "2026-11-22",
                "--pdf", t});
        commands.put("campaign report --csv", t -> new String[] {"campaign", "report", "1", "--csv", t});
        commands.put("campaign report --chart", t -> new String[] {"campaign", "report", "1", "--chart", t});
        commands.put("coupons print --pdf", t -> new String[] {"coupons", "print", "1", "--pdf", t});
        List<String> targets = List.of("the database", "../ to the database", "a symlink to the database",
                "the database through a symlinked folder", "a hard link to the database", "its -wal file",
                "its -shm file", "its -journal file", "its lock file", "a backup", "a new file in the backups folder",
                "the backups folder", "a hard link to a backup");
        List<Arguments> all = new ArrayList<>();
        commands.forEach((name, command) -> targets.forEach(target -> all.add(Arguments.of(name, command, target))));
        return all.stream();
    }

    Path target(String kind) throws IOException {
        return switch (kind) {
            case "the database" -> db;
            case "../ to the database" -> {
                Files.createDirectories(folder.resolve("sub"));
                yield folder.resolve("sub").resolve("..").resolve("shop.db");
            }
            case "a symlink to the database" -> Files.createSymbolicLink(folder.resolve("link.db"), db);
            case "the database through a symlinked folder" -> {
                Path linked = Files.createSymbolicLink(folder.resolve("linked"), folder);
                yield linked.resolve("shop.db");
            }
            case "a hard link to the database" -> Files.createLink(folder.resolve("hard.db"), db);
            case "its -wal file" -> folder.resolve("shop.db-wal");
            case "its -shm file" -> folder.resolve("shop.db-shm");
            case "its -journal file" -> folder.resolve("shop.db-journal");
            case "its lock file" -> folder.resolve("shop.db.lock");
            case "a backup" -> backup;
            case "a new file in the backups folder" -> backup.resolveSibling("new.csv");
            case "the backups folder" -> backup.getParent();
            case "a hard link to a backup" -> Files.createLink(folder.resolve("copy.db"), backup);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0} onto {2}")
    @MethodSource("writers")
    void finding1_anOutputThatIsTheDatabaseOrABackupIsRefusedAndNothingIsTouched(String name,
            Function<String, String[]> command, String kind) throws IOException {
        Path target = target(kind);
        Map<String, Object> statsBefore = run("stats", "--json").json();
        byte[] dbBefore = Files.readAllBytes(db);
        byte[] backupBefore = Files.readAllBytes(backup);
        List<Path> before = listing();

        Run refused = run(command.apply(target.toString()));

        assertEquals(1, refused.code(), name + " onto " + kind + ": " + refused.out() + refused.err());
        assertTrue(refused.err().startsWith("error: "), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertArrayEquals(dbBefore, Files.readAllBytes(db), "the database file is unchanged");
        assertArrayEquals(backupBefore, Files.readAllBytes(backup), "the backup is unchanged");
        assertEquals(before, listing(), "no file was added or left behind");
        assertEquals(statsBefore, run("stats", "--json").json());
        Run check = run("integrity-check", "--json");
        assertEquals(0, check.code(), check.err());
    }

    @Test
    void finding1_theMessageSaysWhatTheFileIsAndThatNothingWasWritten() {
        Run refused = run("export-members", db.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("is the shop's database"), refused.err());
        assertTrue(refused.err().contains("nothing was written"), refused.err());
        Run backups = run("segment", "--rule", "purchases >= 0", "--out", backup.toString());
        assertTrue(backups.err().contains("backups folder"), backups.err());
    }

    @Test
    void finding1_theReportOfAnImportNeverOverwritesTheFileBeingImported() throws IOException {
        Path members = folder.resolve("more.csv");
        String text = "member_no,name,phone\nM9,,13800000009\n";
        Files.writeString(members, text);
        // the report of more.csv is more.rejected.csv: here a link to the import file itself. The person never
        // chose that name, so the import goes on and the report goes to the reports folder beside the database
        Files.createSymbolicLink(folder.resolve("more.rejected.csv"), members);
        Run run = run("import-members", members.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        assertEquals(text, Files.readString(members, StandardCharsets.UTF_8));
        String report = (String) run.json().get("report");
        assertTrue(report.endsWith("reports" + java.io.File.separator + "more.rejected.csv"), report);
        assertTrue(Files.readString(Path.of(report), StandardCharsets.UTF_8).contains("M9"));
    }

    @Test
    void finding1_aReportNameThatLinksToTheDatabaseGoesToTheReportsFolderAndTheDataIsKept() throws IOException {
        Path members = folder.resolve("shop-members.csv");
        Files.writeString(members, "member_no,name,phone\nM8,王芳,13800000008\nM9,,13800000009\n");
        Files.createSymbolicLink(folder.resolve("shop-members.rejected.csv"), db);
        Run run = run("import-members", members.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        assertEquals(1L, ((Number) run.json().get("imported")).longValue());
        assertTrue(((String) run.json().get("report")).contains("reports"), run.out());
        assertEquals(0, run("integrity-check").code());
    }

    @Test
    void finding1_aFileThatIsNotProtectedIsStillWrittenAndAnExistingOneReplacedWhole() throws IOException {
        Path out = folder.resolve("out").resolve("members.csv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "old content that is longer than the export would ever be ".repeat(100));
        Run export = run("export-members", out.toString(), "--json");
        assertEquals(0, export.code(), export.err());
        String written = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(written.startsWith("member_no,name,phone"), written);
        assertFalse(written.contains("old content"), written);
        // a symlink to an ordinary file: the file it points to gets the export, the link stays a link
        Path real = folder.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(folder.resolve("alias.csv"), real);
        assertEquals(0, run("export-members", link.toString()).code());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).startsWith("member_no,name"));
        assertEquals(List.of(), leftovers(folder), "no temporary file is left");
    }

    @Test
    void finding1_demoFilesAreNeverWrittenIntoTheBackupsFolderNorOverTheDatabase() throws IOException {
        List<Path> before = listing();
        Run intoBackups = run("demo", "--members", "5", "--csv-dir", backup.getParent().toString());
        assertEquals(1, intoBackups.code(), intoBackups.out());
        assertTrue(intoBackups.err().contains("backups folder"), intoBackups.err());
        // a database that happens to be called members.csv
        Path oddDb = folder.resolve("odd").resolve("members.csv");
        Run onto = run(oddDb, "demo", "--members", "5", "--csv-dir", oddDb.getParent().toString());
        assertEquals(1, onto.code(), onto.out());
        assertEquals(before, listing());
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> !p.getFileName().toString().startsWith("shop.db-")).sorted().toList();
        }
    }

    static List<Path> leftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }
}
