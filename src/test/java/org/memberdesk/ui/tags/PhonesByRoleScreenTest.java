package org.memberdesk.ui.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.Role;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * Issue 18 item 6, on the real window: the segment preview and the member pane show 138****1234 to a manager (and
 * the pane to a cashier), and the owner sees 13812341234.
 */
class PhonesByRoleScreenTest extends FxRobot {
    private UiFixture ui;
    private Actor cashier;
    private Actor manager;
    private final Actor owner = Actor.commandLine("boss");

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of("M00000001,王芳,13812341234,F,,2025-01-01,抖音,"));
        cashier = new Actor(ui.app().staff().add("小王", Role.CASHIER, "1234").id(), "小王", Role.CASHIER);
        manager = new Actor(ui.app().staff().add("李姐", Role.MANAGER, "5678").id(), "李姐", Role.MANAGER);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void finding6_theSegmentPreviewMasksPhonesForAManagerNotForTheOwner() throws Exception {
        ui.app().session().become(manager);
        ui.open("tags", Language.ENGLISH);
        clickOn("#rule-text").write("channel = 抖音");
        TableView<?> preview = lookup("#segments-preview").queryTableView();
        UiFixture.waitUntil(() -> preview.getItems().size() == 1);
        assertEquals("138****1234", cellText(preview, 2));

        ui.app().session().become(owner);
        clickOn("#rule-text").type(KeyCode.END).write(" ");
        UiFixture.waitUntil(() -> "13812341234".equals(cellText(preview, 2)));
    }

    @Test
    void finding6_theMemberPaneMasksThePhoneForACashierAndAManagerTheOwnerRevealsIt() throws Exception {
        ui.app().session().become(cashier);
        ui.open("members", Language.ENGLISH);
        for (Actor actor : List.of(cashier, manager, owner)) {
            ui.app().session().become(actor);
            clickOn("#member-search").write("1234");
            UiFixture.waitUntil(() -> lookup("#members-table").queryTableView().getItems().size() == 1
                    && lookup("#members-table").queryTableView().getItems().get(0) != null);
            type(KeyCode.DOWN);
            UiFixture.waitUntil(() -> lookup("#detail-phone").tryQuery().isPresent());
            assertEquals("138****1234", lookup("#detail-phone").queryAs(Label.class).getText(), actor.name());
            if (actor == owner) {
                clickOn("#detail-reveal");
                assertEquals("13812341234", lookup("#detail-phone").queryAs(Label.class).getText());
                return;
            }
            assertTrue(lookup("#detail-reveal").tryQuery().isEmpty(), "no reveal for " + actor.name());
            // someone else at the computer opens the member afresh: the search first finds no one
            clickOn("#member-search").eraseText(4).write("9999");
            UiFixture.waitUntil(() -> lookup("#members-table").queryTableView().getItems().isEmpty()
                    && lookup("#detail-phone").tryQuery().isEmpty());
            clickOn("#member-search").eraseText(4);
        }
    }

    private String cellText(TableView<?> table, int column) {
        Object value = table.getColumns().get(column).getCellData(0);
        return value == null ? null : value.toString();
    }
}
