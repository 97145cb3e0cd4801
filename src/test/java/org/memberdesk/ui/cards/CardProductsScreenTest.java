package org.memberdesk.ui.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.ui.Scrolling;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** Settings → Member cards, typed as a shop owner would: a product added, a refusal next to its field, the ladder. */
class CardProductsScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.open("settings", Language.ENGLISH);
        clickOn("#settings-tab-cards");
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private void type(String id, String text) {
        TextField field = lookup(Scrolling.reveal(this, id)).queryAs(TextField.class);
        clickOn(field);
        interact(field::selectAll);
        write(text);
    }

    /** Shown when it is in the form (a row the kind does not ask for is left out) and visible. */
    private boolean shown(String id) {
        for (Node node = lookup(id).tryQuery().orElse(null); node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
            if (node.getParent() == null) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aSessionCardIsAddedAndAPassWithoutDaysIsRefusedAtItsField() {
        clickOn("#card-product-kind");
        clickOn("Session card");
        // a session card asks for sessions and days, not a bonus or a daily limit
        assertTrue(shown("#card-product-sessions"));
        assertFalse(shown("#card-product-bonus"));
        assertFalse(shown("#card-product-per-day"));
        type("#card-product-name", "Swim 10");
        type("#card-product-price", "800");
        type("#card-product-sessions", "10");
        type("#card-product-days", "180");
        type("#card-product-freezes", "1");
        type("#card-product-freeze-days", "14");
        clickOn(Scrolling.reveal(this, "#card-product-add"));
        TableView<?> table = lookup("#card-products-table").queryTableView();
        UiFixture.waitUntil(() -> table.getItems().size() == 1);
        CardProduct swim = ui.app().cardProducts().products().get(0);
        // ¥800 = 80,000 cents; 10 sessions in 180 days; 1 freeze of up to 14 days
        assertEquals(CardProduct.draft(CardKind.SESSIONS, "Swim 10", 80_000, 0, 10, 180, null, 1, 14, true, false),
                CardProduct.draft(swim.kind(), swim.name(), swim.priceCents(), swim.bonusCents(), swim.sessions(),
                        swim.days(), swim.perDay(), swim.maxFreezes(), swim.maxFreezeDays(), swim.refundable(),
                        swim.tierDiscount()));
        assertTrue(lookup("#card-products-status").queryAs(Label.class).getText().startsWith("Swim 10 added"));
        assertEquals("", lookup("#card-product-name").queryAs(TextField.class).getText());

        clickOn("#card-product-kind");
        clickOn("Pass");
        type("#card-product-name", "Month");
        type("#card-product-price", "300");
        clickOn(Scrolling.reveal(this, "#card-product-add"));
        UiFixture.waitUntil(() -> shown("#card-product-error-days"));
        assertEquals("Say how many days the card is valid (1 to 36,600).",
                lookup("#card-product-error-days").queryAs(Label.class).getText());
        assertEquals(1, ui.app().cardProducts().products().size());

        // archived: no longer sold, shown so in the table
        interact(() -> table.getSelectionModel().select(0));
        clickOn(Scrolling.reveal(this, "#card-products-archive"));
        UiFixture.waitUntil(() -> ui.app().cardProducts().products().get(0).archived());
    }

    @Test
    void theTopUpLadderIsSavedAsTyped() {
        clickOn(Scrolling.reveal(this, "#topup-add"));
        type("#topup-amount-0", "500");
        type("#topup-bonus-0", "50");
        clickOn(Scrolling.reveal(this, "#topup-add"));
        type("#topup-amount-1", "1000");
        type("#topup-bonus-1", "150");
        clickOn(Scrolling.reveal(this, "#topup-save"));
        UiFixture.waitUntil(() -> lookup("#topup-status").queryAs(Label.class).getText().startsWith("Top-up steps saved"));
        // ¥500 → ¥50 and ¥1,000 → ¥150, in cents
        assertEquals(Map.of(50_000L, 5_000L, 100_000L, 15_000L), ui.app().cardProducts().topupSteps());

        type("#topup-bonus-0", "600"); // a bonus above its amount is refused by the service
        clickOn(Scrolling.reveal(this, "#topup-save"));
        UiFixture.waitUntil(() -> lookup("#topup-status").queryAs(Label.class).getText().startsWith("The top-up step"));
        assertEquals(Map.of(50_000L, 5_000L, 100_000L, 15_000L), ui.app().cardProducts().topupSteps());
    }
}
