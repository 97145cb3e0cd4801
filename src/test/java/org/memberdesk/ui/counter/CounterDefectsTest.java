package org.memberdesk.ui.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** Issue 19, defects 3, 4 and 5: the counter as a cashier types at it. */
class CounterDefectsTest extends FxRobot {
    private UiFixture ui;
    private Member wang;
    private Member li;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of(
                "M00000001,王芳,13812341234,F,,2025-01-01,门店,",
                "M00000002,李娜,13900005678,F,,2025-01-01,门店,"));
        wang = ui.app().members().byNumber("M00000001").orElseThrow();
        li = ui.app().members().byNumber("M00000002").orElseThrow();
        // an item sold before, so the item field suggests it
        ui.app().purchases().record(new PurchaseDraft("S1", li.id(), LocalDateTime.now().minusDays(1),
                List.of(new PurchaseLine("私教课10节", 1, 300_000)), null), false);
        ui.open("counter", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private boolean focused(String id) {
        return lookup(id).tryQuery().map(n -> n.isFocused()).orElse(false);
    }

    private void serve(String typed) {
        UiFixture.waitUntil(() -> focused("#counter-lookup"));
        write(typed).type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> focused("#counter-item"));
    }

    private boolean suggestionShown() {
        return lookup(".auto-complete-popup").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false);
    }

    @Test
    void defect3_enterOnTheItemSuggestionTakesItAndMovesToTheAmount() {
        serve("1234");
        write("私教");
        UiFixture.waitUntil(this::suggestionShown);
        // ↓ picks the suggestion, Enter takes it: the item is the whole name and the keyboard is on the amount
        type(KeyCode.DOWN).type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> focused("#counter-amount"));
        assertEquals("私教课10节", lookup("#counter-item").queryAs(TextField.class).getText());
        write("3000").type(KeyCode.ENTER);

        UiFixture.waitUntil(() -> !ui.app().purchases().history(wang.id(), 5).isEmpty());
        Purchase sale = ui.app().purchases().history(wang.id(), 5).get(0);
        assertEquals("私教课10节", sale.lines().get(0).item());
        assertEquals(300_000, sale.totalCents());
    }

    @Test
    void defect3_enterTakesTheHighlightedSuggestionAndEscKeepsWhatWasTyped() {
        serve("1234");
        write("私教");
        UiFixture.waitUntil(this::suggestionShown);
        // the first suggestion is highlighted: Enter alone takes it and goes on
        type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> focused("#counter-amount"));
        assertEquals("私教课10节", lookup("#counter-item").queryAs(TextField.class).getText());

        // another line: Esc closes the suggestions, what was typed stands, Enter goes on to the amount
        write("300");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        UiFixture.waitUntil(() -> focused("#counter-item"));
        write("私教");
        UiFixture.waitUntil(this::suggestionShown);
        type(KeyCode.ESCAPE);
        UiFixture.waitUntil(() -> !suggestionShown());
        assertFalse(lookup("#counter-confirm-clear").query().isVisible(), "Esc on the suggestions is not start over");
        type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> focused("#counter-amount"));
        assertEquals("私教", lookup("#counter-item").queryAs(TextField.class).getText());
    }

    @Test
    void defect4_theCounterStartsCleanEachTimeItIsEntered() {
        serve("1234");
        assertEquals("王芳", text("#counter-member-name"));
        clickOn("#nav-members");
        UiFixture.waitUntil(() -> lookup("#members-table").tryQuery().isPresent());
        clickOn("#nav-counter");
        // no member, nothing typed, the keyboard in the lookup for the next customer
        UiFixture.waitUntil(() -> focused("#counter-lookup"));
        assertTrue(lookup("#counter-member-name").tryQuery().isEmpty(), "the last customer is still loaded");
        assertEquals("", lookup("#counter-lookup").queryAs(TextField.class).getText());
    }

    @Test
    void defect4_aHalfTypedSaleIsKeptAndSaidWhenComingBackAndEscStartsOverAfterAConfirmation() {
        serve("1234");
        write("门票").type(KeyCode.ENTER);
        write("88");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        clickOn("#nav-members");
        UiFixture.waitUntil(() -> lookup("#members-table").tryQuery().isPresent());
        clickOn("#nav-counter");
        // the sale was not saved: it is kept with its member, and said so
        UiFixture.waitUntil(() -> text("#counter-problem").equals(
                "Not saved yet: 1 item, ¥88.00, for 王芳. Enter saves it; Esc starts over."));
        assertEquals("王芳", text("#counter-member-name"));
        UiFixture.waitUntil(() -> focused("#counter-item"));

        type(KeyCode.ESCAPE);
        UiFixture.waitUntil(() -> lookup("#counter-confirm-clear").tryQuery().map(n -> n.isVisible()).orElse(false));
        type(KeyCode.ESCAPE);                                                  // no: the sale stays
        UiFixture.waitUntil(() -> !lookup("#counter-confirm-clear").query().isVisible());
        assertEquals("王芳", text("#counter-member-name"));
        assertEquals(1, lookup("#counter-lines").queryTableView().getItems().size());

        type(KeyCode.ESCAPE).type(KeyCode.ENTER);                              // yes: start over
        UiFixture.waitUntil(() -> lookup("#counter-member-name").tryQuery().isEmpty());
        assertTrue(lookup("#counter-lines").queryTableView().getItems().isEmpty());
        UiFixture.waitUntil(() -> focused("#counter-lookup"));
        assertTrue(ui.app().purchases().history(wang.id(), 5).isEmpty(), "nothing was saved");
    }

    @Test
    void defect5_f2FromTheMembersTableGoesToTheCounterLookup() {
        clickOn("#nav-members");
        UiFixture.waitUntil(() -> lookup("#members-table").queryTableView().getItems().size() == 2);
        clickOn((javafx.scene.Node) lookup("#members-table .table-row-cell").nth(0).query());
        UiFixture.waitUntil(() -> focused("#members-table"));
        type(KeyCode.F2);
        UiFixture.waitUntil(() -> focused("#counter-lookup"));
        write("5678").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#counter-member-name").tryQuery().isPresent());
        assertEquals("李娜", text("#counter-member-name"));
        assertTrue(lookup("#member-form").tryQuery().isEmpty(), "the edit dialog opened");
    }

    /** Log noise: the suggestion popup's stylesheet looked up Modena's colours, which the theme does not define. */
    @Test
    void defect7_theItemSuggestionsLogNoStylesheetError() {
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger css = java.util.logging.Logger.getLogger("javafx.css");
        css.addHandler(handler);
        try {
            serve("1234");
            write("私教");
            UiFixture.waitUntil(this::suggestionShown);
            type(KeyCode.DOWN);
            UiFixture.waitUntil(() -> lookup(".auto-complete-popup .list-cell").tryQuery().isPresent());
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of(), logged);
        } finally {
            css.removeHandler(handler);
        }
    }
}
