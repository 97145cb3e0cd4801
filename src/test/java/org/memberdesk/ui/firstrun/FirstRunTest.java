package org.memberdesk.ui.firstrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.demo.Business;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

class FirstRunTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepareNew();
        ui.open("members", Language.CHINESE);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void aNewDatabaseAsksLanguageAndBusinessAndRemembersThem() {
        interact(() -> ui.window().firstRunIfNeeded());
        UiFixture.waitUntil(() -> lookup("#firstrun").tryQuery().isPresent());
        assertEquals("开始使用", lookup("#firstrun-start").queryAs(Labeled.class).getText());
        clickOn("#firstrun-lang-english");
        // the dialog speaks the chosen language at once
        assertEquals("Start", lookup("#firstrun-start").queryAs(Labeled.class).getText());
        clickOn("#firstrun-gym");
        clickOn("#firstrun-start");
        UiFixture.waitUntil(() -> ui.app().shopProfile().business().isPresent());
        assertEquals(Optional.of(Business.GYM), ui.app().shopProfile().business());
        UiFixture.waitUntil(() -> ui.stage().getTitle().endsWith("MemberDesk"));
        assertEquals(Optional.of(Locale.ENGLISH), ui.preferences().language());
        assertEquals("Members", lookup("#nav-members").queryAs(Labeled.class).getText());
        assertTrue(lookup("#firstrun").tryQuery().isEmpty());
    }
}
