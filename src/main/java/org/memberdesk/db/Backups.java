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

    public Backups(Database database, Clock clock) {
        this(database, clock, List.of());
    }

    /** {@code checks}: what a backup must also pass before a restore puts it in (e.g. the points ledger). */
    public Backups(Database database, Clock clock, List<RestoreCheck> checks) {
        this.database = database;
        this.clock = clock;
        this.checks = List.copyOf(checks);
        this.names = Pattern.compile(Pattern.quote(stem(database.file()))
                + "-(\\d{8}-\\d{6}-\\d{3})(?:-(\\d+))?-([a-z-]+)\\.db");
    }

    public Path folder() {
        return database.file().getParent().resolve("backups");
    }

    /** This database's backups, newest first. */
    public List<Backup> list() {
        List<Backup> backups = new ArrayList<>();
        if (!Files.isDirectory(folder())) {
            return backups;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder())) {
            for (Path file : files) {
                parse(file).ifPresent(backups::add);
            }
        } catch (IOException e) {
            throw new DataException("Cannot read the backups folder " + folder() + ": " + e.getMessage(), e);
        }
        backups.sort(Comparator.comparing(Backup::takenAt).thenComparingInt(this::sequence).reversed());
        return backups;
    }

    /** Takes a backup now, whatever the database holds, then keeps only the newest N. */
    public Backup take(BackupReason reason) {
        Backup backup = copy(reason);
        rotate();
        LOG.info(() -> "backup (" + reason.tag() + ") " + backup.file() + ", " + backup.bytes() + " bytes");
        return backup;
    }

    /** Takes a backup unless the database holds nothing yet (a new, empty file is not worth keeping). */
    public Optional<Backup> takeIfWorthKeeping(BackupReason reason) {
        return holdsData() ? Optional.of(take(reason)) : Optional.empty();
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
     * Puts the backup (or any MemberDesk database file) {@code file} in place of the current data. The file is
     * tried on a copy first ({@link RestoreTrial}: history, migration to this version, integrity, every table,
     * the features' checks); a file that fails is refused with {@link RestoreRefusedException} before anything
     * was changed or backed up. Refused too: the open database itself (by any path: {@code ..}, a symlink, a hard
     * link, its -wal/-shm), and any restore while an import runs. Then the current state is backed up (reason
     * {@code before-restore}) and the checked, already up-to-date copy is put in with the online backup API
     * (other open connections see the new data, no file is swapped under them). On a file opened for rescue that
     * SQLite cannot even write into, the copy replaces the file whole, with the window lock held.
     */
    public Restored restore(Path file) {
        Path chosen = file.toAbsolutePath().normalize();
        String shown = chosen.toString();
        if (!Files.isRegularFile(chosen)) {
            throw new RestoreRefusedException("restore.refused.missing", shown);
        }
        refuseTheDatabaseItself(chosen, shown);
        ImportLock running;
        try {
            running = ImportLock.acquire(database.file());
        } catch (ImportRunningException e) {
            throw new RestoreRefusedException("restore.refused.importRunning", shown);
        }
        Path folder = null;
        try (running) {
            folder = Leftovers.newRestoreFolder(database.file());
            Path ready = RestoreTrial.prepare(chosen, folder, shown, checks);
            Backup safety = keepCurrentState();
            replaceWith(ready, safety);
            rotateQuietly();
            LOG.info(() -> "restored " + shown + " (previous state in " + safety.file() + ")");
            return new Restored(chosen, safety);
        } catch (IOException e) {
            throw new DataException("Cannot restore " + shown + ": " + inWords(e) + ". Nothing was changed.", e);
        } finally {
            deleteQuietly(folder);
        }
    }

    /** The live database, its journal files, by whatever path: a restore would read what it overwrites. */
    private void refuseTheDatabaseItself(Path chosen, String shown) {
        Path live = database.file();
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Path part = live.resolveSibling(live.getFileName() + suffix);
            if (chosen.equals(part.normalize()) || sameFile(chosen, part)) {
                throw new RestoreRefusedException("restore.refused.same", shown);
            }
        }
    }

    /** Same file through symlinks and hard links (same device and inode), as the operating system sees it. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The before-restore backup. SQLite's online copy where it can read the file; a file opened for rescue that
     * SQLite cannot read is kept byte for byte instead (nobody else writes it then). If neither works the restore
     * stops here, before anything changed.
     */
    private Backup keepCurrentState() {
        try {
            return copy(BackupReason.BEFORE_RESTORE);
        } catch (DataException e) {
            if (!database.rescue()) {
                throw new DataException("The restore did not start: the current data could not be backed up first ("
                        + e.getMessage() + "). Nothing was changed.", e);
            }
            try {
                return copyAsIs(BackupReason.BEFORE_RESTORE);
            } catch (IOException io) {
                throw new DataException("The restore did not start: the current data could not be backed up first ("
                        + inWords(io) + "). Nothing was changed.", io);
            }
        }
    }

    private void replaceWith(Path ready, Backup safety) throws IOException {
        SQLException online;
        try (Connection connection = database.connectToReplace()) {
            OnlineCopy.copyFrom(ready, connection);
            return;
        } catch (SQLException e) {
            online = e;
        } catch (DataException e) {
            online = e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
        }
        if (!database.rescue()) {
            // SQLite copies in one transaction: a copy that stops is rolled back, and the state before is kept too
            throw new DataException("The restore stopped: " + Database.describe(online)
                    + ". The data before the restore is in " + safety.file(), online);
        }
        replaceFile(ready, safety, online);
    }

    /** The rescue's last resort: the file SQLite cannot write into is replaced whole by the checked copy. */
    private void replaceFile(Path ready, Backup safety, SQLException why) throws IOException {
        Path live = database.file();
        Optional<DatabaseLock> window = DatabaseLock.tryAcquire(live);
        if (window.isEmpty()) {
            throw new DataException("The restore stopped: " + Database.describe(why) + ", and the database is open"
                    + " in a MemberDesk window. The data before the restore is in " + safety.file(), why);
        }
        try (DatabaseLock held = window.get()) {
            // the old journal belongs to the old file (its content is in the before-restore backup): applied to
            // the new file it would damage it
            Files.deleteIfExists(live.resolveSibling(live.getFileName() + "-wal"));
            Files.deleteIfExists(live.resolveSibling(live.getFileName() + "-shm"));
            Files.deleteIfExists(live.resolveSibling(live.getFileName() + "-journal"));
            Files.move(ready, live, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info(() -> "replaced " + live + " as a whole (" + why.getMessage() + ")");
        }
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
        return database.read(connection -> IntegrityCheck.check(connection, database.file()));
    }

    private Backup copy(BackupReason reason) {
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            Files.createDirectories(folder());
            Path target = freeName(now, reason);
            // the writer's process number in the name: the next start removes it if a crash cut the copy short
            Path partial = Leftovers.partial(target);
            Files.deleteIfExists(partial);
            try (Connection connection = database.connect()) {
                OnlineCopy.copyTo(connection, partial);
            } catch (SQLException | DataException e) {
                Files.deleteIfExists(partial);
                throw new DataException("The backup could not be made: " + (e instanceof SQLException sql
                        ? Database.describe(sql) : e.getMessage()), e);
            }
            // the name appears only once the copy is whole: a crash leaves at most a *.partial file
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new Backup(target, now, reason, Files.size(target));
        } catch (IOException e) {
            throw new DataException("Cannot write the backup in " + folder() + ": " + inWords(e), e);
        }
    }

    /** The database file (and its -wal) byte for byte, for a file SQLite cannot read; only when no one writes it. */
    private Backup copyAsIs(BackupReason reason) throws IOException {
        LocalDateTime now = LocalDateTime.now(clock);
        Files.createDirectories(folder());
        Path target = freeName(now, reason);
        Path partial = Leftovers.partial(target);
        Path live = database.file();
        Path wal = live.resolveSibling(live.getFileName() + "-wal");
        try {
            Files.copy(live, partial, StandardCopyOption.REPLACE_EXISTING);
            if (Files.isRegularFile(wal)) {
                Files.copy(wal, target.resolveSibling(target.getFileName() + "-wal"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new Backup(target, now, reason, Files.size(target));
    }

    private Path freeName(LocalDateTime now, BackupReason reason) {
        String base = stem(database.file()) + "-" + now.format(STAMP);
        String name = base;
        // a second backup in the same millisecond (whatever its reason) gets -2, -3 …: names stay
        // unique and the list keeps the order they were taken in
        for (int n = 2; nameTaken(name); n++) {
            name = base + "-" + n;
        }
        return folder().resolve(name + "-" + reason.tag() + ".db");
    }

    private boolean nameTaken(String name) {
        for (BackupReason any : BackupReason.values()) {
            if (Files.exists(folder().resolve(name + "-" + any.tag() + ".db"))) {
                return true;
            }
        }
        return false;
    }

    /** Deletes all but the newest {@link #keep()} backups of this database. */
    public int rotate() {
        int keep = keep();
        List<Backup> backups = list();
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

    private void rotateQuietly() {
        try {
            rotate();
        } catch (DataException e) {
            LOG.warning(() -> "cannot thin out the old backups: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.fine(() -> "cannot clean " + folder + ": " + e.getMessage());
        }
    }
}
