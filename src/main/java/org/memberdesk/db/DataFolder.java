package org.memberdesk.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where a user's database lives by default: the operating system's per-user data folder. */
public final class DataFolder {
    private DataFolder() {
    }

    public static Path forCurrentUser() {
        // a test run keeps its files (a server database's backups …) out of the user's real data folder
        String given = System.getProperty("memberdesk.data.folder", "");
        if (!given.isBlank()) {
            return Path.of(given);
        }
        return resolve(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path resolve(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "MemberDesk") : home.resolve("AppData/Roaming/MemberDesk");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/MemberDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return base.resolve("memberdesk");
    }

    /**
     * The data folder, created when missing and made private (0700 on Linux and macOS; older versions left it
     * 0755). When it cannot be, it is returned as it is: whatever needs a file in it reports its own error.
     */
    public static Path privateFolder() {
        Path folder = forCurrentUser();
        try {
            return PrivateFiles.ownFolder(folder);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return folder;
        }
    }

    public static Path defaultDatabase() {
        return forCurrentUser().resolve("memberdesk.db");
    }
}
