package org.memberdesk.ui;

import org.memberdesk.ui.common.ServerConnectDialog;

import org.memberdesk.ui.common.AppIcon;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.memberdesk.app.AppContext;
import org.memberdesk.app.Startup;
import org.memberdesk.demo.Business;
import org.memberdesk.demo.DemoLoader;
import org.memberdesk.staff.Actor;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.FxDialogService;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.shell.UiPreferences;

/**
 * The desktop application: reads the start options, opens the database off the JavaFX thread
 * (started in {@link #init()}, while {@link #start} builds the window's frame), and shows the main
 * window.
 */
public final class DesktopApp extends Application {
    /** The logger {@code --startup-timing} reports its one JSON line to (the Launcher prints it on stdout). */
    public static final String STARTUP_TIMING_LOG = "org.memberdesk.startup-timing";
    /** The kind of business {@code --demo} shows. */
    private static final Business DEMO_BUSINESS = Business.SCENIC;

    private LaunchOptions options;
    private UiPreferences preferences;
    private Language language;
    private AppContext app;
    private Throwable openFailure;
    private AppWindow window;
    private Startup.Ready ready;
    private Startup.OpenElsewhere openElsewhere;
    private FutureTask<Startup.Outcome> opening;
    /** The database opened by default (not named by --db or --demo): remembered for the next start. */
    private Path openedFile;
    /** The file being opened: when it fails, the one a backup is restored over. */
    private Path failingFile;
    /**
     * The server being connected to (its address as typed), or null when a file is being opened: remembered
     * (without its password) for the next start once it is open; offered again when it fails.
     */
    private String server;
    private long databaseOpenedMillis;
    /** The shop's own database (the one a start opens by default): the demo's way back. */
    private Path shopFile;

    public static void start(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    /**
     * Runs on the launcher thread while the JavaFX thread is idle: reads the options and starts
     * opening the database on a thread of its own, so {@link #start} builds the window's frame (theme,
     * icon, scene) meanwhile and waits only for what is left of it.
     */
    @Override
    public void init() {
        AppLook.prepareFonts();
        preferences = UiPreferences.forCurrentUser();
        try {
            options = LaunchOptions.parse(getParameters().getRaw());
            language = options.language().orElseGet(() ->
                    preferences.language().map(Language::of).orElseGet(Language::fromOs));
            shopFile = preferences.lastDatabase().orElseGet(Startup::defaultDatabase);
            // --db postgresql://…, or the server this computer connected to last (docs/multi-store.md)
            java.util.Optional<String> server = options.server().or(() -> options.database().isEmpty() && !options.demo()
                    ? preferences.lastServer() : java.util.Optional.empty());
            if (server.isPresent()) {
                startOpeningServer(server.get(), null, false);
                return;
            }
            // --demo: a demo database of its own, never the shop's file (unless --db names one)
            Path file = options.database().orElseGet(() -> options.demo()
                    ? DemoLoader.databaseIn(Startup.dataFolder(), DEMO_BUSINESS)
                    : shopFile);
            startOpening(file);
            if (options.database().isEmpty() && !options.demo()) {
                openedFile = file;
            }
        } catch (RuntimeException e) {
            openFailure = e;
            language = Objects.requireNonNullElseGet(language, Language::fromOs);
        }
    }

    /** Connects to a server database on a thread of its own, as {@link #startOpening} opens a file. */
    private void startOpeningServer(String location, String password, boolean remember) {
        server = location;
        startOpening(() -> Startup.openServer(location, password, remember, Clock.systemDefaultZone(),
                firstActor()));
    }

    /** Opens the file on a thread of its own; one window per database: a second start brings the first forward. */
    private void startOpening(Path file) {
        failingFile = file;
        server = null;
        startOpening(() -> {
            Startup.useKeptSqliteLibrary();
            return Startup.open(file, Clock.systemDefaultZone(), firstActor());
        });
    }

    private void startOpening(java.util.concurrent.Callable<Startup.Outcome> open) {
        opening = new FutureTask<>(() -> {
            Startup.Outcome outcome = open.call();
            // read by start() after opening.get(), which makes the write visible there
            databaseOpenedMillis = System.currentTimeMillis();
            return outcome;
        });
        Thread opener = new Thread(opening, "memberdesk-open");
        opener.setDaemon(true);
        opener.start();
    }

    /**
     * Who acts when the window opens: nobody until a staff member's PIN; {@code --startup-timing} measures the
     * start as the owner, as the command line acts (whoever runs it can read the file anyway).
     */
    private Actor firstActor() {
        return options != null && options.startupTiming() ? Actor.commandLine() : Actor.NOBODY;
    }

    /** Another database file, with the chooser File → Open database… uses. */
    private Optional<Path> chooseDatabase(Stage stage) {
        return new FxDialogService(() -> stage, language::messages).chooseOpenFile(
                language.messages().get("menu.file.open"), language.messages().get("file.db"), "*.db", "*.sqlite");
    }

    /** A backup of the file that failed, the chooser opening in its backups folder. */
    private Optional<Path> chooseBackup(Stage stage) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(language.messages().get("error.open.restore"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(
                language.messages().get("file.db"), "*.db", "*.sqlite"));
        java.io.File backups = Startup.backupsFolderFor(failingFile).toFile();
        if (backups.isDirectory()) {
            chooser.setInitialDirectory(backups);
        }
        return Optional.ofNullable(chooser.showOpenDialog(stage)).map(java.io.File::toPath);
    }

    /**
     * Puts {@code backup} in place of {@code database}, which cannot be opened: the same restore as Settings → Data
     * and the command line (tried on a copy first; the current file kept as a before-restore backup), on the
     * database opened read-only for rescue. No window is open yet, so the start waits for it, as it waits for the
     * opening itself. Returns why it was refused, or null when the backup is in place.
     */
    private Throwable restoreOver(Path database, Path backup) {
        FutureTask<Void> restoring = new FutureTask<>(() -> {
            Startup.restoreOver(database, backup, Clock.systemDefaultZone());
            return null;
        });
        Thread restorer = new Thread(restoring, "memberdesk-restore");
        restorer.setDaemon(true);
        restorer.start();
        try {
            restoring.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** Waits for the database {@link #init} started opening; afterwards exactly one outcome is set. */
    private void awaitDatabase() {
        if (opening == null) {
            return;
        }
        try {
            Startup.Outcome outcome = opening.get();
            if (outcome instanceof Startup.OpenElsewhere elsewhere) {
                openElsewhere = elsewhere;
                return;
            }
            ready = (Startup.Ready) outcome;
            app = ready.context();
            if (server != null) {
                preferences.setLastServer(Startup.withoutPassword(server));
            } else if (openedFile != null) {
                preferences.setLastDatabase(openedFile);
            }
        } catch (ExecutionException e) {
            openFailure = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            openFailure = e;
        }
    }

    @Override
    public void start(Stage stage) {
        AppIcon.applyTo(stage);
        Scene scene = new Scene(new StackPane(), WindowSize.WIDTH, WindowSize.HEIGHT);
        AppLook.style(scene);
        stage.setScene(scene);
        Rectangle2D visual = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(WindowSize.minWidth(visual));
        stage.setMinHeight(WindowSize.minHeight(visual));
        // a 1024 × 700 screen: the window fits its usable area instead of reaching below the taskbar
        WindowSize.within(visual).ifPresent(bounds -> {
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
        });
        place(stage);
        awaitDatabase();
        while (openFailure != null && openElsewhere == null) {
            OpenFailureDialog.Choice choice = new OpenFailureDialog(language.messages(),
                    ErrorText.describe(openFailure, language.messages()), server != null).ask();
            if (choice == OpenFailureDialog.Choice.QUIT) {
                Platform.exit();
                return;
            }
            if (choice == OpenFailureDialog.Choice.SERVER) {
                String typed = server != null ? Startup.withoutPassword(server)
                        : preferences.lastServer().orElse("");
                Optional<ServerConnectDialog.Login> login = new ServerConnectDialog(language.messages(), null, typed).ask();
                if (login.isPresent()) {
                    openFailure = null;
                    startOpeningServer(login.get().location(), login.get().password(), login.get().remember());
                    awaitDatabase();
                }
                continue;
            }
            Optional<Path> chosen = choice == OpenFailureDialog.Choice.RESTORE ? chooseBackup(stage)
                    : chooseDatabase(stage);
            if (chosen.isEmpty()) {
                continue; // the chooser was closed: ask again
            }
            if (choice == OpenFailureDialog.Choice.RESTORE) {
                Throwable refused = restoreOver(failingFile, chosen.get());
                if (refused != null) {
                    openFailure = refused; // why the backup was refused; the file is as it was
                    continue;
                }
                chosen = Optional.of(failingFile);
            }
            openFailure = null;
            openedFile = chosen.get();
            startOpening(chosen.get());
            awaitDatabase();
        }
        if (openElsewhere != null) {
            if (!openElsewhere.broughtForward()) {
                Alert alert = new Alert(Alert.AlertType.WARNING,
                        language.messages().get("instance.inUse", openElsewhere.database()));
                alert.setHeaderText(language.messages().get("instance.inUse.title"));
                AppIcon.applyTo((Stage) alert.getDialogPane().getScene().getWindow());
                alert.showAndWait();
            }
            Platform.exit();
            return;
        }
        window = new AppWindow(stage, preferences, app, language, Clock.systemDefaultZone(),
                Startup.dataFolder(), firstActor());
        window.own(ready);
        window.show(options.startupTiming() ? "members" : AppWindow.START_SCREEN);
        stage.setOnCloseRequest(event -> window.rememberPlacement());
        stage.show();
        if (options.startupTiming()) {
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            new StartupTiming(window, jvmStart, databaseOpenedMillis - jvmStart,
                    System.currentTimeMillis() - jvmStart).run();
        } else if (options.demo()) {
            // the shop's first questions and the demo's filling come once someone is signed in, and act as them
            window.whenSignedIn(() -> window.demoOnStart(DEMO_BUSINESS, options.database().isPresent(), shopFile));
        } else {
            window.whenSignedIn(window::firstRunIfNeeded);
        }
        // the daily backup and the growth system's daily work wait until the window is on screen
        window.startDailyWork(!options.startupTiming());
    }

    private void place(Stage stage) {
        preferences.placement().ifPresent(p -> {
            boolean visible = !javafx.stage.Screen.getScreensForRectangle(
                    new Rectangle2D(p.x(), p.y(), Math.max(1, p.width()), Math.max(1, p.height()))).isEmpty();
            // the screen it was on, or the primary one: a place from a larger monitor is made to fit
            Rectangle2D visual = javafx.stage.Screen.getScreensForRectangle(p.x(), p.y(), 1, 1).stream().findFirst()
                    .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
            Rectangle2D fitted = WindowSize.remembered(new Rectangle2D(p.x(), p.y(), Math.max(1, p.width()),
                    Math.max(1, p.height())), visual);
            if (visible) {
                stage.setX(fitted.getMinX());
                stage.setY(fitted.getMinY());
            }
            stage.setWidth(fitted.getWidth());
            stage.setHeight(fitted.getHeight());
            stage.setMaximized(p.maximized());
        });
    }

    @Override
    public void stop() {
        if (window != null) {
            window.rememberPlacement();
            window.releaseDatabase();
        } else if (ready != null) {
            ready.close();
        }
    }
}
