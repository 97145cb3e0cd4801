package org.memberdesk.db;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;

/**
 * A second copy of the daily and the manual backups in a folder the owner chose: a USB drive, another disk, a
 * shared folder. The backup beside the database is always taken first and stays the one the app relies on (the
 * restore when the database does not open, the undo of a restore or an import); the copy is what survives when
 * the computer's own disk does not. Only the daily and manual backups are copied: the ones before an import, an
 * upgrade or a restore are undo points for a moment, and copying each to a slow USB stick would slow every import.
 * <p>
 * A chosen folder that is not there (the USB drive unplugged, the share offline) is never created: on Linux an
 * unplugged drive's mount point is an empty folder of the system disk, and on Windows the drive letter may be
 * another stick. The copy is then left out, said in words, and the backup beside the database stands. The copies
 * are thinned to the same number as the backups beside the database, counting only this database's names.
 */
public final class BackupCopies {
    static final String FOLDER_SETTING = "backup.copy_folder";
    private static final Logger LOG = Logger.getLogger(BackupCopies.class.getName());

    /** What became of the copy of one backup in the chosen folder. */
    public sealed interface Outcome permits Copied, NotCopied {
        Path folder();
    }

    /** The copy is whole in {@code folder} as {@code file}. */
    public record Copied(Path folder, Path file) implements Outcome {
    }

    /**
     * No copy in {@code folder}: {@code key} is {@code backup.copy.missing} (the folder is not there; argument
     * the folder) or {@code backup.copy.failed} (arguments the folder and the system's words in {@code reason}).
     */
    public record NotCopied(Path folder, String key, String reason) implements Outcome {
        /** The arguments of {@link #key()} in the bundles. */
        public Object[] args() {
            return key.equals(MISSING) ? new Object[] {folder} : new Object[] {folder, reason};
        }
    }

    public static final String MISSING = "backup.copy.missing";
    public static final String FAILED = "backup.copy.failed";

    private final Database database;
    private final Backups backups;

    BackupCopies(Database database, Backups backups) {
        this.database = database;
        this.backups = backups;
    }

    /** The folder the owner chose, if any (a setting of the shop, kept in the database). */
    public Optional<Path> folder() {
        if (database.rescue()) {
            try {
                return readFolder();
            } catch (DataException e) {
                return Optional.empty(); // a file that cannot be brought up to date may lack the settings table
            }
        }
        return readFolder();
    }

    private Optional<Path> readFolder() {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT value FROM settings WHERE key = ?")) {
                statement.setString(1, FOLDER_SETTING);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() && !rs.getString(1).isBlank()
                            ? Optional.of(Path.of(rs.getString(1))) : Optional.<Path>empty();
                }
            }
        });
    }

    /**
     * Stores the chosen folder (empty: copies stop) with {@code connection}, so the caller's operation log entry is
     * kept in the same transaction. Check the folder first with {@link #checkChoice(Path)}.
     */
    public void storeFolder(Connection connection, Optional<Path> folder) throws SQLException {
        if (folder.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM settings WHERE key = ?")) {
                statement.setString(1, FOLDER_SETTING);
                statement.executeUpdate();
            }
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO settings (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value""")) {
            statement.setString(1, FOLDER_SETTING);
            statement.setString(2, folder.get().toString());
            statement.executeUpdate();
        }
    }

    /**
     * The folder as it will be kept (absolute, tidied), or a {@link ValidationException} in the shop's words: it
     * must be there now, writable, and not the backups folder beside the database (or inside it), where the copy
     * would be the backup itself.
     */
    public Path checkChoice(Path chosen) {
        Path folder = chosen.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new ValidationException(Problem.of("folder", "backup.copy.refused.missing", folder));
        }
        Path beside = backups.folder().toAbsolutePath().normalize();
        if (folder.startsWith(beside) || sameFolder(folder, beside)) {
            throw new ValidationException(Problem.of("folder", "backup.copy.refused.backups", folder));
        }
        if (!OutputFiles.canWriteIn(folder)) {
            throw new ValidationException(Problem.of("folder", "backup.copy.refused.readOnly", folder));
        }
        return folder;
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isDirectory(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the chosen folder (if any) is there now: Settings → Data warns when it is not. */
    public boolean reachable(Path folder) {
        return Files.isDirectory(folder);
    }

    /** This database's backups in {@code folder}, newest first (none when the folder is not there). */
    public List<Backup> list(Path folder) {
        return backups.listIn(folder);
    }

    /**
     * Copies the finished {@code backup} into {@code folder} under the same name (written as a partial file, then
     * renamed, so the folder never holds half a backup under a backup's name), then thins the copies there. Never
     * throws for the folder's sake: the backup beside the database is already whole.
     */
    Outcome copy(Backup backup, Path folder) {
        if (!Files.isDirectory(folder)) {
            LOG.info(() -> "the backup folder " + folder + " is not there (unplugged?): " + backup.file()
                    + " is kept beside the database only");
            return new NotCopied(folder, MISSING, "");
        }
        Path target = folder.resolve(backup.file().getFileName().toString());
        Path partial = Leftovers.partial(target);
        try {
            Files.copy(backup.file(), partial, StandardCopyOption.REPLACE_EXISTING);
            PrivateFiles.makePrivate(partial);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            String reason = e instanceof IOException io ? Backups.inWords(io) : String.valueOf(e.getMessage());
            LOG.info(() -> "cannot copy the backup " + backup.file() + " to " + folder + ": " + reason);
            return new NotCopied(folder, FAILED, reason);
        }
        try {
            backups.rotateIn(folder);
        } catch (DataException e) {
            LOG.warning(() -> "cannot thin out the copies in " + folder + ": " + e.getMessage());
        }
        LOG.info(() -> "backup copied to " + target);
        return new Copied(folder, target);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.fine(() -> "cannot remove " + file + ": " + e.getMessage());
        }
    }
}
