package org.memberdesk.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreSetting;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * Settings → Stores (issue 21, item 2), clicked and typed as the owner would: a second store added and renamed, this
 * computer set to it, and the status bar then naming it — while a single shop's status bar says nothing of stores.
 */
class StoresScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.open("settings", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String status() {
        return lookup("#stores-status").queryAs(Label.class).getText();
    }

    private Label statusBarStore() {
        return lookup("#status-store").queryAs(Label.class);
    }

    private void type(String id, String text) {
        TextField field = lookup(id).queryAs(TextField.class);
        clickOn(field);
        interact(field::selectAll);
        write(text);
    }

    /** The cell showing {@code text} in the part of the window {@code within} selects (a list, a choice's popup). */
    private Node cell(String within, String text) {
        return lookup(within).queryAll().stream()
                .filter(node -> node instanceof ListCell<?> cell && text.equals(cell.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + text + " in " + within));
    }

    @Test
    void theOwnerAddsASecondStoreRenamesItAndSetsThisComputerToIt() throws Exception {
        clickOn("#settings-tab-stores");
        UiFixture.waitUntil(() -> lookup("#stores-list .list-cell").queryAll().stream()
                .anyMatch(node -> "Main store".equals(((ListCell<?>) node).getText())));
        assertFalse(statusBarStore().isVisible(), "one store: the status bar says nothing of stores");

        type("#stores-new-name", "二店");
        clickOn("#stores-add");
        UiFixture.waitUntil(() -> status().equals("Store 二店 added."));
        assertEquals(List.of(new Store(1, "本店"), new Store(2, "二店")), ui.app().stores().all());
        // two stores: the status bar now names this computer's (still the first)
        UiFixture.waitUntil(() -> statusBarStore().isVisible());
        assertEquals("Store: Main store", statusBarStore().getText());

        clickOn(cell("#stores-list .list-cell", "二店"));
        type("#stores-rename-to", "南门店");
        clickOn("#stores-rename");
        UiFixture.waitUntil(() -> status().equals("二店 is now named 南门店."));
        assertEquals(new Store(2, "南门店"), ui.app().stores().find("南门店"));

        clickOn("#stores-here");
        clickOn(cell(".combo-box-popup .list-cell", "南门店"));
        clickOn("#stores-here-save");
        UiFixture.waitUntil(() -> status().equals("This computer works in 南门店."));
        UiFixture.waitUntil(() -> "Store: 南门店".equals(statusBarStore().getText()));
        assertEquals(2, ui.app().storeHere().id());
        // kept on this computer, beside the database: the next start works in 南门店
        assertEquals(java.util.OptionalLong.of(2), new StoreSetting(ui.app().database().file()).storeId());
        assertTrue(ui.app().stores().hereInChain().isPresent());
        assertEquals(Optional.of(new Store(2, "南门店")), ui.app().stores().hereInChain());
    }

    @Test
    void aTakenNameIsRefusedInWords() {
        clickOn("#settings-tab-stores");
        UiFixture.waitUntil(() -> !lookup("#stores-list .list-cell").queryAll().isEmpty());
        type("#stores-new-name", "本店");
        clickOn("#stores-add");
        UiFixture.waitUntil(() -> status().equals("A store is already named 本店. Choose another name."));
        assertTrue(lookup("#stores-status").queryAs(Label.class).getStyleClass().contains("field-error"));
        assertEquals(1, ui.app().stores().all().size());
    }
}
