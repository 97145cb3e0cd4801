package org.memberdesk.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * SQLite's native library, kept once per driver version and platform in the user's data folder.
 * Left alone, sqlite-jdbc copies it out of its jar into the temp folder on every start — under a new
 * random name, 1 MB written and read back to compare, after running {@code uname} to tell the
 * platform — about 0.15 s of every command and every window. Pointed at a kept copy
 * ({@code org.sqlite.lib.path} / {@code org.sqlite.lib.name}, which it tries first) it just loads it.
 * When the copy cannot be made or loaded the driver falls back to its own way, so this can only
 * save time, never stop the app.
 */
public final class SqliteLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteLibrary() {
    }

    /** Points the driver at the kept copy under {@code folder}, making it first if needed. */
    public static void useKeptCopy(Path folder) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return; // someone chose a library already
        }
        keptCopy(folder).ifPresent(library -> {
            System.setProperty(PATH_PROPERTY, library.getParent().toString());
            System.setProperty(NAME_PROPERTY, library.getFileName().toString());
        });
    }

    /**
     * The library of this driver version for this platform under {@code folder}, copied out of the
     * driver's jar the first time; empty when that cannot be done.
     */
    static Optional<Path> keptCopy(Path folder) {
        String name = System.mapLibraryName("sqlitejdbc");
        // the platform is in the folder's name, so a data folder shared between machines stays right
        String platform = (System.getProperty("os.name", "") + "-" + System.getProperty("os.arch", ""))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "");
        Path library = folder.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + platform).resolve(name);
        if (Files.isRegularFile(library)) {
            return Optional.of(library);
        }
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Files.createDirectories(library.getParent());
            // written aside and moved in whole: another process starting at the same moment never
            // loads half a file
            Path partial = Files.createTempFile(library.getParent(), name, ".part");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return Optional.of(library);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
