package org.memberdesk.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.analytics.ShopFixture;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.ScreenStage;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.FxTaskExecutor;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.UiContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The dashboard driven by clicks on the hand-built shop of the analytics tests, "today" being
 * 2026-01-31 (a Saturday): this month is January, this week 01-26 … 01-31. Numbers are worked in
 * AnalyticsServiceTest.
 */
class DashboardScreenTest extends FxRobot {
    @TempDir
    Path folder;
    private RecordingDialogs dialogs;
    private FxTaskExecutor tasks;

    @BeforeEach
    void open() throws Exception {
        dialogs = new RecordingDialogs(Messages.english());
        tasks = new FxTaskExecutor(dialogs, 2);
        UiContext context = ScreenStage.context(ShopFixture.build(folder), LocalDateTime.of(2026, 1, 31, 12, 0),
                tasks, dialogs);
        ScreenStage.show(() -> new DashboardScreen(context));
    }

    @AfterEach
    void close() throws Exception {
        tasks.shutdown();
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return lookup(id).tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }

    @Test
    void changingThePeriodChangesTheCards() {
        // January: 6 new members against 1 in December = +500 %; revenue ¥419.99 against ¥130.00
        UiFixture.waitUntil(() -> text("#kpi-new-members-value").equals("6"));
        assertEquals("+500.0% vs previous period", text("#kpi-new-members-change"));
        assertEquals("¥419.99", text("#kpi-revenue-value"));
        assertTrue(lookup("#dashboard-decomposition").queryAs(Label.class).getText().contains("¥454.99"));

        // this week (01-26 … 01-31): joined D only; the week before (01-20 … 01-25): F and I → −50 %
        clickOn("#period-week");
        UiFixture.waitUntil(() -> text("#kpi-new-members-value").equals("1"));
        assertEquals("-50.0% vs previous period", text("#kpi-new-members-change"));
        // D's 99.99 less G's 15.00 return
        assertEquals("¥84.99", text("#kpi-revenue-value"));
    }

    @Test
    void exportsTheTrendChartToPng() throws Exception {
        UiFixture.waitUntil(() -> text("#kpi-new-members-value").equals("6"));
        Path png = folder.resolve("trend.png");
        dialogs.fileAnswer = png;
        clickOn("#dashboard-export-png");
        UiFixture.waitUntil(() -> !dialogs.infos.isEmpty());
        assertEquals("Saved " + png, dialogs.infos.get(0));
        assertTrue(Files.size(png) > 5_000);

        // the period's one-page report, from the same bar
        Path pdf = folder.resolve("report.pdf");
        dialogs.fileAnswer = pdf;
        clickOn("#dashboard-report");
        clickOn("Save the one-page report as PDF…");
        UiFixture.waitUntil(() -> dialogs.infos.size() == 2);
        assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void opensTheMembersOfAFunnelStep() {
        UiFixture.waitUntil(() -> lookup("#funnel-steps").queryAs(ListView.class).getItems().size() == 5);
        // the funnel is below the trend: scroll down to it as a person would
        interact(() -> lookup(".scroll-pane").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0));
        // step 2 "bought at least once" of January's joiners: B (M2), C (M3), D (M4), F (M6)
        clickOn("2. Bought (activation) — 4");
        clickOn("#funnel-show-members");
        UiFixture.waitUntil(() -> lookup("#funnel-members-list").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<String> list = lookup("#funnel-members-list").queryAs(ListView.class);
        assertEquals(List.of("M2  会员M2", "M3  会员M3", "M4  会员M4", "M6  会员M6"), list.getItems());
        // tag the whole step, for a campaign to target
        clickOn("#funnel-tag-name").write("一月首购");
        clickOn("#funnel-tag-step");
        UiFixture.waitUntil(() -> text("#funnel-tagged").startsWith("4 members newly tagged"));
    }

    @Test
    void defect7_aarrr_theFunnelSaysWhatAarrrStandsFor() {
        UiFixture.waitUntil(() -> lookup("#funnel-steps").queryAs(ListView.class).getItems().size() == 5);
        String explained = text("#dashboard-funnel-explained");
        assertTrue(explained.contains("Acquisition → Activation → Retention → Revenue → Referral"), explained);
        assertTrue(explained.contains("joined → bought → bought again → spent the amount → referred a member"));
    }
}
