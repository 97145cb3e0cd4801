package org.memberdesk.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * The real window's daily work refits the predictions in the background: on a shop without repeat buyers the refit
 * is refused, which is no error dialog, and the Predictions tab says why when it is opened.
 */
class PredictionsShellTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void open() throws Exception {
        ui = UiFixture.boot("analytics", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void finding4_theDailyWorkRefitsAndTheTabShowsWhyARefitWasRefused() {
        interact(() -> ui.window().startDailyWork(true));
        clickOn("#analytics-tab-predictions");
        UiFixture.waitUntil(30, () -> lookup("#predictions-refused").queryAs(Label.class).isVisible());
        assertEquals("Only 0 members have bought on more than one day; the models need at least 50 such repeat "
                + "buyers to say anything reliable, so no prediction was made.",
                lookup("#predictions-refused").queryAs(Label.class).getText());
        assertTrue(lookup("#predictions-empty").query().isVisible());
        // no dialog: the main window is the only one
        assertEquals(1, listWindows().stream().filter(javafx.stage.Window::isShowing).count());
    }

    @Test
    void refitNowRefreshesTheRuleTagsOnThePredictionFields() throws Exception {
        org.memberdesk.predictions.CdnowShop.importInto(ui.app(), ui.folder());
        // the tag is made with today's model (fitted for it); then a dishonest edit of the scores makes it stale on
        // purpose: every member alive, so the rule matches nobody until a refit stores true scores again
        ui.app().tags().create("流失风险", "p_alive < 0.3");
        long before = tagMembers();
        assertTrue(before > 0, "the tag holds the slipping members: " + before);
        ui.app().database().write(connection -> {
            try (var update = connection.prepareStatement("UPDATE member_predictions SET p_alive = 1")) {
                return update.executeUpdate();
            }
        });
        ui.app().tags().refreshAll();
        assertEquals(0, tagMembers());

        clickOn("#analytics-tab-predictions");
        clickOn("#predictions-refit");
        // the refit stores the true scores, marks the rule tags out of date, and the window refreshes them
        UiFixture.waitUntil(60, () -> tagMembers() == before);
        assertEquals(before, tagMembers());
    }

    private long tagMembers() {
        return ui.app().tags().list().stream().filter(t -> t.name().equals("流失风险")).findFirst().orElseThrow()
                .members();
    }
}
