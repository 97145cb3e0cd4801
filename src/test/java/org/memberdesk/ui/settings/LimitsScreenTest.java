package org.memberdesk.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.purchases.PurchaseLimits;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** Settings → Purchase limits, typed as a shop owner would (finding 7: a shop raises its bounds). */
class LimitsScreenTest extends FxRobot {
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
        return lookup("#limits-status").queryAs(Label.class).getText();
    }

    private void type(String id, String text) {
        TextField field = lookup(id).queryAs(TextField.class);
        clickOn(field);
        interact(field::selectAll);
        write(text);
    }

    @Test
    void finding7_aShopRaisesItsPurchaseLimitAndATypoIsRefused() {
        clickOn("#settings-tab-limits");
        UiFixture.waitUntil(() -> "1000000.00".equals(lookup("#limits-purchase").queryAs(TextField.class).getText()));
        assertEquals("10000", lookup("#limits-quantity").queryAs(TextField.class).getText());

        type("#limits-purchase", "2,000,000");
        clickOn("#limits-save");
        UiFixture.waitUntil(() -> status().startsWith("Limits saved"));
        // ¥2,000,000 = 200,000,000 cents; the line limit and quantity stay at their defaults
        assertEquals(new PurchaseLimits(100_000_000L, 200_000_000L, 10_000), ui.app().purchases().limits());
        assertEquals("2000000.00", lookup("#limits-purchase").queryAs(TextField.class).getText());

        type("#limits-line", "200000000.01"); // one cent above the ¥100,000,000 ceiling
        clickOn("#limits-save");
        UiFixture.waitUntil(() -> status().startsWith("A limit must be"));
        assertTrue(status().contains("¥100,000,000.00"), status());
        assertEquals(100_000_000L, ui.app().purchases().limits().lineCents());

        type("#limits-line", "12,50");
        clickOn("#limits-save");
        UiFixture.waitUntil(() -> status().startsWith("A limit must be"));
        assertEquals(100_000_000L, ui.app().purchases().limits().lineCents());
    }

    @Test
    void rule6_aShopNamesTheItemOfFilesWithoutAnItemColumn() {
        clickOn("#settings-tab-limits");
        UiFixture.waitUntil(() -> "1000000.00".equals(lookup("#limits-purchase").queryAs(TextField.class).getText()));
        type("#default-item", "门票");
        clickOn("#default-item-save");
        UiFixture.waitUntil(() -> lookup("#default-item-status").queryAs(Label.class).getText().startsWith("Saved"));
        assertEquals(java.util.Optional.of("门票"), ui.app().purchases().defaultItemName());
        type("#default-item", " ");
        clickOn("#default-item-save");
        UiFixture.waitUntil(() -> lookup("#default-item-status").queryAs(Label.class).getText()
                .contains("import's language"));
        assertEquals(java.util.Optional.empty(), ui.app().purchases().defaultItemName());
    }
}
