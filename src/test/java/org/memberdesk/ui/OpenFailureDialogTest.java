package org.memberdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The dialog the windows show when the database cannot be opened: the owner can put a backup back from the windows
 * (issue 14: "a shop can always get its data out and go back to a backup"), open another file, or quit.
 */
class OpenFailureDialogTest extends FxRobot {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private CompletableFuture<OpenFailureDialog.Choice> show(Messages messages) {
        CompletableFuture<OpenFailureDialog.Choice> choice = new CompletableFuture<>();
        Platform.runLater(() -> choice.complete(new OpenFailureDialog(messages, "why it failed").ask()));
        UiFixture.waitUntil(() -> lookup("#open-failure-restore").tryQuery().isPresent());
        return choice;
    }

    @Test
    void theOwnerCanRestoreABackupOpenAnotherFileOrQuit() throws Exception {
        CompletableFuture<OpenFailureDialog.Choice> restore = show(Messages.english());
        assertEquals("Restore a backup…", lookup("#open-failure-restore").queryAs(Labeled.class).getText());
        assertTrue(lookup(".content").queryAs(Labeled.class).getText().contains("why it failed"));
        clickOn("#open-failure-restore");
        assertEquals(OpenFailureDialog.Choice.RESTORE, restore.get(10, TimeUnit.SECONDS));

        CompletableFuture<OpenFailureDialog.Choice> other = show(Messages.english());
        clickOn("#open-failure-other");
        assertEquals(OpenFailureDialog.Choice.OTHER, other.get(10, TimeUnit.SECONDS));

        CompletableFuture<OpenFailureDialog.Choice> quit = show(Messages.chinese());
        assertEquals("恢复一份备份…", lookup("#open-failure-restore").queryAs(Labeled.class).getText());
        clickOn("#open-failure-quit");
        assertEquals(OpenFailureDialog.Choice.QUIT, quit.get(10, TimeUnit.SECONDS));
    }
}
