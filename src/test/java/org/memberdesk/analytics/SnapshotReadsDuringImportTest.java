package org.memberdesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.cli.Cli;
import org.memberdesk.common.Json;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;

/**
 * The bar of finding 10: {@code rfm}, {@code report} and {@code cohorts} run in a loop in two other processes
 * while a third imports purchases batch by batch. None of their answers may fail, and each must be the answer
 * of one committed state: the importer commits after every {@value #BATCH} purchases, so the committed states
 * are "the first k batches" (k = 0 … {@value #PURCHASES} / {@value #BATCH}); a clean import of the same file on
 * a second database, stopped at each batch, gives every allowed answer.
 */
class SnapshotReadsDuringImportTest {
    private static final int MEMBERS = 600;
    private static final int PURCHASES = 3_000;
    private static final int BATCH = 250;
    private static final Map<String, List<String>> COMMANDS = commands();

    @TempDir
    Path folder;

    @Test
    void finding10_rfmReportAndCohortsInOtherProcessesDuringAnImportNeverFailAndAnswerOneCommittedState()
            throws Exception {
        Path members = folder.resolve("members.csv");
        Path purchases = folder.resolve("purchases.csv");
        writeFiles(members, purchases);

        // every allowed answer: a clean import of the same file, the commands run after each committed batch
        Map<String, Set<Map<String, Object>>> allowed = new LinkedHashMap<>();
        COMMANDS.keySet().forEach(name -> allowed.put(name, new HashSet<>()));
        Path reference = folder.resolve("reference.db");
        AppContext referenceShop = new AppContext(Database.open(reference), Clock.systemDefaultZone());
        referenceShop.memberImporter().importFile(members, ImportOptions.defaults(), Progress.NONE,
                Messages.english());
        answerAll(reference, allowed);
        int[] batches = {0};
        referenceShop.purchaseImporter().importFile(purchases, ImportOptions.defaults().withBatchSize(BATCH),
                new Pause(0) {
                    @Override
                    public void report(long bytesRead, long bytesTotal, long rows) {
                        batches[0]++;
                        answerAll(reference, allowed);
                    }
                }, Messages.english());
        assertEquals(PURCHASES / BATCH, batches[0], "one answer per committed batch");

        // the same import, in a child process, while two other children ask again and again
        Path shop = folder.resolve("shop.db");
        new AppContext(Database.open(shop), Clock.systemDefaultZone()).memberImporter()
                .importFile(members, ImportOptions.defaults(), Progress.NONE, Messages.english());
        Path stop = folder.resolve("stop");
        List<Path> answerFiles = List.of(folder.resolve("answers-1.txt"), folder.resolve("answers-2.txt"));
        List<Process> readers = new ArrayList<>();
        for (Path answers : answerFiles) {
            readers.add(child(ReadLoop.class, folder.resolve(answers.getFileName() + ".log"),
                    shop.toString(), answers.toString(), stop.toString()));
        }
        List<String> lines = new ArrayList<>();
        try {
            for (Path answers : answerFiles) {
                waitFor(() -> Files.exists(answers) && !Files.readAllLines(answers).isEmpty(), readers,
                        "the readers to answer once");
            }
            Process importer = child(SlowImport.class, folder.resolve("importer.log"), shop.toString(),
                    purchases.toString());
            assertTrue(importer.waitFor(90, TimeUnit.SECONDS), "the import finished");
            assertEquals(0, importer.exitValue(), Files.readString(folder.resolve("importer.log")));
            long linesAtEnd = countLines(answerFiles);
            waitFor(() -> countLines(answerFiles) >= linesAtEnd + 6, readers, "a few answers after the import");
        } finally {
            Files.writeString(stop, "stop");
            for (Process reader : readers) {
                if (!reader.waitFor(30, TimeUnit.SECONDS)) {
                    reader.destroyForcibly();
                }
            }
        }
        for (Path answers : answerFiles) {
            lines.addAll(Files.readAllLines(answers, StandardCharsets.UTF_8));
        }

        Set<Map<String, Object>> seen = new HashSet<>();
        for (String line : lines) {
            String[] parts = line.split("\t", -1);
            String name = parts[0];
            assertEquals("0", parts[1], name + " failed during the import: " + parts[3]);
            Map<String, Object> answer = Json.readObject(parts[2]);
            assertTrue(allowed.get(name).contains(answer),
                    name + " answered a state that was never committed (two moments mixed): " + parts[2]);
            seen.add(answer);
        }
        // the readers really ran through the import: they saw more than the states before and after it
        assertTrue(seen.size() > 2 * COMMANDS.size(), "answers from states during the import: " + seen.size());
    }

    private static void answerAll(Path db, Map<String, Set<Map<String, Object>>> allowed) {
        COMMANDS.forEach((name, args) -> {
            String[] answer = ask(db, args);
            assertEquals("0", answer[0], name + " on the reference: " + answer[2]);
            allowed.get(name).add(Json.readObject(answer[1]));
        });
    }

    /** {exit code, stdout, stderr} of one command, run in this process exactly as the launcher runs it. */
    static String[] ask(Path db, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(args);
        all.add("--json");
        int code;
        try {
            code = new Cli().run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        } catch (RuntimeException e) {
            code = -1;
            e.printStackTrace(new PrintWriter(err));
        }
        return new String[] {Integer.toString(code), out.toString().strip(), err.toString()};
    }

    private static Map<String, List<String>> commands() {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        // as of a day after every purchase: RFM takes its fast path over the kept statistics
        commands.put("rfm", List.of("rfm", "--as-of", "2026-01-31"));
        commands.put("report", List.of("report", "--from", "2025-01-01", "--to", "2025-12-31"));
        commands.put("cohorts", List.of("cohorts", "--from", "2025-01", "--to", "2025-12"));
        return commands;
    }

    /**
     * 600 members; 3,000 purchases, one line each, over March–December 2025. Purchase i is member 1 + i mod 600,
     * so the first three batches bring new buyers and the later ones raise how often and how much they bought.
     */
    private static void writeFiles(Path members, Path purchases) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(members, StandardCharsets.UTF_8)) {
            out.write("member_no,name,phone,join_date\n");
            for (int i = 1; i <= MEMBERS; i++) {
                out.write("M" + i + ",会员" + i + ",1390000" + String.format("%04d", i) + ",2025-"
                        + String.format("%02d-%02d", 1 + i % 2, 1 + i % 28) + "\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(purchases, StandardCharsets.UTF_8)) {
            out.write("purchase_no,member_no,time,item,quantity,amount\n");
            for (int i = 0; i < PURCHASES; i++) {
                java.time.LocalDate day = java.time.LocalDate.of(2025, 3, 1).plusDays((i * 37L) % 300);
                out.write("P" + i + ",M" + (1 + i % MEMBERS) + "," + day + " " + String.format("%02d", 10 + i % 8)
                        + ":00:00,门票,1," + (10 + i % 90) + ".50\n");
            }
        }
    }

    private static long countLines(List<Path> files) throws IOException {
        long lines = 0;
        for (Path file : files) {
            lines += Files.readAllLines(file, StandardCharsets.UTF_8).size();
        }
        return lines;
    }

    private interface Check {
        boolean ok() throws IOException;
    }

    private static void waitFor(Check check, List<Process> readers, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!check.ok()) {
            for (Process reader : readers) {
                assertTrue(reader.isAlive(), "a reader stopped before " + what);
            }
            assertTrue(System.nanoTime() < deadline, "waited a minute for " + what);
            Thread.sleep(50);
        }
    }

    private Process child(Class<?> main, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "-Duser.home=" + folder,
                "-XX:TieredStopAtLevel=1", main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** An import progress that pauses after each committed batch, so the readers meet the import in every state. */
    private static class Pause extends Progress {
        private final long millis;

        Pause(long millis) {
            this.millis = millis;
        }

        @Override
        public void report(long bytesRead, long bytesTotal, long rows) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }

    /** Child process: imports the purchases {@value #BATCH} to a transaction, as the command does with bigger ones. */
    static final class SlowImport {
        public static void main(String[] args) throws IOException {
            Database database = Database.open(Path.of(args[0]));
            new AppContext(database, Clock.systemDefaultZone()).purchaseImporter().importFile(Path.of(args[1]),
                    ImportOptions.defaults().withBatchSize(BATCH), new Pause(100), Messages.english());
            System.exit(0);
        }
    }

    /** Child process: runs rfm, report and cohorts in turn until told to stop; one line per answer. */
    static final class ReadLoop {
        public static void main(String[] args) throws IOException {
            Path db = Path.of(args[0]);
            Path answers = Path.of(args[1]);
            Path stop = Path.of(args[2]);
            while (!Files.exists(stop)) {
                for (Map.Entry<String, List<String>> command : COMMANDS.entrySet()) {
                    String[] answer = ask(db, command.getValue());
                    String line = command.getKey() + "\t" + answer[0] + "\t" + answer[1].replace('\n', ' ') + "\t"
                            + answer[2].replace('\n', ' ').replace('\t', ' ') + "\n";
                    Files.writeString(answers, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
            }
            System.exit(0);
        }
    }
}
