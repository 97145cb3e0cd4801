package org.memberdesk.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** In the real window: a funnel step's members become the target of a new campaign in the coupons wizard. */
class AnalyticsShellTest extends FxRobot {
    private UiFixture ui;

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void aStepsMembersOpenTheCampaignWizardWithThemAsTheTarget() throws Exception {
        ui = UiFixture.prepare();
        String today = LocalDate.now().toString();
        ui.importMembers(List.of("A1,王芳,13800000001,,," + today + ",门店,", "A2,李娜,13800000002,,," + today + ",门店,"));
        ui.open("analytics", Language.ENGLISH);
        @SuppressWarnings("unchecked")
        ListView<String> steps = lookup("#analytics-funnel-steps").queryAs(ListView.class);
        // this month's joiners: the two imported today
        UiFixture.waitUntil(() -> steps.getItems().size() == 5 && steps.getItems().get(0).endsWith("— 2"));
        doubleClickOn(steps.getItems().get(0));
        UiFixture.waitUntil(() -> lookup("#funnel-target-campaign").tryQuery().isPresent());
        clickOn("#funnel-target-campaign");
        UiFixture.waitUntil(() -> ui.window().window().currentScreenId().orElse("").equals("coupons"));
        UiFixture.waitUntil(() -> "coupons-tab-wizard".equals(lookup("#coupons-tabs").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getId()));
        assertEquals("A1, A2", lookup("#wizard-target").queryTextInputControl().getText());
    }
}
