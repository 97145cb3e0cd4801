package org.memberdesk.ui.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What this computer's user chose: language, last database, window placement, last screen. Kept in
 * java.util.prefs (per user, outside the database: two people sharing a shop file keep their own).
 * Tests pass their own node.
 */
public final class UiPreferences {
    private final Preferences node;

    public UiPreferences(Preferences node) {
        this.node = node;
    }

    public static UiPreferences forCurrentUser() {
        return new UiPreferences(Preferences.userRoot().node("org/memberdesk/ui"));
    }

    /** The saved language, if the person ever chose one. */
    public Optional<Locale> language() {
        String tag = node.get("language", null);
        return tag == null ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    public void setLanguage(Locale locale) {
        node.put("language", locale.toLanguageTag());
        flush();
    }

    public Optional<Path> lastDatabase() {
        String path = node.get("database", null);
        return path == null || lastServer().isPresent() ? Optional.empty() : Optional.of(Path.of(path));
    }

    /** The PostgreSQL server last connected to (its address without the password), when that was the last. */
    public Optional<String> lastServer() {
        return Optional.ofNullable(node.get("database", null))
                .filter(org.memberdesk.app.Startup::isServerLocation);
    }

    /** Remembers a server as the database to open next time; the caller gives the address without a password. */
    public void setLastServer(String location) {
        node.put("database", location);
        flush();
    }

    public void setLastDatabase(Path file) {
        node.put("database", file.toAbsolutePath().toString());
        flush();
    }

    public Optional<String> lastScreen() {
        return Optional.ofNullable(node.get("screen", null));
    }

    public void setLastScreen(String id) {
        node.put("screen", id);
    }

    /** Window bounds; absent until the window was closed once. */
    public record Placement(double x, double y, double width, double height, boolean maximized) {
    }

    public Optional<Placement> placement() {
        double width = node.getDouble("window.width", -1);
        if (width <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Placement(node.getDouble("window.x", 0), node.getDouble("window.y", 0), width,
                node.getDouble("window.height", 700), node.getBoolean("window.maximized", false)));
    }

    public void setPlacement(Placement placement) {
        node.putDouble("window.x", placement.x());
        node.putDouble("window.y", placement.y());
        node.putDouble("window.width", placement.width());
        node.putDouble("window.height", placement.height());
        node.putBoolean("window.maximized", placement.maximized());
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // preferences are a convenience: the app works the same without them
        }
    }
}
