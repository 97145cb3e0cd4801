package org.memberdesk.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.LoggedActions;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.ScreenStage;
import org.memberdesk.ui.Scrolling;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.FxTaskExecutor;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.UiContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Issue 19, defect 7 (smaller): backups could only go to the folder beside the database. The owner picks a USB
 * drive's folder in Settings → Data (the folder chooser answers as the test tells it), backs up, and sees the
 * copy there; with the drive unplugged the backup is still made and the screen says so in words.
 */
class BackupFolderScreenTest extends FxRobot {
    @TempDir
    Path folder;
    private FxTaskExecutor tasks;
    private RecordingDialogs dialogs;
    private UiContext context;
    private Path usb;

    @BeforeEach
    void open() throws Exception {
        AppContext app = TestDatabase.open(folder);
        app.members().add(TestDatabase.member("M1", "王芳", "13800000001"));
        usb = Files.createDirectories(folder.resolve("usb"));
        dialogs = new RecordingDialogs(Messages.english());
        tasks = new FxTaskExecutor(dialogs, 2);
        context = ScreenStage.context(folder.resolve("test.db"), TestDatabase.NOW, tasks, dialogs);
        UiContext shown = context;
        ScreenStage.show(() -> new SettingsScreen(shown, language -> { }));
    }

    @AfterEach
    void close() throws Exception {
        tasks.shutdown();
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void defect7BackupFolder_theOwnerChoosesAUsbFolderAndTheBackupIsCopiedThere() throws Exception {
        UiFixture.waitUntil(() -> text("#backup-copy-folder").startsWith("No backup folder chosen"));
        assertTrue(lookup("#backup-copy-stop").queryAs(Button.class).isDisabled(), "nothing to stop yet");

        dialogs.folderAnswer = usb;
        clickOn(Scrolling.reveal(this, "#backup-copy-choose"));
        UiFixture.waitUntil(() -> text("#backup-copy-folder").equals(usb.toString()));
        assertEquals("Each daily and manual backup is now also copied to " + usb + ".", text("#backup-status"));
        assertFalse(lookup("#backup-copy-stop").queryAs(Button.class).isDisabled());
        assertEquals(Optional.of(usb), context.app().backupService().folders().chosen(), "remembered in the database");
        assertEquals(1, LoggedActions.of(context.app().database(), "settings").size(), "one log entry");

        clickOn(Scrolling.reveal(this, "#backup-now"));
        UiFixture.waitUntil(() -> text("#backup-status").startsWith("Backed up: "));
        assertTrue(text("#backup-status").endsWith("and copied to " + usb + "."), text("#backup-status"));
        try (var copies = Files.list(usb)) {
            assertEquals(1, copies.count());
        }
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void defect7BackupFolder_withTheDriveUnpluggedTheBackupIsMadeAndTheScreenSaysSo() throws Exception {
        dialogs.folderAnswer = usb;
        clickOn(Scrolling.reveal(this, "#backup-copy-choose"));
        UiFixture.waitUntil(() -> text("#backup-copy-folder").equals(usb.toString()));
        Files.delete(usb);

        clickOn(Scrolling.reveal(this, "#backup-now"));
        UiFixture.waitUntil(() -> text("#backup-status").startsWith("Backed up: "));
        assertTrue(text("#backup-status").contains("is not there (is the USB drive plugged in?)"), text("#backup-status"));
        assertEquals(1, context.app().backupService().list().size(), "the backup beside the database");
        assertEquals(List.of(), dialogs.errors, "said on the screen, no error dialog, no stack trace");
        assertFalse(Files.exists(usb));
    }

    @Test
    void defect7BlankEmptyStates_theStaffListSaysThereIsNoStaffYet() {
        clickOn("#settings-tab-staff");
        UiFixture.waitUntil(() -> lookup("#staff-table-empty").tryQuery().isPresent()
                && lookup("#staff-table-empty").query().isVisible());
        assertEquals("No staff yet: only the owner works here. Add a cashier or a manager on the right to give them a"
                + " PIN of their own.", text("#staff-table-empty"));
    }
}
