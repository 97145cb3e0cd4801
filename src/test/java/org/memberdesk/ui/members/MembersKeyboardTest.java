package org.memberdesk.ui.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** Issue 19, defect 7 on the members screen: a single hit is opened; Enter serves the member, Ctrl+E edits. */
class MembersKeyboardTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of(
                "M00000001,王芳,13812341234,F,,2025-01-01,门店,",
                "M00000002,李娜,13900005678,F,,2025-01-01,门店,",
                "M00000003,张伟,13700009999,M,,2025-01-01,门店,"));
        ui.open("members", Language.ENGLISH);
        UiFixture.waitUntil(() -> lookup("#members-table").queryTableView().getItems().size() == 3);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void defect7_aSearchWithOneMatchShowsThatMemberAtOnce() {
        clickOn("#member-search").write("5678");
        // no key after the digits: the one match is opened in the detail pane
        UiFixture.waitUntil(() -> lookup("#detail-name").tryQuery().map(n -> "李娜".equals(((Label) n).getText()))
                .orElse(false));
        assertEquals("1 member", text("#member-count"));
    }

    @Test
    void defect7_enterOnAMemberRowServesThemAtTheCounterAndCtrlEEdits() {
        clickOn("#member-search").write("1234");
        UiFixture.waitUntil(() -> lookup("#detail-name").tryQuery().isPresent());
        // Ctrl+E: editing, asked for explicitly
        press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        UiFixture.waitUntil(() -> lookup("#member-form").tryQuery().isPresent());
        targetWindow(lookup("#member-form").query().getScene().getWindow());
        type(KeyCode.ESCAPE);
        UiFixture.waitUntil(() -> lookup("#member-form").tryQuery().isEmpty());
        targetWindow(ui.stage());

        clickOn("#member-search");
        type(KeyCode.DOWN);
        UiFixture.waitUntil(() -> lookup("#members-table").query().isFocused());
        type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> ui.window().window().currentScreenId().equals(Optional.of("counter")));
        UiFixture.waitUntil(() -> lookup("#counter-member-name").tryQuery().isPresent());
        assertEquals("王芳", text("#counter-member-name"));
        UiFixture.waitUntil(() -> lookup("#counter-item").query().isFocused());
        assertTrue(lookup("#member-form").tryQuery().isEmpty(), "Enter opened Edit member");
    }
}
