package org.memberdesk.db;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backups of one database: taken with SQLite's online backup, kept in a {@code backups} folder
 * next to the database file (for the default database that is the user's data folder), named
 * {@code <database>-<yyyyMMdd-HHmmss-SSS>-<reason>.db}, and thinned to the newest N after each new
 * one. Only files of this database's name are ever counted or deleted, so two databases may share
 * a folder.
 */
public final class Backups {
    public static final int DEFAULT_KEEP = 10;
    public static final int MAX_KEEP = 1000;
    static final String KEEP_SETTING = "backup.keep";

    private static final Logger LOG = Logger.getLogger(Backups.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Database database;
    private final Clock clock;
    private final Pattern names;
    private final List<RestoreCheck> checks;
    private final BackupCopies copies;

    public Backups(Database database, Clock clock) {
        this(database, clock, List.of());
    }

    /** {@code checks}: what a backup must also pass before a restore puts it in (e.g. the points ledger). */
    public Backups(Database database, Clock clock, List<RestoreCheck> checks) {
        this.database = database;
        this.clock = clock;
        this.checks = List.copyOf(checks);
        this.names = Pattern.compile(Pattern.quote(stem(database.file()))
                + "-(\\d{8}-\\d{6}-\\d{3})(?:-(\\d+))?-([a-z-]+)" + Pattern.quote(fileEnding(database)));
        this.copies = new BackupCopies(database, this);
    }

    /** The second copies in a folder the owner chose (a USB drive, another disk). */
    public BackupCopies copies() {
        return copies;
    }

    public Path folder() {
        return folderFor(database.file());
    }

    /** The backups folder of a database file: {@code backups} beside it. */
    public static Path folderFor(Path database) {
        return database.toAbsolutePath().getParent().resolve("backups");
    }

    /** This database's backups, newest first. */
    public List<Backup> list() {
        return listIn(folder());
    }

    /** This database's backups in {@code folder} (beside the database, or the chosen folder), newest first. */
    List<Backup> listIn(Path folder) {
        List<Backup> backups = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return backups;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                parse(file).ifPresent(backups::add);
            }
        } catch (IOException e) {
            throw new DataException("Cannot read the backups folder " + folder + ": " + inWords(e), e);
        }
        backups.sort(Comparator.comparing(Backup::takenAt).thenComparingInt(this::sequence).reversed());
        return backups;
    }

    /**
     * Takes a backup now, whatever the database holds, then keeps only the newest N; a daily or manual one is also
     * copied to the chosen folder (see {@link BackupCopies}; a copy that could not be made is in the log).
     */
    public Backup take(BackupReason reason) {
        return take(reason, Optional.empty()).backup();
    }

    /**
     * As {@link #take(BackupReason)}, saying where the second copy went: into {@code copyTo} when given (the
     * command line's {@code backup --to DIR}), else into the chosen folder, if any.
     */
    public Taken take(BackupReason reason, Optional<Path> copyTo) {
        Backup backup = copy(reason);
        rotate();
        LOG.info(() -> "backup (" + reason.tag() + ") " + backup.file() + ", " + backup.bytes() + " bytes");
        if (reason != BackupReason.DAILY && reason != BackupReason.MANUAL && copyTo.isEmpty()) {
            return new Taken(backup, Optional.empty());
        }
        Optional<Path> folder;
        try {
            folder = copyTo.map(to -> to.toAbsolutePath().normalize()).or(copies::folder);
        } catch (DataException e) {
            LOG.warning(() -> "cannot read the chosen backup folder: " + e.getMessage());
            return new Taken(backup, Optional.empty());
        }
        return new Taken(backup, folder.map(to -> copies.copy(backup, to)));
    }

    /** A backup just taken, and what became of its copy in the chosen folder (none chosen: empty). */
    public record Taken(Backup backup, Optional<BackupCopies.Outcome> copy) {
    }

    /**
     * Takes a backup unless the database holds nothing yet (a new, empty file is not worth keeping). On a server,
     * a computer without PostgreSQL's client tools skips these automatic backups (logged): the server's nightly
     * backup keeps the data, and a counter must still start.
     */
    public Optional<Backup> takeIfWorthKeeping(BackupReason reason) {
        if (database.dialect() == Dialect.POSTGRESQL && ServerDumps.tool("pg_dump").isEmpty()) {
            LOG.warning(() -> "no " + reason.tag() + " backup of " + database.describeLocation() + ": "
                    + ServerDumps.missing("pg_dump"));
            return Optional.empty();
        }
        return holdsData() ? Optional.of(take(reason)) : Optional.empty();
    }

    /** A backup's file ending: a SQLite copy ({@code .db}) or PostgreSQL's custom-format dump ({@code .dump}). */
    public String fileEnding() {
        return fileEnding(database);
    }

    private static String fileEnding(Database database) {
        return database.dialect().pick(".db", ".dump");
    }

    /** The backup on the first start of the day: taken when today has no daily backup yet. */
    public Optional<Backup> dailyIfDue() {
        LocalDate today = LocalDate.now(clock);
        boolean done = list().stream().anyMatch(b -> b.reason() == BackupReason.DAILY
                && b.takenAt().toLocalDate().equals(today));
        return done ? Optional.empty() : takeIfWorthKeeping(BackupReason.DAILY);
    }

    /** How many backups are kept (a setting of the database, {@value #DEFAULT_KEEP} until changed). */
    public int keep() {
        if (database.rescue()) {
            try {
                return readKeep();
            } catch (DataException e) {
                return DEFAULT_KEEP; // a file that cannot be brought up to date may lack the settings table
            }
        }
        return readKeep();
    }

    private int readKeep() {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT value FROM settings WHERE key = ?")) {
                statement.setString(1, KEEP_SETTING);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? parseKeep(rs.getString(1)) : DEFAULT_KEEP;
                }
            }
        });
    }

    /** Changes how many backups are kept; older ones go at once. */
    public void setKeep(int keep) {
        if (keep < 1 || keep > MAX_KEEP) {
            throw new IllegalArgumentException("keep between 1 and " + MAX_KEEP + " backups, not " + keep);
        }
        database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO settings (key, value) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value""")) {
                statement.setString(1, KEEP_SETTING);
                statement.setString(2, Integer.toString(keep));
                statement.executeUpdate();
            }
            return null;
        });
        rotate();
    }

    /**
     * Puts the backup (or any MemberDesk database file) {@code file} in place of the current data, after trying it
     * on a copy; see {@link Restore}. A file that cannot be restored is refused with {@link RestoreRefusedException}
     * and nothing was changed.
     */
    public Restored restore(Path file) {
        if (database.dialect() == Dialect.POSTGRESQL) {
            return new ServerRestore(database, this, checks).run(file);
        }
        return new Restore(database, this, checks, clock).run(file);
    }

    /** What a restore did: the file it restored and the backup of the state it replaced. */
    public record Restored(Path from, Backup previousState) {
    }

    /** The words of an operating system's file error a shop can act on. */
    static String inWords(IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                ? fs.getReason() : String.valueOf(e.getMessage());
        if (reason.contains("No space left") || reason.contains("not enough space")) {
            return "the disk is full";
        }
        if (reason.contains("Read-only file system")) {
            return "the disk is read-only";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "MemberDesk may not write " + e.getMessage() + " (the folder or file is read-only)";
        }
        return reason;
    }

    /** Checks the live database (it stays usable meanwhile; the check only reads). */
    public IntegrityReport checkIntegrity() {
        if (database.dialect() == Dialect.POSTGRESQL) {
            // the server checks its own pages (checksums); what can be wrong is the shop's data: the features' checks
            return database.read(connection -> {
                List<String> problems = new ArrayList<>();
                for (RestoreCheck check : checks) {
                    problems.addAll(check.problems(connection));
                }
                return new IntegrityReport(database.file(), problems.isEmpty(), problems);
            });
        }
        return database.read(connection -> IntegrityCheck.check(connection, database.file()));
    }

    Backup copy(BackupReason reason) {
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            // backups hold every member's name and phone: a private folder, private files
            PrivateFiles.ownFolder(folder());
            Path target = freeName(now, reason);
            // the writer's process number in the name: the next start removes it if a crash cut the copy short
            Path partial = Leftovers.partial(target);
            Files.deleteIfExists(partial);
            if (database.dialect() == Dialect.POSTGRESQL) {
                try {
                    ServerDumps.dump(database.server().orElseThrow(), partial);
                } catch (DataException e) {
                    Files.deleteIfExists(partial);
                    throw e;
                }
            } else try (Connection connection = database.connect()) {
                OnlineCopy.copyTo(connection, partial);
            } catch (SQLException | DataException e) {
                Files.deleteIfExists(partial);
                throw StorageFault.of(e, database.file(), roomForACopy()).map(DataException.class::cast)
                        .orElseGet(() -> new DataException("The backup could not be made: " + (e instanceof SQLException sql
                                ? Database.describe(sql) : e.getMessage()), e));
            }
            PrivateFiles.makePrivate(partial);
            // the name appears only once the copy is whole: a crash leaves at most a *.partial file
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new Backup(target, now, reason, Files.size(target));
        } catch (IOException e) {
            throw StorageFault.of(e, database.file(), roomForACopy()).map(DataException.class::cast).orElseGet(() ->
                    new DataException("Cannot write the backup in " + folder() + ": " + inWords(e), e));
        }
    }

    /** A copy holds at most the pages of the file and of its write-ahead log. */
    private java.util.OptionalLong roomForACopy() {
        long bytes = 0;
        for (Path part : List.of(database.file(), database.file().resolveSibling(database.file().getFileName() + "-wal"))) {
            try {
                bytes += Files.exists(part) ? Files.size(part) : 0;
            } catch (IOException e) {
                return java.util.OptionalLong.empty();
            }
        }
        return java.util.OptionalLong.of(bytes);
    }

    Path freeName(LocalDateTime now, BackupReason reason) {
        String base = stem(database.file()) + "-" + now.format(STAMP);
        String name = base;
        // a second backup in the same millisecond (whatever its reason) gets -2, -3 …: names stay
        // unique and the list keeps the order they were taken in
        for (int n = 2; nameTaken(name); n++) {
            name = base + "-" + n;
        }
        return folder().resolve(name + "-" + reason.tag() + fileEnding());
    }

    private boolean nameTaken(String name) {
        for (BackupReason any : BackupReason.values()) {
            if (Files.exists(folder().resolve(name + "-" + any.tag() + fileEnding()))) {
                return true;
            }
        }
        return false;
    }

    /** Deletes all but the newest {@link #keep()} backups of this database. */
    public int rotate() {
        return rotateIn(folder());
    }

    /** Deletes all but the newest {@link #keep()} backups of this database in {@code folder}. */
    int rotateIn(Path folder) {
        int keep = keep();
        List<Backup> backups = listIn(folder);
        int deleted = 0;
        for (Backup old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            try {
                Files.deleteIfExists(old.file());
                deleted++;
            } catch (IOException e) {
                LOG.warning(() -> "cannot delete the old backup " + old.file() + ": " + e.getMessage());
            }
        }
        return deleted;
    }

    private Optional<Backup> parse(Path file) {
        Matcher m = names.matcher(file.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Optional<BackupReason> reason = BackupReason.fromTag(m.group(3));
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDateTime at = LocalDateTime.parse(m.group(1), STAMP);
            return Optional.of(new Backup(file, at, reason.get(), Files.size(file)));
        } catch (java.time.format.DateTimeParseException | IOException e) {
            return Optional.empty();
        }
    }

    /** 1 for the first backup of a millisecond, 2, 3 … for those that had to share its name. */
    private int sequence(Backup backup) {
        Matcher m = names.matcher(backup.file().getFileName().toString());
        return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 1;
    }

    private boolean holdsData() {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT EXISTS (SELECT 1 FROM members) OR EXISTS (SELECT 1 FROM purchases)")) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    private static int parseKeep(String value) {
        try {
            int keep = Integer.parseInt(value.strip());
            return keep >= 1 && keep <= MAX_KEEP ? keep : DEFAULT_KEEP;
        } catch (NumberFormatException e) {
            return DEFAULT_KEEP;
        }
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    void rotateQuietly() {
        try {
            rotate();
        } catch (DataException e) {
            LOG.warning(() -> "cannot thin out the old backups: " + e.getMessage());
        }
    }
}
