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

    @Test
    void aPassIsFrozenThenRefundedWithTheAmountShownFirst() {
        assertEquals("In use", state());
        assertEquals("Valid " + today.minusDays(9) + " to " + today.plusDays(20),
                lookup("#member-card-left-" + cardNo).queryAs(Label.class).getText());

        clickOn(Scrolling.reveal(this, "#card-freeze-" + cardNo));
        clickOn("#card-freeze-days").write("5");
        clickOn("#card-freeze-reason").write("Travel");
        clickOn("#card-freeze-go");
        // frozen from today for 5 days: today … today + 4; the pass ends 5 days later, today + 25
        UiFixture.waitUntil(() -> lookup("#member-card-state-" + cardNo).tryQuery().isPresent()
                && state().startsWith("Frozen"));
        assertEquals("Frozen " + today + " to " + today.plusDays(4), state());
        Card frozen = ui.app().cards().card(cardNo);
        assertEquals(today.plusDays(25), frozen.validTo());
        assertTrue(lookup("#card-unfreeze-" + cardNo).tryQuery().isPresent());

        clickOn(Scrolling.reveal(this, "#card-refund-" + cardNo));
        // 35 days (today − 9 … today + 25), today counts as used: 25 left → 30,000 × 25 ÷ 35 = 21,428.57 → ¥214.28
        UiFixture.waitUntil(() -> !lookup("#card-refund-preview").queryAs(Label.class).getText().isEmpty());
        assertEquals("Refunded today: ¥214.28 (of ¥300.00 paid). The card can no longer be used after this.",
                lookup("#card-refund-preview").queryAs(Label.class).getText());
        clickOn("#card-refund-reason").write("Moving away");
        clickOn("#card-refund-go");
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
}
