package org.memberdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.LoggedActions;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.staff.Role;
import org.memberdesk.ui.UiFixture;
import org.testfx.api.FxToolkit;

/**
 * A service that refuses the staff member acting, reached from a window's background task (issue 18): the attempt is
 * kept in the log naming them, and the person sees the sentence, not a stack trace.
 */
class RefusedTaskTest {
    @TempDir
    Path folder;
    private FxTaskExecutor tasks;

    @AfterEach
    void close() {
        tasks.shutdown();
    }

    @Test
    void finding3_aRefusalInTheWindowsIsLoggedAndShownInWords() throws Exception {
        FxToolkit.registerPrimaryStage();
        AppContext app = TestDatabase.open(folder);
        RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
        tasks = new FxTaskExecutor(dialogs, 1, app.operationLog()::recordRefused);
        LoggedActions.become(app, "小王", Role.CASHIER);

        tasks.execute(BackgroundTask.of(() -> app.staff().all()));

        UiFixture.waitUntil(() -> !dialogs.errors.isEmpty());
        assertEquals(List.of("小王 (Cashier) may not manage staff. Nothing was changed. Ask someone who may (Owner),"
                + " or switch staff."), dialogs.errors);
        assertEquals(List.of("小王|refused|staff|cashier 小王 may not manage staff (an owner may)"),
                LoggedActions.of(app.database(), "refused"));
    }
}
