package org.memberdesk.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Backups of a database on a PostgreSQL server, made and put back by PostgreSQL's own tools: {@code pg_dump} (custom
 * format: compressed, and restorable table by table) and {@code pg_restore} in ONE transaction with
 * {@code --exit-on-error} (a restore that fails leaves the data as it was). The tools come with PostgreSQL's client
 * package; where they are not installed, the shop is told how to get them (docs/multi-store.md) and the server's own
 * nightly backup remains what keeps the data.
 */
final class ServerDumps {
    /** A dump that takes longer than this is stopped (a whole chain's database dumps in seconds to minutes). */
    private static final long LONGEST_MINUTES = 120;

    private ServerDumps() {
    }

    /** The tool's path, from PATH or PostgreSQL's usual install folders; empty when it is not installed. */
    static Optional<Path> tool(String name) {
        String exe = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? name + ".exe" : name;
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, exe));
            }
        }
        for (String root : List.of("/usr/lib/postgresql", "C:\\Program Files\\PostgreSQL", "/Library/PostgreSQL",
                "/opt/homebrew/opt")) {
            candidates.addAll(newestFirst(Path.of(root)).stream().map(v -> v.resolve("bin").resolve(exe)).toList());
        }
        candidates.add(Path.of("/Applications/Postgres.app/Contents/Versions/latest/bin", exe));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static List<Path> newestFirst(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.sorted(Comparator.comparing(ServerDumps::versionOf).reversed()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int versionOf(Path folder) {
        String digits = folder.getFileName().toString().replaceAll("\\D.*$", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits.substring(0, Math.min(4, digits.length())));
    }

    /** What to tell a shop whose computer lacks the tool. */
    static String missing(String name) {
        return name + " (PostgreSQL's client tools) is not installed on this computer, so MemberDesk cannot back up"
                + " or restore the server's database from here: install them (Debian/Ubuntu: apt install"
                + " postgresql-client; Windows: the PostgreSQL installer's \"Command Line Tools\"), or rely on the"
                + " server's nightly backup (docs/multi-store.md)";
    }

    /** Dumps the whole database into {@code target} (custom format). */
    static void dump(ServerAddress server, Path target) {
        Path pgDump = tool("pg_dump").orElseThrow(() -> new DataException(missing("pg_dump")));
        run(server, List.of(pgDump.toString(), "--format=custom", "--no-owner", "--no-privileges",
                "--file=" + target, "--host=" + server.host(), "--port=" + server.port(),
                "--username=" + server.user(), "--dbname=" + server.database()), "The backup could not be made");
    }

    /**
     * Puts a dump in place of the database's tables, in one transaction: everything of the dump, or — when anything
     * fails — nothing changed.
     */
    static void restore(ServerAddress server, Path dump) {
        Path pgRestore = tool("pg_restore").orElseThrow(() -> new DataException(missing("pg_restore")));
        run(server, List.of(pgRestore.toString(), "--clean", "--if-exists", "--single-transaction", "--exit-on-error",
                "--no-owner", "--no-privileges", "--host=" + server.host(), "--port=" + server.port(),
                "--username=" + server.user(), "--dbname=" + server.database(), dump.toString()),
                "The restore did not happen (nothing was changed)");
    }

    private static void run(ServerAddress server, List<String> command, String failed) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        // the password goes to the tool through its environment, never on its command line (other users see that)
        server.password().ifPresent(password -> builder.environment().put("PGPASSWORD", password));
        builder.environment().put("PGCONNECT_TIMEOUT", String.valueOf(ServerConnections.CONNECT_SECONDS));
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            byte[] said = process.getInputStream().readAllBytes();
            if (!process.waitFor(LONGEST_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new DataException(failed + ": " + command.get(0) + " took longer than " + LONGEST_MINUTES
                        + " minutes");
            }
            if (process.exitValue() != 0) {
                String words = new String(said, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).findFirst()
                        .orElse("exit " + process.exitValue());
                throw new DataException(failed + ": " + words.replaceFirst("^\\S*pg_(dump|restore): (error: )?", ""));
            }
        } catch (IOException e) {
            throw new DataException(failed + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException(failed + ": stopped", e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")
                ? "NUL" : "/dev/null");
    }
}
