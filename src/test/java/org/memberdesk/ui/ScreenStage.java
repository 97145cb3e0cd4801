package org.memberdesk.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.shell.Screen;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** One screen alone in a window (the app's theme and stylesheet) on a given database, for a TestFX test. */
public final class ScreenStage {
    private ScreenStage() {
    }

    /** An English context on {@code database} where "now" is {@code now}. */
    public static UiContext context(Path database, LocalDateTime now, TaskExecutor tasks, RecordingDialogs dialogs) {
        Clock clock = Clock.fixed(now.atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
        return new UiContext(new AppContext(Database.open(database), clock), Messages.english(), tasks, dialogs,
                new DataChanges());
    }

    /**
     * Builds the screen on the FX thread (controls need the toolkit), shows it in a 1200 × 760 window (within
     * Monocle's screen) and tells it it is shown.
     */
    public static void show(java.util.function.Supplier<Screen> build) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Screen screen = build.get();
            Scene scene = new Scene((Parent) screen.view(), 1200, 760);
            AppLook.style(scene);
            stage.setScene(scene);
            stage.show();
            screen.shown();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
