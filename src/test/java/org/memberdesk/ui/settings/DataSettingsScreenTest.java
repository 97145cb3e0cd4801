package org.memberdesk.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.ui.Scrolling;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** Settings → Data driven as a shop owner would: back up, change data, restore after confirming, About. */
class DataSettingsScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(java.util.List.of("M1,张三,13900000001,,,2025-01-01,,", "M2,李四,13900000002,,,2025-01-01,,"));
        ui.open("settings", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private ListView<?> list() {
        return lookup("#backup-list").queryListView();
    }

    private String status() {
        return lookup("#backup-status").queryAs(Label.class).getText();
    }

    @Test
    void backUpThenRestoreAfterConfirming() throws Exception {
        // the import in boot() was backed up before it ran? no: the database was empty then
        UiFixture.waitUntil(() -> list().getItems().isEmpty());
        clickOn("#backup-now");
        UiFixture.waitUntil(() -> list().getItems().size() == 1);
        assertTrue(status().startsWith("Backed up: "), status());

        ui.importMembers(java.util.List.of("M3,王五,13900000003,,,2025-01-01,,"));
        assertEquals(3, ui.app().members().count(MemberQuery.all()));

        clickOn("#backup-now"); // refreshes the list: now the import's own backup and ours
        UiFixture.waitUntil(() -> list().getItems().size() == 3);
        interact(() -> list().getSelectionModel().select(2)); // the oldest: two members
        clickOn("#backup-restore");
        clickOn("OK");
        UiFixture.waitUntil(() -> status().startsWith("Restored "));
        assertEquals(2, ui.app().members().count(MemberQuery.all()));
        UiFixture.waitUntil(() -> list().getItems().size() == 4);
    }

    @Test
    void checkTheDatabaseAndCopyDiagnostics() {
        clickOn("#backup-check");
        UiFixture.waitUntil(() -> status().equals("The database check found no problems."));
        // below the fold when the window is in the taller bundled font (a computer without a Chinese font)
        clickOn(Scrolling.reveal(this, "#diagnostics-copy"));
        UiFixture.waitUntil(() -> status().startsWith("Diagnostics copied"));
        String copied = interactGet(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(copied.contains("Database: " + ui.app().database().file()), copied);
    }

    @Test
    void aboutShowsTheVersionAndWhereTheFilesAre() {
        clickOn(Scrolling.reveal(this, "#about-open"));
        UiFixture.waitUntil(() -> lookup("#about-database").tryQuery().isPresent());
        assertEquals(ui.app().database().file().toString(), lookup("#about-database").queryAs(Label.class).getText());
        assertTrue(lookup("#about-log").queryAs(Label.class).getText().endsWith("memberdesk-0.log"));
        clickOn("Close");
    }

    private <T> T interactGet(java.util.concurrent.Callable<T> call) {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> {
            try {
                result.set(call.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return result.get();
    }
}
