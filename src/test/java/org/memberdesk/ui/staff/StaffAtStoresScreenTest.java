package org.memberdesk.ui.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.staff.Role;
import org.memberdesk.staff.Staff;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * Staff at stores on the desktop (issue 21, item 2): the staff table shows and chooses each one's store only when the
 * shop has several; a cashier of another store is refused at this computer's sign-in in words.
 */
class StaffAtStoresScreenTest extends FxRobot {
    private UiFixture ui;

    @AfterEach
    void close() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    private String text(String query) {
        return lookup(query).tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }

    @SuppressWarnings("unchecked")
    private TableView<Staff> table() {
        return lookup("#staff-table").queryAs(TableView.class);
    }

    private List<String> visibleColumns() {
        return table().getColumns().stream().filter(TableColumn::isVisible).map(TableColumn::getText).toList();
    }

    /** Opens the staff settings as the owner 林. */
    private void openStaffSettings() throws Exception {
        openStaffSettings(Language.ENGLISH);
    }

    private void openStaffSettings(Language language) throws Exception {
        ui.app().staff().add("林", Role.OWNER, "2468");
        ui.app().staff().switchTo("林", "2468");
        ui.open("settings", language);
        clickOn("#settings-tab-staff");
        UiFixture.waitUntil(() -> table().getItems().size() >= 1);
    }

    private void choose(String comboId, String text) {
        clickOn(comboId);
        clickOn(lookup(".list-cell").match((Node cell) -> text.equals(((ListCell<?>) cell).getText())
                && cell.isVisible()).<Node>queryAll().stream().filter(n -> n.getScene() != ui.stage().getScene())
                .findFirst().orElseThrow());
    }

    @Test
    void aSingleShopsStaffTableSaysNothingOfStores() throws Exception {
        ui = UiFixture.prepare();
        openStaffSettings();
        assertEquals(List.of("Name", "Role", "Status"), visibleColumns());
        assertFalse(lookup("#staff-new-store").query().isVisible());
        assertFalse(lookup("#staff-edit-store").query().isVisible());
    }

    @Test
    void aChainsStaffTableShowsEachOnesStore_aNewCashierIsAddedToTheStoreChosenAndMovedBack() throws Exception {
        ui = UiFixture.prepare();
        ui.app().stores().add("二店");
        openStaffSettings();
        UiFixture.waitUntil(() -> visibleColumns().size() == 4);
        assertEquals(List.of("Name", "Role", "Status", "Store"), visibleColumns());
        assertEquals("Main store", lookup("#staff-new-store").queryAs(ComboBox.class).getButtonCell().getText(),
                "a new staff member works in this computer's store unless another is chosen");

        clickOn("#staff-new-name").write("王芳");
        choose("#staff-new-store", "二店");
        clickOn("#staff-new-pin").write("1357");
        clickOn("#staff-new-pin-again").write("1357");
        clickOn("#staff-add");
        UiFixture.waitUntil(() -> text("#staff-status").startsWith("王芳 was added"));
        Staff wang = table().getItems().stream().filter(s -> s.name().equals("王芳")).findFirst().orElseThrow();
        assertEquals(2, wang.storeId());

        // moved back to the main store by the owner
        interact(() -> table().getSelectionModel().select(wang));
        choose("#staff-edit-store", "Main store");
        clickOn("#staff-edit-save");
        UiFixture.waitUntil(() -> table().getItems().stream().anyMatch(s -> s.name().equals("王芳")
                && s.storeId() == 1));
    }

    @Test
    void aChainsStaffTabIsWholeAtTheSmallestWindowInBothLanguages() throws Exception {
        for (Language language : List.of(Language.ENGLISH, Language.CHINESE)) {
            ui = UiFixture.prepare();
            ui.app().stores().add("二店");
            ui.app().staff().add("王芳", Role.CASHIER, "1357", 2);
            openStaffSettings(language);
            UiFixture.waitUntil(() -> visibleColumns().size() == 4);
            interact(() -> {
                table().getSelectionModel().select(0);
                ui.stage().setWidth(1024);
                ui.stage().setHeight(700);
            });
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            List<String> problems = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> new org.memberdesk.ui.LayoutProblems()
                    .of(ui.stage().getScene(), language + " staff")).get();
            assertEquals(List.of(), problems);
            ui.close();
            ui = null;
        }
    }

    /** The names the sign-in's list shows once clicked open, as the person reads them; closed again. */
    private List<String> namesOffered() {
        clickOn("#sign-in-name");
        List<String> shown = lookup(".list-cell").match((Node cell) -> cell.isVisible()
                        && cell.getScene() != ui.stage().getScene()).<ListCell<?>>queryAll().stream()
                .map(ListCell::getText).filter(text -> text != null && !text.isEmpty()).toList();
        type(KeyCode.ESCAPE);
        return shown;
    }

    /** 林 owns the shop (at the main store); 小王 works at the main store, 王芳 at 二店 (in a chain). */
    private void staffOfTwoStores(boolean chain) {
        ui.app().staff().add("林", Role.OWNER, "2468");
        ui.app().staff().add("小王", Role.CASHIER, "1234");
        if (chain) {
            ui.app().stores().add("二店");
            ui.app().staff().add("王芳", Role.CASHIER, "1357", 2);
        } else {
            ui.app().staff().add("王芳", Role.CASHIER, "1357");
        }
        ui.app().staff().lock();
    }

    @Test
    void aChainsSignInOffersTheOwnerAndThisStoresStaffOnly() throws Exception {
        ui = UiFixture.prepare();
        staffOfTwoStores(true);
        ui.open("counter", Language.ENGLISH);
        UiFixture.waitUntil(() -> lookup("#sign-in-pin").tryQuery().isPresent());
        // this computer is in the main store: 王芳 of 二店 could not sign in here, so she is not offered
        assertEquals(List.of("林 · Owner", "小王 · Cashier"), namesOffered());
        choose("#sign-in-name", "小王 · Cashier");
        clickOn("#sign-in-pin").write("1234").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> "小王".equals(ui.app().session().current().name()));
    }

    @Test
    void aSingleShopsSignInOffersEveryActiveStaffMemberAsBefore() throws Exception {
        ui = UiFixture.prepare();
        staffOfTwoStores(false);
        ui.open("counter", Language.ENGLISH);
        UiFixture.waitUntil(() -> lookup("#sign-in-pin").tryQuery().isPresent());
        // owner first, then by role and name: the staff table's order
        assertEquals(List.of("林 · Owner", "小王 · Cashier", "王芳 · Cashier"), namesOffered());
    }

    @Test
    void aCashierMovedToAnotherStoreWhileTheSignInWasOpenIsRefusedInWords() throws Exception {
        ui = UiFixture.prepare();
        ui.app().stores().add("二店");
        ui.app().staff().add("林", Role.OWNER, "2468");
        ui.app().staff().add("王芳", Role.CASHIER, "1357", 1);
        ui.app().staff().lock();
        ui.open("counter", Language.ENGLISH);
        UiFixture.waitUntil(() -> lookup("#sign-in-pin").tryQuery().isPresent());
        // the owner moves 王芳 to 二店 at another computer while this sign-in lists her still
        ui.app().database().write(connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                return statement.executeUpdate("UPDATE staff SET store_id = 2 WHERE name = '王芳'");
            }
        });
        choose("#sign-in-name", "王芳 · Cashier");
        clickOn("#sign-in-pin").write("1357").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#sign-in-refusal").startsWith("王芳 works at"));
        assertEquals("王芳 works at 二店; this computer is in Main store. Sign in at a computer of 二店, or ask the"
                + " owner to move 王芳 to this store.", text("#sign-in-refusal"));
        assertTrue(ui.app().session().current().isNobody());
        // the status bar names this computer's store: the shop has two
        assertEquals("Store: Main store", text("#status-store"));
    }
}
