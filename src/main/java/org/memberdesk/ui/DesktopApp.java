package org.memberdesk.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.memberdesk.Startup;
import org.memberdesk.common.Messages;
import org.memberdesk.db.DataFolder;

/** The desktop application (the windows are built in the desktop-app issue). */
public final class DesktopApp extends Application {
    private Startup.Ready ready;

    public static void start(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Messages messages = new Messages(Locale.getDefault());
        Path file = database(getParameters().getRaw());
        Startup.Outcome outcome = Startup.open(file, Clock.systemDefaultZone());
        if (outcome instanceof Startup.OpenElsewhere elsewhere) {
            if (!elsewhere.broughtForward()) {
                Alert alert = new Alert(Alert.AlertType.ERROR, messages.get("instance.inUse", file));
                alert.setHeaderText(messages.get("instance.inUse.title"));
                AppIcon.applyTo((Stage) alert.getDialogPane().getScene().getWindow());
                alert.showAndWait();
            }
            Platform.exit();
            return;
        }
        ready = (Startup.Ready) outcome;
        ready.owner().onShowRequest(() -> Platform.runLater(() -> {
            stage.setIconified(false);
            stage.show();
            stage.toFront();
        }));
        Thread daily = new Thread(ready::dailyBackup, "memberdesk-daily-backup");
        daily.setDaemon(true);
        daily.start();
        stage.setTitle("MemberDesk");
        AppIcon.applyTo(stage);
        stage.setScene(new Scene(new Label("MemberDesk"), 640, 400));
        stage.show();
    }

    @Override
    public void stop() {
        if (ready != null) {
            ready.close();
        }
    }

    private static Path database(List<String> args) {
        int at = args.indexOf("--db");
        return at >= 0 && at + 1 < args.size() ? Path.of(args.get(at + 1)) : DataFolder.defaultDatabase();
    }
}
