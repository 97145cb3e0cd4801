package org.memberdesk.ui.common;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;

/** A UiContext for view-model tests: a real database in a temp folder, tasks run at once, dialogs recorded. */
public final class TestContext {
    public static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 15, 14, 30);

    private TestContext() {
    }

    public static UiContext create(Path folder, RecordingDialogs dialogs) {
        Clock clock = Clock.fixed(NOW.atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
        AppContext app = new AppContext(Database.open(folder.resolve("vm.db")), clock);
        return new UiContext(app, Messages.english(), new SameThreadTaskExecutor(dialogs), dialogs, new DataChanges());
    }
}
