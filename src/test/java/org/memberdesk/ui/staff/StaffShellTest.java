package org.memberdesk.ui.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.staff.Role;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.shell.Screen;
import org.testfx.api.FxRobot;

/**
 * Issue 18, item 1 on the desktop: staff sharing one computer sign in by PIN, see only what their role may use,
 * switch staff, and the window locks when left alone. Driven as a person would, clicking and typing.
 */
class StaffShellTest extends FxRobot {
    private static final List<String> CASHIER_SCREENS = List.of("counter", "members", "purchases", "points");
    private UiFixture ui;

    @AfterEach
    void close() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    /** A shop with the owner 林 (PIN 2468) and the cashier 小王 (1357), the window opened with nobody signed in. */
    private void openShopSignedOut(String screen) throws Exception {
        ui = UiFixture.prepare();
        ui.app().staff().add("林", Role.OWNER, "2468");
        ui.app().staff().add("小王", Role.CASHIER, "1357");
        ui.app().staff().lock();
        ui.open(screen, Language.ENGLISH);
    }

    @Test
    void finding1_aFreshDatabaseAsksForTheOwnersPinThenShowsTheCounter() throws Exception {
        ui = UiFixture.prepare();
        ui.app().staff().lock();
        ui.open("counter", Language.ENGLISH);

        UiFixture.waitUntil(() -> lookup("#owner-name").tryQuery().isPresent());
        assertTrue(gate().locked());
        assertEquals(List.of(), sidebarIds(), "nothing behind the sign-in while nobody is signed in");
        clickOn("#owner-name").write("林");
        clickOn("#owner-pin").write("2468");
        clickOn("#owner-pin-again").write("2486");
        clickOn("#owner-create");
        UiFixture.waitUntil(() -> text("#sign-in-refusal").equals("The two PINs differ. Type the same PIN twice."));
        assertFalse(ui.app().staff().hasOwner());

        clickOn("#owner-pin-again").write("2468").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> !gate().locked());
        assertTrue(ui.app().staff().hasOwner());
        assertEquals("林", ui.app().session().current().name());
        assertEquals(Role.OWNER, ui.app().session().current().role());
        assertEquals("林 · Owner", text("#staff-current"));
        assertEquals(Optional.of("counter"), ui.window().window().currentScreenId());
        assertEquals(List.of("dashboard", "counter", "members", "purchases", "cards", "points", "tiers", "tags",
                "coupons", "analytics", "staff-report", "log", "settings"), sidebarIds(),
                "the owner sees every screen");
    }

    @Test
    void aWindowOpenedSignedOutReadsNothingUntilSomeoneSignsIn() throws Exception {
        // every start of the windows used to build the counter behind the sign-in, whose member count was refused
        // ("Something went wrong: No one is signed in") and logged as a refused action
        openShopSignedOut("members");
        UiFixture.waitUntil(() -> lookup("#sign-in-pin").tryQuery().isPresent());
        org.testfx.util.WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, refusalsLogged(), "nothing was read, so nothing was refused");
        assertEquals(1, listWindows().stream().filter(javafx.stage.Window::isShowing).count(), "no error dialog");
        assertEquals(Optional.empty(), ui.window().window().currentScreenId(), "no screen behind the sign-in");
        // a change announced behind the locked window (the day's refit of the predictions does) is read by no one
        interact(() -> ui.window().context().changes().manyChanged());
        org.testfx.util.WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, listWindows().stream().filter(javafx.stage.Window::isShowing).count(), "still no error dialog");

        signIn("林", "2468");
        UiFixture.waitUntil(() -> ui.window().window().currentScreenId().equals(Optional.of("members")));
        assertEquals(0, refusalsLogged());
    }

    private long refusalsLogged() {
        return ui.app().database().read(connection -> {
            try (var statement = connection.createStatement();
                 var rs = statement.executeQuery("SELECT count(*) FROM operation_log WHERE action = 'refused'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void finding1_aCashierCannotReachSettingsExportOrRestoreAndSwitchingToTheOwnerByPinCan() throws Exception {
        openShopSignedOut("settings");
        signIn("小王", "1357");

        assertEquals("小王 · Cashier", text("#staff-current"));
        assertEquals(CASHIER_SCREENS, sidebarIds());
        // Settings (where backups are made and restored) was open last: the cashier gets the counter instead
        assertEquals(Optional.of("counter"), ui.window().window().currentScreenId());
        assertTrue(lookup("#nav-settings").tryQuery().isEmpty());
        assertTrue(lookup("#backup-restore").tryQuery().isEmpty());
        // nor another database in place of the shop's (the next start would open it)
        for (String id : List.of("menu.file.exportMembers", "menu.file.exportPurchases", "menu.file.importMembers",
                "menu.file.importPurchases", "menu.file.new", "menu.file.open")) {
            MenuItem item = fileItem(id);
            assertFalse(item.isVisible(), id);
            assertTrue(item.isDisable(), id + ": its shortcut does nothing either");
        }
        // nor by shortcut: Ctrl+1 is the dashboard, Ctrl+7 the tier ladder; the Go menu has only the cashier's
        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        assertEquals(Optional.of("counter"), ui.window().window().currentScreenId());
        assertEquals(List.of("nav.counter", "nav.members", "nav.purchases", "nav.points"), goMenuIds());

        // 切换员工 to the owner, by PIN
        clickOn("#staff-switch");
        assertTrue(gate().locked());
        assertTrue(ui.app().session().current().isNobody(), "switching locks at once");
        signIn("林", "2468");
        assertEquals("林 · Owner", text("#staff-current"));
        assertTrue(fileItem("menu.file.exportMembers").isVisible());
        assertFalse(fileItem("menu.file.exportMembers").isDisable());
        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        UiFixture.waitUntil(() -> ui.window().window().currentScreenId().equals(Optional.of("dashboard")));
        clickOn("#nav-settings");
        UiFixture.waitUntil(() -> lookup("#backup-restore").tryQuery().isPresent());
    }

    @Test
    void finding1_theNextPersonSeesNothingTheLastLeftOnScreen_theSamePersonGetsTheirScreenBack() throws Exception {
        openShopSignedOut("counter");
        signIn("林", "2468");
        clickOn("#counter-lookup").write("13812");
        Object ownersWindow = ui.window().window();

        // the owner hands over: the cashier's window is built afresh, nothing typed or opened by the owner in it
        clickOn("#staff-switch");
        signIn("小王", "1357");
        UiFixture.waitUntil(() -> ui.window().window() != ownersWindow);
        assertEquals(Optional.of("counter"), ui.window().window().currentScreenId());
        assertEquals("", lookup("#counter-lookup").queryTextInputControl().getText());

        // the same person back after a lock: their screen as they left it
        clickOn("#counter-lookup").write("138");
        Object cashiersWindow = ui.window().window();
        clickOn("#staff-switch");
        signIn("小王", "1357");
        assertTrue(ui.window().window() == cashiersWindow, "not rebuilt for the same person");
        assertEquals("138", lookup("#counter-lookup").queryTextInputControl().getText());
    }

    @Test
    void finding1_aWrongPinIsRefusedInWordsAndTheThirdLocksForSeconds() throws Exception {
        openShopSignedOut("counter");
        UiFixture.waitUntil(() -> lookup("#sign-in-pin").tryQuery().isPresent());
        chooseName("小王");
        for (int wrong = 1; wrong <= 2; wrong++) {
            clickOn("#sign-in-pin").write("9999").type(KeyCode.ENTER);
            UiFixture.waitUntil(() -> !text("#sign-in-refusal").isEmpty());
            assertEquals("That is not the PIN of 小王. Try again.", text("#sign-in-refusal"));
            clearRefusal();
        }
        clickOn("#sign-in-pin").write("9999").type(KeyCode.ENTER);
        // two wrong PINs are free; the third locks signing in for 30 s, said at once (a little less on a busy machine)
        UiFixture.waitUntil(() -> text("#sign-in-refusal").startsWith("Too many"));
        assertTrue(text("#sign-in-refusal").matches("Too many wrong PINs for 小王\\. Try again in (30|2[0-9]) seconds\\."),
                text("#sign-in-refusal"));
        // the right PIN now is refused too, without a stack trace
        clearRefusal();
        clickOn("#sign-in-pin").write("1357").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#sign-in-refusal").startsWith("Too many wrong PINs for 小王. Try again in "));
        assertTrue(gate().locked());
        assertTrue(ui.app().session().current().isNobody());
        assertEquals(List.of(), sidebarIds());
    }

    @Test
    void finding1_theWindowLocksAfterTheIdleTimeSet() throws Exception {
        ui = UiFixture.prepare();
        ui.app().staff().add("林", Role.OWNER, "2468");
        ui.app().staff().saveSettings(1, 500);
        ui.app().staff().switchTo("林", "2468");
        ui.open("members", Language.ENGLISH);
        // the shop's setting, read when 林 signed in: one minute
        UiFixture.waitUntil(() -> Duration.minutes(1).equals(gate().idleLock()));
        assertFalse(gate().locked());

        // the same lock, a second long, so the test need not wait a minute
        interact(() -> gate().lockAfterIdle(Duration.seconds(1)));
        UiFixture.waitUntil(5, () -> gate().locked());
        assertTrue(ui.app().session().current().isNobody());
        assertEquals(List.of(), sidebarIds());
        // the sign-in offers the one who was here, and their PIN opens the screen they left
        UiFixture.waitUntil(() -> lookup("#sign-in-pin").tryQuery().isPresent());
        assertEquals("林", lookup("#sign-in-name").queryAs(ComboBox.class).getValue());
        clickOn("#sign-in-pin").write("2468").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> !gate().locked());
        assertEquals(Optional.of("members"), ui.window().window().currentScreenId());
    }

    @Test
    void finding1_theStaffSettingsAddACashierWhoCanThenSignIn() throws Exception {
        ui = UiFixture.prepare();
        ui.app().staff().add("林", Role.OWNER, "2468");
        ui.app().staff().switchTo("林", "2468");
        ui.open("settings", Language.ENGLISH);
        clickOn("#settings-tab-staff");
        UiFixture.waitUntil(() -> lookup("#staff-table").queryAs(TableView.class).getItems().size() == 1);
        clickOn("#staff-new-name").write("小王");
        clickOn("#staff-new-pin").write("1357");
        clickOn("#staff-new-pin-again").write("1357");
        clickOn("#staff-add");
        UiFixture.waitUntil(() -> text("#staff-status").equals(
                "小王 was added as Cashier. They can sign in with their PIN now."));
        assertEquals(2, lookup("#staff-table").queryAs(TableView.class).getItems().size());

        clickOn("#staff-switch");
        signIn("小王", "1357");
        assertEquals("小王 · Cashier", text("#staff-current"));
        assertEquals(CASHIER_SCREENS, sidebarIds());
    }

    /** Picks the name on the sign-in, types the PIN and Enter, and waits until the window opens. */
    private void signIn(String name, String pin) {
        UiFixture.waitUntil(() -> lookup("#sign-in-pin").tryQuery().isPresent());
        chooseName(name);
        clickOn("#sign-in-pin").write(pin).type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> !gate().locked());
        assertEquals(name, ui.app().session().current().name());
    }

    private void chooseName(String name) {
        clickOn("#sign-in-name");
        clickOn(lookup(".list-cell").match((Node cell) -> ((javafx.scene.control.ListCell<?>) cell).getText() != null
                && ((javafx.scene.control.ListCell<?>) cell).getText().startsWith(name + " ·")
                && cell.isVisible()).<Node>queryAll().stream().filter(n -> n.getScene() != ui.stage().getScene())
                .findFirst().orElseThrow());
        assertEquals(name, lookup("#sign-in-name").queryAs(ComboBox.class).getValue());
    }

    private void clearRefusal() {
        // the next try starts with an empty refusal: wait for the busy check of the last one to end first
        UiFixture.waitUntil(() -> !lookup("#sign-in-button").query().isDisabled());
    }

    private StaffGate gate() {
        return ui.window().staffGate();
    }

    private String text(String query) {
        return lookup(query).tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }

    private List<String> sidebarIds() {
        ListView<Screen> sidebar = lookup("#sidebar").queryListView();
        return sidebar.getItems().stream().map(Screen::id).toList();
    }

    private MenuItem fileItem(String id) {
        MenuBar bar = lookup("#menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().get(0).getItems().stream().filter(item -> id.equals(item.getId())).findFirst()
                .orElseThrow();
    }

    private List<String> goMenuIds() {
        MenuBar bar = lookup("#menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().get(1).getItems().stream().map(MenuItem::getId).toList();
    }
}
