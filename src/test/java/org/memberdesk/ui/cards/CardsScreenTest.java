package org.memberdesk.ui.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.CardReports;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Money;
import org.memberdesk.members.Member;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** The 会员卡 screen: the cards ending soon with masked phones, and what is owed as the service adds it up. */
class CardsScreenTest extends FxRobot {
    private UiFixture ui;
    private String endingCard;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of("M00000001,王芳,13812341234,F,,2025-01-01,门店,",
                "M00000002,李娜,13900005678,F,,2025-01-01,门店,"));
        Member wang = ui.app().members().byNumber("M00000001").orElseThrow();
        Member li = ui.app().members().byNumber("M00000002").orElseThrow();
        LocalDate today = LocalDate.now();
        long month = ui.app().cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "Month pass", 30_000, 0, null,
                30, null, 0, 0, true, false));
        long swim = ui.app().cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "Swim 10", 80_000, 0, 10, 365,
                null, 0, 0, true, false));
        long value = ui.app().cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "Pay 1000 get 1200",
                100_000, 20_000, null, null, null, 0, 0, true, false));
        // sold 26 days ago: valid today − 26 … today + 3, so it ends in 3 days
        endingCard = ui.app().cards().sell(wang.id(), month, Pay.CASH, null, today.minusDays(26).atTime(10, 0))
                .card().cardNo();
        // a session card of a year: not ending soon
        String swimCard = ui.app().cards().sell(li.id(), swim, Pay.CASH, null, null).card().cardNo();
        ui.app().checkIns().checkIn(swimCard, null, null);
        ui.app().cards().sell(li.id(), value, Pay.CASH, null, null);
        ui.open("cards", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theEndingSoonListShowsACardEndingIn3DaysWithAMaskedPhone() {
        TableView<ExpiringViewModel.Row> table = lookup("#cards-expiring-table").queryTableView();
        UiFixture.waitUntil(() -> table.getItems().size() == 1);
        ExpiringViewModel.Row row = table.getItems().get(0);
        assertEquals(endingCard, row.cardNo());
        // its last day is today + 3; days left count today: today … today + 3 = 4
        assertEquals(LocalDate.now().plusDays(3), row.validTo());
        assertEquals(4, row.daysLeft());
        assertEquals("138****1234", row.phone());
        assertTrue(lookup("138****1234").tryQuery().isPresent(), "the masked phone is in the table");
        assertTrue(lookup("13812341234").tryQuery().isEmpty(), "the full phone is nowhere on screen");

        // within 2 days: the card ending in 3 is not in the list
        TextField within = lookup("#cards-expiring-within").queryAs(TextField.class);
        clickOn(within);
        interact(within::selectAll);
        write("2");
        clickOn("#cards-expiring-show");
        UiFixture.waitUntil(() -> table.getItems().isEmpty());
        assertEquals("0 cards end within 2 days.", text("#cards-expiring-status"));
    }

    @Test
    void theLiabilityFiguresAreTheServices() {
        clickOn("#cards-tab-liability");
        UiFixture.waitUntil(() -> !text("#cards-liability-principal").isEmpty());
        CardReports.Liability owed = ui.app().cardReports().liability(null);
        // stored value 100,000 + 20,000 bonus; 9 sessions left worth floor(80,000 × 9 ÷ 10) = 72,000; 1 valid pass
        assertEquals(new CardReports.Liability(LocalDate.now(), 100_000, 20_000, 9, 72_000, 1), owed);
        assertEquals(Money.display(owed.storedValuePrincipalCents()), text("#cards-liability-principal"));
        assertEquals(Money.display(owed.storedValueBonusCents()), text("#cards-liability-bonus"));
        assertEquals("9", text("#cards-liability-sessions"));
        assertEquals("¥720.00", text("#cards-liability-sessions-value"));
        assertEquals("1", text("#cards-liability-passes"));
        assertTrue(text("#cards-renewal-this-month").startsWith("No card ended in"), text("#cards-renewal-this-month"));
    }
}
