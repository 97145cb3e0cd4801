package org.memberdesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.AppWindow;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** Issue 19, defect 7: one shortcut, one meaning, shown in the menus; a shop starts on the counter. */
class ShellKeysTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of("M00000001,王芳,13812341234,F,,2025-01-01,门店,"));
        ui.open("dashboard", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private MenuItem fileItem(String id) {
        Menu file = lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(0);
        return file.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void defect7_ctrlNIsNewMemberAndNewDatabaseHasItsOwnShortcutBothShownInTheMenu() {
        assertEquals(KeyCombination.keyCombination("Shortcut+N"), fileItem("menu.file.newMember").getAccelerator());
        assertEquals(KeyCombination.keyCombination("Shortcut+Shift+N"), fileItem("menu.file.new").getAccelerator());
        assertEquals("New member…", fileItem("menu.file.newMember").getText());

        // Ctrl+N on the dashboard: the members screen with its form for a new member (not a file chooser)
        press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        UiFixture.waitUntil(() -> lookup("#member-form").tryQuery().isPresent());
        assertEquals(Optional.of("members"), ui.window().window().currentScreenId());
        targetWindow(lookup("#member-form").query().getScene().getWindow());
        type(KeyCode.ESCAPE);
        UiFixture.waitUntil(() -> lookup("#member-form").tryQuery().isEmpty());
        targetWindow(ui.stage());

        // on the counter, Ctrl+N is the counter's own form, the phone typed in the lookup filled in
        type(KeyCode.F2);
        UiFixture.waitUntil(() -> lookup("#counter-lookup").query().isFocused());
        write("13900001111");
        press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        UiFixture.waitUntil(() -> lookup("#member-form").tryQuery().isPresent());
        assertEquals("13900001111", lookup("#member-phone").queryTextInputControl().getText());
        assertEquals(Optional.of("counter"), ui.window().window().currentScreenId());
    }

    @Test
    void defect7_aShopStartsOnTheCounterAndSoDoesAnotherDatabaseOpened() throws Exception {
        assertEquals("counter", AppWindow.START_SCREEN);
        java.nio.file.Path other = ui.folder().resolve("other.db");
        org.memberdesk.app.AppContext prepared = new org.memberdesk.app.AppContext(
                org.memberdesk.db.Database.open(other), java.time.Clock.systemDefaultZone());
        prepared.shopProfile().setBusiness(org.memberdesk.demo.Business.GYM);
        clickOn("#nav-members");
        interact(() -> ui.window().open(other));
        UiFixture.waitUntil(() -> ui.stage().getTitle().startsWith("other.db"));
        UiFixture.waitUntil(() -> ui.window().window().currentScreenId().equals(Optional.of("counter")));
        UiFixture.waitUntil(() -> lookup("#counter-lookup").query().isFocused());
        assertTrue(lookup("#counter-lookup").tryQuery().isPresent());
    }
}
