package org.memberdesk.ui;

import atlantafx.base.theme.PrimerLight;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.memberdesk.AppContext;
import org.memberdesk.db.DataFolder;
import org.memberdesk.db.Database;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.shell.UiPreferences;

/**
 * The desktop application: reads the start options, opens the database off the JavaFX thread
 * ({@link #init()} runs on the launcher thread), and shows the main window.
 */
public final class DesktopApp extends Application {
    public static final String STYLESHEET = "/org/memberdesk/ui/app.css";

    private LaunchOptions options;
    private UiPreferences preferences;
    private Language language;
    private AppContext app;
    private Throwable openFailure;
    private AppWindow window;

    public static void start(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void init() {
        preferences = UiPreferences.forCurrentUser();
        try {
            options = LaunchOptions.parse(getParameters().getRaw());
            language = options.language().orElseGet(() ->
                    preferences.language().map(Language::of).orElseGet(Language::fromOs));
            Path file = options.database().orElseGet(() -> options.demo()
                    ? DataFolder.forCurrentUser().resolve("demo.db")
                    : preferences.lastDatabase().orElseGet(DataFolder::defaultDatabase));
            app = new AppContext(Database.open(file), Clock.systemDefaultZone());
            if (options.database().isEmpty() && !options.demo()) {
                preferences.setLastDatabase(file);
            }
        } catch (RuntimeException e) {
            openFailure = e;
            language = Objects.requireNonNullElseGet(language, Language::fromOs);
        }
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        if (openFailure != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, ErrorText.describe(openFailure, language.messages()));
            alert.setHeaderText(language.messages().get("error.open"));
            alert.showAndWait();
            Platform.exit();
            return;
        }
        Scene scene = new Scene(new StackPane(), 1200, 760);
        scene.getStylesheets().add(Objects.requireNonNull(DesktopApp.class.getResource(STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        place(stage);
        window = new AppWindow(stage, preferences, app, language, Clock.systemDefaultZone());
        window.show(options.selfTest() ? "members" : preferences.lastScreen().orElse("members"));
        stage.setOnCloseRequest(event -> window.rememberPlacement());
        stage.show();
        if (options.selfTest()) {
            new SelfTest(window, ManagementFactory.getRuntimeMXBean().getStartTime()).run();
        } else if (options.demo()) {
            window.demoIfEmpty();
        } else {
            window.firstRunIfNeeded();
        }
        if (!options.selfTest()) {
            window.dailyGrowth();
        }
    }

    private void place(Stage stage) {
        preferences.placement().ifPresent(p -> {
            boolean visible = !javafx.stage.Screen.getScreensForRectangle(
                    new Rectangle2D(p.x(), p.y(), Math.max(1, p.width()), Math.max(1, p.height()))).isEmpty();
            if (visible) {
                stage.setX(p.x());
                stage.setY(p.y());
            }
            stage.setWidth(p.width());
            stage.setHeight(p.height());
            stage.setMaximized(p.maximized());
        });
    }

    @Override
    public void stop() {
        if (window != null) {
            window.rememberPlacement();
        }
    }
}
