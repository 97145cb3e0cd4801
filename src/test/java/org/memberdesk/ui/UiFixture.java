package org.memberdesk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.memberdesk.app.AppContext;
import org.memberdesk.db.Database;
import org.memberdesk.demo.Business;
import org.memberdesk.staff.Actor;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.shell.UiPreferences;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Boots the real main window on a fresh temporary database for a TestFX test:
 * {@code UiFixture ui = UiFixture.boot("members", Language.ENGLISH)}, then drive it with an FxRobot
 * and {@link #close()} it after. The database is set up (business chosen) so no first-run dialog
 * appears; add members through {@link #app()} before or during the test. Preferences go to a
 * throw-away node, never the developer's own.
 *
 * <p>Who acts: the owner as on the command line ({@code cli:USER}), in this database and any other the window
 * opens, so tests never meet the sign-in. To start as the app does, with nobody: add staff through {@link #app()}
 * (as the owner), then {@code app().staff().lock()} before {@link #open}.
 */
public final class UiFixture implements AutoCloseable {
    private final Path folder;
    private final AppContext app;
    private final Preferences node;
    private AppWindow window;
    private Stage stage;

    private UiFixture(Path folder, AppContext app, Preferences node) {
        this.folder = folder;
        this.app = app;
        this.node = node;
    }

    /** A fixture whose database exists but whose window is not open yet (to add data first). */
    public static UiFixture prepare() throws Exception {
        UiFixture fixture = prepareNew();
        fixture.app.shopProfile().setBusiness(Business.SHOP);
        return fixture;
    }

    /** A database that was never set up: opening it asks the first-run questions. */
    public static UiFixture prepareNew() throws Exception {
        Path folder = Files.createTempDirectory("memberdesk-ui-test");
        AppContext app = new AppContext(Database.open(folder.resolve("test.db")), Clock.systemDefaultZone());
        Preferences node = Preferences.userRoot().node("org/memberdesk/test/" + UUID.randomUUID());
        return new UiFixture(folder, app, node);
    }

    public static UiFixture boot(String screenId, Language language) throws Exception {
        return prepare().open(screenId, language);
    }

    public UiFixture open(String screenId, Language language) throws Exception {
        FxToolkit.registerPrimaryStage();
        stage = FxToolkit.setupStage(s -> {
            Scene scene = new Scene(new StackPane(), 1200, 760);
            AppLook.style(scene);
            s.setScene(scene);
            // the window's first size, whatever size an earlier test left the shared stage at (a layout check at
            // 1024 × 700 hides the sidebar's last items below the fold, and a click there would miss)
            s.setWidth(1200);
            s.setHeight(760);
            window = new AppWindow(s, new UiPreferences(node), app, language, Clock.systemDefaultZone(),
                    folder, Actor.commandLine());
            window.show(screenId);
            s.show();
            s.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /**
     * Adds members in one import (fast, unlike one transaction per member): each CSV line is
     * {@code member_no,name,phone,gender,birthday,join_date,channel,referrer_no}.
     */
    public void importMembers(java.util.List<String> lines) throws IOException {
        Path csv = folder.resolve("seed-" + UUID.randomUUID() + ".csv");
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add("member_no,name,phone,gender,birthday,join_date,channel,referrer_no");
        all.addAll(lines);
        Files.write(csv, all, java.nio.charset.StandardCharsets.UTF_8);
        var result = app.memberImporter().importFile(csv, org.memberdesk.io.ImportOptions.defaults(),
                org.memberdesk.common.Progress.NONE, org.memberdesk.common.Messages.english());
        if (result.rejected() > 0) {
            throw new IllegalStateException("seed rows rejected: " + result.report());
        }
    }

    public UiPreferences preferences() {
        return new UiPreferences(node);
    }

    public AppContext app() {
        return app;
    }

    public AppWindow window() {
        return window;
    }

    public Stage stage() {
        return stage;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Waits (up to 20 s) for background work to make the condition true. A condition that holds returns at once, so
     * the limit only decides how long a failing test takes: 10 s was passed once by a freeze saved while three test
     * JVMs shared the 2 cores (MemberCardsScreenTest, Dec 2026), and the suite now runs two JVMs side by side.
     */
    public static void waitUntil(BooleanSupplier condition) {
        waitUntil(20, condition);
    }

    public static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not reached within " + seconds + " s", e);
        }
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        try {
            node.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // a throw-away node; nothing to keep
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // temp folder; the OS cleans it
                }
            });
        }
    }
}
