package org.memberdesk.ui.firstrun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.demo.Business;
import org.memberdesk.members.MemberQuery;
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
        clickOn("#firstrun-demo");
        clickOn("#firstrun-start");
        UiFixture.waitUntil(() -> ui.app().shopProfile().business().isPresent());
        assertEquals(Optional.of(Business.GYM), ui.app().shopProfile().business());
        UiFixture.waitUntil(() -> ui.stage().getTitle().endsWith("MemberDesk"));
        assertEquals(Optional.of(Locale.ENGLISH), ui.preferences().language());
        assertEquals("Members", lookup("#nav-members").queryAs(Labeled.class).getText());
        // the demo data is loaded in the background, then the members list shows it
        UiFixture.waitUntil(120, () -> ui.app().members().count(MemberQuery.all()) == FirstRunViewModel.DEMO_MEMBERS);
        UiFixture.waitUntil(30, () -> lookup("#member-count").queryAs(Label.class).getText().equals("3,000 members"));
    }
}
