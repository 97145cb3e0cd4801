package org.memberdesk.ui.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.members.Member;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** The member pane's cards: a pass frozen, then refunded, the amount shown before confirming. */
class MemberCardsScreenTest extends FxRobot {
    private UiFixture ui;
    private String cardNo;
    private LocalDate today;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of("M00000001,王芳,13812341234,F,,2025-01-01,门店,"));
        Member wang = ui.app().members().byNumber("M00000001").orElseThrow();
        long month = ui.app().cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "Month pass", 30_000, 0, null,
                30, null, 2, 20, true, false));
        today = LocalDate.now();
        // sold 9 days ago: valid from today − 9 to today + 20 (30 days, both ends included)
        cardNo = ui.app().cards().sell(wang.id(), month, Pay.CASH, null, today.minusDays(9).atTime(10, 0))
                .card().cardNo();
        ui.open("members", Language.ENGLISH);
        TableView<Member> table = lookup("#members-table").queryTableView();
        clickOn("#member-search").write("1234");
        UiFixture.waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0) != null);
        type(KeyCode.DOWN);
        UiFixture.waitUntil(() -> lookup("#member-card-state-" + cardNo).tryQuery().isPresent());
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String state() {
        return lookup("#member-card-state-" + cardNo).queryAs(Label.class).getText();
    }

    /** What has the keyboard in the window the keys go to (the dialog while one is up). */
    private String focusedId() {
        javafx.scene.Node owner = targetWindow().getScene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }

    /** Keys go to the dialog from now on (as in CounterCardsScreenTest): it is up and has the keyboard. */
    private void inDialog(String id) {
        UiFixture.waitUntil(() -> lookup(id).tryQuery().isPresent());
        javafx.stage.Window dialog = lookup(id).query().getScene().getWindow();
        targetWindow(dialog);
        UiFixture.waitUntil(dialog::isFocused);
            }

    /**
     * One key into the window the keys go to, pressed, typed and released at what has its keyboard, as the window
     * would deliver it. Monocle calls the member window and the dialog over it both focused and hands the robot's
     * keys (and TestFX's {@code write}) to either: an Enter meant for the dialog then also presses the button under it.
     */
    private void key(KeyCode code, String typed) {
        key(code, typed, false, false);
    }

    private void key(KeyCode code, String typed, boolean shift, boolean alt) {
        // not interact(): a key that opens a dialog returns only once the dialog closes; and released apart from
        // pressed, so the release goes where a real one would, to the dialog the press opened
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            fire(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", code, shift, false,
                    alt, false));
            if (!typed.isEmpty()) {
                fire(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_TYPED, typed, "",
                        KeyCode.UNDEFINED, shift, false, alt, false));
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> fire(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_RELEASED, "", "", code, shift, false, alt, false)));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** To what has the keyboard in the window on top (the newest one showing). */
    private void fire(javafx.scene.input.KeyEvent event) {
        List<javafx.stage.Window> windows = javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage && w.isShowing()).toList();
        javafx.scene.Scene scene = windows.get(windows.size() - 1).getScene();
        javafx.event.Event.fireEvent(scene.getFocusOwner() == null ? scene : scene.getFocusOwner(), event);
    }

    private void key(KeyCode code) {
        key(code, "");
    }

    /** Typed into the window the keys go to, a key at a time, as {@link #key}. */
    private void text(String typed) {
        for (char c : typed.toCharArray()) {
            KeyCode code = c == ' ' ? KeyCode.SPACE : KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)));
            key(code == null ? KeyCode.UNDEFINED : code, String.valueOf(c));
        }
    }

    private void backToTheMembers(String id) {
        UiFixture.waitUntil(() -> lookup(id).tryQuery().isEmpty());
        targetWindow(ui.stage());
    }

    /** The member pane's cards by keyboard: Alt+C to the first card's first button, Enter opens the freeze. */
    private void freezeFiveDaysForTravel() {
        key(KeyCode.C, "", false, true);
        UiFixture.waitUntil(() -> ("card-freeze-" + cardNo).equals(focusedId()));
        key(KeyCode.ENTER);
        inDialog("#card-freeze-dialog");
        UiFixture.waitUntil(() -> "card-freeze-days".equals(focusedId()));
        // days, Tab past "from" (empty: today), reason; Enter in the reason field freezes
        text("5");
        key(KeyCode.TAB);
        key(KeyCode.TAB);
        assertEquals("card-freeze-reason", focusedId());
        text("Travel");
        key(KeyCode.ENTER);
        // frozen from today for 5 days: today … today + 4; the pass ends 5 days later, today + 25
        backToTheMembers("#card-freeze-dialog");
        UiFixture.waitUntil(() -> lookup("#member-card-state-" + cardNo).tryQuery().isPresent()
                && state().startsWith("Frozen"));
        assertEquals("Frozen " + today + " to " + today.plusDays(4), state());
        assertEquals(today.plusDays(25), ui.app().cards().card(cardNo).validTo());
    }

    @Test
    void aPassIsFrozenThenRefundedWithTheAmountShownFirst() {
        assertEquals("In use", state());
        assertEquals("Valid " + today.minusDays(9) + " to " + today.plusDays(20),
                lookup("#member-card-left-" + cardNo).queryAs(Label.class).getText());
        assertEquals("Alt+C: to the buttons of the cards · Tab: the next one · Enter or Space: press it",
                lookup("#member-cards-keys").queryAs(Label.class).getText());

        freezeFiveDaysForTravel();

        // the pane was read again: Alt+C lands on Unfreeze now, Tab goes on to Refund, then History
        key(KeyCode.C, "", false, true);
        UiFixture.waitUntil(() -> ("card-unfreeze-" + cardNo).equals(focusedId()));
        key(KeyCode.TAB);
        assertEquals("card-refund-" + cardNo, focusedId());
        key(KeyCode.TAB);
        assertEquals("card-history-" + cardNo, focusedId());
        key(KeyCode.TAB, "", true, false);
        assertEquals("card-refund-" + cardNo, focusedId());
        key(KeyCode.ENTER);
        inDialog("#card-refund-dialog");
        // 35 days (today − 9 … today + 25), today counts as used: 25 left → 30,000 × 25 ÷ 35 = 21,428.57 → ¥214.28
        UiFixture.waitUntil(() -> lookup("#card-refund-preview").tryQuery().isPresent()
                && !lookup("#card-refund-preview").queryAs(Label.class).getText().isEmpty()
                && "card-refund-reason".equals(focusedId()));
        assertEquals("Refunded today: ¥214.28 (of ¥300.00 paid). The card can no longer be used after this.",
                lookup("#card-refund-preview").queryAs(Label.class).getText());
        text("Moving away");
        key(KeyCode.ENTER);
        backToTheMembers("#card-refund-dialog");
        UiFixture.waitUntil(() -> lookup("#member-card-state-" + cardNo).tryQuery().isPresent()
                && state().startsWith("Refunded"));
        assertEquals("Refunded on " + today, state());
        Card refunded = ui.app().cards().card(cardNo);
        assertTrue(refunded.refunded());
        // the pipeline's return against the sale: spend 300.00, returned 214.28
        Member wang = ui.app().members().byNumber("M00000001").orElseThrow();
        assertEquals(21_428, wang.stats().returnedCents());
        assertTrue(lookup("#card-refund-" + cardNo).tryQuery().isEmpty());
    }

    @Test
    void aPassIsFrozenThenUnfrozenTheSameDayAndARefundIsCancelledWithEscape() {
        freezeFiveDaysForTravel();

        // Escape in the refund dialog: nothing refunded, the keyboard back on the card
        key(KeyCode.C, "", false, true);
        UiFixture.waitUntil(() -> ("card-unfreeze-" + cardNo).equals(focusedId()));
        key(KeyCode.TAB);
        key(KeyCode.ENTER);
        inDialog("#card-refund-dialog");
        UiFixture.waitUntil(() -> "card-refund-reason".equals(focusedId()));
        text("Changed my mind");
        key(KeyCode.ESCAPE);
        backToTheMembers("#card-refund-dialog");
        assertTrue(!ui.app().cards().card(cardNo).refunded());
        assertTrue(state().startsWith("Frozen"));

        // Shift+Tab back to Unfreeze; Space presses it, Enter confirms
        UiFixture.waitUntil(() -> ("card-refund-" + cardNo).equals(focusedId()));
        key(KeyCode.TAB, "", true, false);
        assertEquals("card-unfreeze-" + cardNo, focusedId());
        key(KeyCode.SPACE);
        inDialog(".dialog-pane");
        key(KeyCode.ENTER);
        backToTheMembers(".dialog-pane");
        // ended the day it began: 0 days frozen, so the pass ends on its own last day again, today + 20
        UiFixture.waitUntil(() -> lookup("#member-card-state-" + cardNo).tryQuery().isPresent()
                && state().equals("In use"));
        Card unfrozen = ui.app().cards().card(cardNo);
        assertEquals(today.plusDays(20), unfrozen.validTo());
        assertTrue(lookup("#card-freeze-" + cardNo).tryQuery().isPresent());
    }
}
