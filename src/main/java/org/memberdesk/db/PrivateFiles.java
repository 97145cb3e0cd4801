package org.memberdesk.db;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The shop's files are readable only by the person who runs MemberDesk: on Linux and macOS folders
 * the app makes are rwx------ (0700) and files rw------- (0600). Members' names and phones are
 * personal data, and a shared computer has other users. Where the file system has no POSIX
 * permissions (Windows) nothing is done: the user's profile folders are private there already.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    static boolean posix(Path path) {
        FileSystem fs = path.getFileSystem();
        return fs.supportedFileAttributeViews().contains("posix");
    }

    /** The attribute that makes a new file private, for {@code Files.createFile}/{@code createTempFile}. */
    static FileAttribute<?>[] fileAttributes(Path path) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /**
     * Creates the folder and any missing parents; the ones created here are private. Folders that
     * already exist keep their permissions: a person's Documents folder or /tmp is not ours to change.
     */
    public static Path createFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        if (posix(absolute)) {
            return Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
        }
        return Files.createDirectories(absolute);
    }

    /**
     * A folder that belongs to MemberDesk (the data folder, backups, logs, reports): created when
     * missing and made private even when it existed before (older versions left them 0755).
     */
    public static Path ownFolder(Path folder) throws IOException {
        Path absolute = createFolders(folder);
        if (posix(absolute)) {
            Files.setPosixFilePermissions(absolute, FOLDER);
        }
        return absolute;
    }

    /** Makes an existing file private (rw-------); a missing file is left missing. */
    public static void makePrivate(Path file) throws IOException {
        if (posix(file) && Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Creates an empty private file unless it exists (e.g. a new database before SQLite opens it). */
    public static void createPrivate(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, fileAttributes(file));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // created meanwhile by another process: its own permissions stand
            }
        }
    }
}
