package org.memberdesk.db;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.memberdesk.common.Explained;
import org.memberdesk.common.Messages;

/**
 * A fault of the disk or folder that holds the database (full, read-only, missing, failing) or of the file
 * itself (damaged), named in the shop's words instead of SQLite's. The message is English (command line,
 * log); {@link #explain} gives it in the windows' language.
 */
public final class StorageFault extends DataException implements Explained {
    private static final long MB = 1024 * 1024;

    /** What kind of fault: each has its own sentence (bundle key {@code storage.<kind>}). */
    public enum Kind {
        FULL("storage.full"),
        READ_ONLY("storage.readOnly"),
        CANNOT_OPEN("storage.cannotOpen"),
        DISK_ERROR("storage.diskError"),
        DAMAGED("storage.damaged");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private final Kind kind;
    private final String key;
    private final Object[] args;

    private StorageFault(Kind kind, String key, Object[] args, Throwable cause) {
        super(Messages.english().get(key, args), cause);
        this.kind = kind;
        this.key = key;
        this.args = args.clone();
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String explain(Messages messages) {
        return messages.get(key, args);
    }

    /**
     * The fault {@code error} (or one of its causes) names for the database {@code databaseFile}, if it is a
     * storage fault; {@code neededBytes} is how much room the failed work needed, when it can be told honestly.
     */
    public static Optional<StorageFault> of(Throwable error, Path databaseFile, OptionalLong neededBytes) {
        if (error instanceof StorageFault fault) {
            return Optional.of(fault);
        }
        return kindOf(error).map(kind -> of(kind, databaseFile, neededBytes, error));
    }

    public static Optional<StorageFault> of(Throwable error, Path databaseFile) {
        return of(error, databaseFile, OptionalLong.empty());
    }

    static StorageFault of(Kind kind, Path databaseFile, OptionalLong neededBytes, Throwable cause) {
        Path file = databaseFile.toAbsolutePath();
        Path folder = file.getParent() == null ? file : file.getParent();
        if (kind == Kind.FULL) {
            OptionalLong free = usableSpace(folder);
            if (free.isEmpty()) {
                return new StorageFault(kind, "storage.full.unknown", new Object[] {folder.toString()}, cause);
            }
            long freeMb = free.getAsLong() / MB;
            if (neededBytes.isPresent()) {
                // rounded up: "about 0 MB needed" would read as if nothing were missing
                long neededMb = Math.max(1, (neededBytes.getAsLong() + MB - 1) / MB);
                return new StorageFault(kind, "storage.full.needed", new Object[] {folder.toString(), freeMb,
                        neededMb}, cause);
            }
            return new StorageFault(kind, kind.key, new Object[] {folder.toString(), freeMb}, cause);
        }
        return new StorageFault(kind, kind.key, new Object[] {kind == Kind.READ_ONLY ? folder.toString()
                : file.toString()}, cause);
    }

    /** The free space for this user on the disk holding {@code folder} (its nearest existing parent). */
    private static OptionalLong usableSpace(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return OptionalLong.empty();
        }
        try {
            FileStore store = Files.getFileStore(existing);
            return OptionalLong.of(store.getUsableSpace());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The storage fault in {@code error}'s chain of causes: SQLite's result code when the driver gives one
     * (its low byte is the primary code), else the words SQLite and the operating system use, which survive
     * being wrapped (Flyway, our own messages).
     */
    static Optional<Kind> kindOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<Kind> kind = kindOfOne(t);
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }

    private static Optional<Kind> kindOfOne(Throwable t) {
        if (t instanceof StorageFault fault) {
            return Optional.of(fault.kind);
        }
        if (t instanceof ReadOnlyFileSystemException || t instanceof AccessDeniedException) {
            return Optional.of(Kind.READ_ONLY);
        }
        if (t instanceof SQLException sql) {
            Kind kind = switch (sql.getErrorCode() & 0xff) {
                case 13 -> Kind.FULL; // SQLITE_FULL
                case 8, 3 -> Kind.READ_ONLY; // SQLITE_READONLY, SQLITE_PERM
                case 14 -> Kind.CANNOT_OPEN; // SQLITE_CANTOPEN
                case 10 -> Kind.DISK_ERROR; // SQLITE_IOERR
                case 11 -> Kind.DAMAGED; // SQLITE_CORRUPT
                default -> null;
            };
            if (kind != null) {
                return Optional.of(kind);
            }
        }
        String text = t instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : t.getMessage();
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("sqlite_full") || lower.contains("database or disk is full")
                || lower.contains("no space left on device") || lower.contains("disk quota exceeded")) {
            return Optional.of(Kind.FULL);
        }
        if (lower.contains("sqlite_readonly") || lower.contains("attempt to write a readonly database")
                || lower.contains("read-only file system") || lower.contains("permission denied")) {
            return Optional.of(Kind.READ_ONLY);
        }
        if (lower.contains("sqlite_cantopen") || lower.contains("unable to open database file")) {
            return Optional.of(Kind.CANNOT_OPEN);
        }
        if (lower.contains("sqlite_ioerr") || lower.contains("disk i/o error")) {
            return Optional.of(Kind.DISK_ERROR);
        }
        if (lower.contains("sqlite_corrupt") || lower.contains("database disk image is malformed")) {
            return Optional.of(Kind.DAMAGED);
        }
        return Optional.empty();
    }
}
