package org.memberdesk.db;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a crash can leave beside a database: a half-written backup ({@code <backup>.db.<pid>.partial} in the backups
 * folder) and the folder a restore tries its copy in ({@code <db>.restore-<pid>-<n>} next to the database). Both
 * carry the number of the process that made them, so the next start removes exactly those whose process is gone —
 * never the work of a window or command that is still running. Only names of this database are touched.
 */
final class Leftovers {
    private static final Logger LOG = Logger.getLogger(Leftovers.class.getName());

    private Leftovers() {
    }

    /** The name a backup is written under until it is whole. */
    static Path partial(Path backup) {
        return backup.resolveSibling(backup.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
    }

    /** A new, private folder next to the database for a restore to try the chosen file in. */
    static Path newRestoreFolder(Path database) throws IOException {
        Path db = database.toAbsolutePath();
        String base = db.getFileName() + ".restore-" + ProcessHandle.current().pid() + "-";
        for (long n = System.nanoTime(); ; n++) {
            Path folder = db.resolveSibling(base + Long.toString(n & Long.MAX_VALUE, 36));
            if (!Files.exists(folder)) {
                try {
                    return Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException e) {
                    return Files.createDirectory(folder); // Windows: the profile's ACLs keep it private
                }
            }
        }
    }

    /** Removes the leftovers of this database whose process has ended; returns how many. */
    static int removeStale(Path database) {
        Path db = database.toAbsolutePath();
        String name = db.getFileName().toString();
        int removed = 0;
        removed += removeIn(db.getParent(), Pattern.compile(Pattern.quote(name) + "\\.restore-(\\d+)-[0-9a-z]+"));
        Path backups = db.resolveSibling("backups");
        if (Files.isDirectory(backups)) {
            removed += removeIn(backups, Pattern.compile(Pattern.quote(Backups.stem(db))
                    + "-\\d{8}-\\d{6}-\\d{3}(?:-\\d+)?-[a-z-]+\\.db(?:\\.(\\d+))?\\.partial"));
        }
        return removed;
    }

    /**
     * Removes the temporary files a killed writer of {@code targetName} left beside it ({@link OutputFiles} names
     * them {@code .<name>.<pid>.<random>.partial}): an export or an import's rejected-rows report stopped by kill
     * -9 or a power cut. Checked when the same file is written again, the only time its folder is known.
     */
    static int removeStaleOutputs(Path folder, String targetName) {
        return removeIn(folder, Pattern.compile(Pattern.quote("." + targetName + ".") + "(\\d+)\\.\\d+\\.partial"));
    }

    /** The prefix of {@link OutputFiles}' temporary files for {@code targetName}: with this process's number. */
    static String outputPrefix(String targetName) {
        return "." + targetName + "." + ProcessHandle.current().pid() + ".";
    }

    private static int removeIn(Path folder, Pattern names) {
        if (folder == null || !Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Matcher m = names.matcher(entry.getFileName().toString());
                if (m.matches() && stale(entry, m.group(1))) {
                    delete(entry);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.fine(() -> "cannot look for leftovers in " + folder + ": " + e.getMessage());
        }
        return removed;
    }

    /**
     * Whether the process that wrote {@code entry} is gone. A living process with that number that started after
     * the entry was last written is another one (numbers are reused). An entry without a number (older versions
     * wrote {@code .partial} alone) is stale when it is older than this process.
     */
    static boolean stale(Path entry, String pid) {
        Instant written;
        try {
            written = Files.getLastModifiedTime(entry).toInstant();
        } catch (IOException e) {
            return false;
        }
        if (pid == null) {
            return written.isBefore(startOf(ProcessHandle.current()).orElse(Instant.now()));
        }
        Optional<ProcessHandle> owner;
        try {
            owner = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return false;
        }
        if (owner.isEmpty() || !owner.get().isAlive()) {
            return true;
        }
        return startOf(owner.get()).map(started -> started.isAfter(written)).orElse(false);
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }

    private static void delete(Path entry) {
        if (deleteTree(entry)) {
            LOG.info(() -> "removed the leftover " + entry + " of a process that ended");
        }
    }

    /**
     * Removes a file or a folder with everything in it, as far as it can (what cannot go is logged and left for the
     * next start); null does nothing. Whether the walk went through.
     */
    static boolean deleteTree(Path entry) {
        if (entry == null) {
            return false;
        }
        try (var paths = Files.walk(entry)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.fine(() -> "cannot remove " + path + ": " + e.getMessage());
                }
            });
            return true;
        } catch (IOException e) {
            LOG.fine(() -> "cannot remove " + entry + ": " + e.getMessage());
            return false;
        }
    }
}
