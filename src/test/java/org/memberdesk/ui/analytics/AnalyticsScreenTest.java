package org.memberdesk.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.analytics.ShopFixture;
import org.memberdesk.common.Messages;
import org.memberdesk.coupons.Target;
import org.memberdesk.ui.ScreenStage;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.FxTaskExecutor;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.UiContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The Analytics screen driven by clicks on the hand-built shop of the analytics tests, "today" being
 * 2026-04-10: this month (April) nobody joined; January's numbers are worked in AnalyticsViewModelTest.
 */
class AnalyticsScreenTest extends FxRobot {
    @TempDir
    Path folder;
    private RecordingDialogs dialogs;
    private FxTaskExecutor tasks;
    private final List<Target> campaigns = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        dialogs = new RecordingDialogs(Messages.english());
        tasks = new FxTaskExecutor(dialogs, 2);
        UiContext context = ScreenStage.context(ShopFixture.build(folder), LocalDateTime.of(2026, 4, 10, 10, 0),
                tasks, dialogs);
        ScreenStage.show(() -> new AnalyticsScreen(context, campaigns::add));
    }

    @AfterEach
    void close() throws Exception {
        tasks.shutdown();
        FxToolkit.cleanupStages();
    }

    @SuppressWarnings("unchecked")
    private List<String> steps() {
        return lookup("#analytics-funnel-steps").queryAs(ListView.class).getItems();
    }

    private void type(String id, String text) {
        clickOn(id);
        press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        write(text);
    }

    /** January as custom days, as a person types them. */
    private void chooseJanuary() {
        UiFixture.waitUntil(() -> steps().size() == 5);
        type("#analytics-period-from .text-field", "2026-01-01");
        type("#analytics-period-to .text-field", "2026-01-31");
        type("#analytics-period-from .text-field", "2026-01-01");
        clickOn("#analytics-period-apply");
        UiFixture.waitUntil(() -> steps().size() == 5 && steps().get(0).endsWith("— 6"));
    }

    @Test
    void changingThePeriodChangesTheFunnelAndTheCharts() {
        // April so far: nobody joined
        UiFixture.waitUntil(() -> steps().size() == 5);
        assertEquals("1. Joined (acquisition) — 0", steps().get(0));

        chooseJanuary();
        // 6 joined; 4 bought (4 of 6 = 66.7 %); 3 bought twice (75 %)
        assertEquals(List.of("1. Joined (acquisition) — 6", "2. Bought (activation) — 4  (66.7%)",
                "3. Bought again (retention) — 3  (75.0%)"), steps().subList(0, 3));
        // the RFM chart, computed when its tab opens, as of 01-31: 7 members had bought by then
        clickOn("Distributions");
        UiFixture.waitUntil(() -> {
            if (lookup("#distribution-rfm").queryAs(ChartViewer.class).getChart() == null) {
                return false;
            }
            var subtitle = (org.jfree.chart.title.TextTitle) lookup("#distribution-rfm").queryAs(ChartViewer.class)
                    .getChart().getSubtitle(0);
            return subtitle.getText().contains("2026-01-31") && subtitle.getText().contains("7");
        });
        // the cohorts follow: twelve months ending in January
        clickOn("Cohorts");
        UiFixture.waitUntil(() -> lookup("#cohort-2026-01-1").tryQuery().isPresent());
        assertEquals("2025-02", lookup("#cohorts-from").queryTextInputControl().getText());
    }

    @Test
    void exportsAChartToPngAndCsvAndTheReportToPdf() throws Exception {
        chooseJanuary();
        Path png = folder.resolve("funnel.png");
        dialogs.fileAnswer = png;
        clickOn("#funnel-export-png");
        UiFixture.waitUntil(() -> !dialogs.infos.isEmpty());
        assertEquals("Saved " + png, dialogs.infos.get(0));
        byte[] bytes = Files.readAllBytes(png);
        assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
        assertTrue(bytes.length > 5_000);

        Path csv = folder.resolve("funnel.csv");
        dialogs.fileAnswer = csv;
        clickOn("#funnel-export-csv");
        UiFixture.waitUntil(() -> dialogs.infos.size() == 2);
        assertEquals("1,joined,6,", Files.readAllLines(csv).get(1));

        Path pdf = folder.resolve("report.pdf");
        dialogs.fileAnswer = pdf;
        clickOn("#analytics-report");
        clickOn("Save the one-page report as PDF…");
        UiFixture.waitUntil(() -> dialogs.infos.size() == 3);
        assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void opensAFunnelStepsMembersAndTargetsACampaign() {
        chooseJanuary();
        doubleClickOn("2. Bought (activation) — 4  (66.7%)");
        UiFixture.waitUntil(() -> lookup("#funnel-members-list").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<String> list = lookup("#funnel-members-list").queryAs(ListView.class);
        // January's joiners who bought by 01-31: B (M2), C (M3), D (M4), F (M6)
        assertEquals(List.of("M2  会员M2", "M3  会员M3", "M4  会员M4", "M6  会员M6"), list.getItems());
        clickOn("#funnel-target-campaign");
        UiFixture.waitUntil(() -> !campaigns.isEmpty());
        assertEquals(new Target(Target.Kind.LIST, "M2, M3, M4, M6"), campaigns.get(0));
    }

    @Test
    void buildsACustomFunnelWithAnInvalidThenAValidRule() {
        chooseJanuary();
        clickOn("#funnel-kind-custom");
        type("#funnel-step-0", "purchases >= 2");
        clickOn("#funnel-add-step");
        type("#funnel-step-1", "total_spent >=");
        // the parser's message shows under the step, and the funnel is not computed
        UiFixture.waitUntil(() -> lookup("#funnel-step-1-error").queryAs(Label.class).isVisible());
        assertTrue(lookup("#funnel-step-1-error").queryAs(Label.class).getText().startsWith("at position "));
        clickOn("#funnel-compute");
        assertEquals("Some steps are not rules yet: see the message under each",
                lookup("#funnel-problem").queryAs(Label.class).getText());

        clickOn("#funnel-step-1").write(" 60");
        assertTrue(!lookup("#funnel-step-1-error").queryAs(Label.class).isVisible());
        clickOn("#funnel-compute");
        // 6 joined; B C F bought twice; of them C spent ¥60 or more (¥105)
        UiFixture.waitUntil(() -> steps().size() == 3);
        // (rules the AARRR funnel also uses are named by their stage)
        assertEquals(List.of("1. Joined (acquisition) — 6", "2. Bought again (retention) — 3  (50.0%)",
                "3. Spent ¥60.00 or more (revenue) — 1  (33.3%)"), steps());

        type("#funnel-name", "一月回头客");
        clickOn("#funnel-save");
        UiFixture.waitUntil(() -> lookup("#funnel-message").queryAs(Label.class).getText()
                .equals("Saved the funnel “一月回头客”"));
    }

    @Test
    void hoveringACohortCellShowsItsCounts() {
        chooseJanuary();
        clickOn("Cohorts");
        UiFixture.waitUntil(() -> lookup("#cohort-2026-01-1").tryQuery().isPresent());
        // January's cohort B C D F H (5); in February (month 1) D and H bought: 2 of 5 = 40 %
        assertEquals("40.0%", lookup("#cohort-2026-01-1").queryAs(Label.class).getText());
        moveTo("#cohort-2026-01-1");
        String expected = "Cohort 2026-01, month 1: 2 of 5 bought (40.0%)";
        UiFixture.waitUntil(() -> listWindows().stream().anyMatch(w -> w instanceof Tooltip tip && tip.isShowing()
                && expected.equals(tip.getText())));
        assertEquals(expected, lookup("#cohorts-hovered").queryAs(Label.class).getText());
    }

    @Test
    void defect7_aarrr_theFunnelSaysWhatAarrrStandsFor() {
        UiFixture.waitUntil(() -> steps().size() == 5);
        String stages = "Acquisition → Activation → Retention → Revenue → Referral";
        Label explained = lookup("#funnel-aarrr-explained").queryAs(Label.class);
        assertTrue(explained.isVisible() && explained.getText().contains(stages), explained.getText());
        Tooltip tip = lookup("#funnel-kind-aarrr").queryAs(javafx.scene.control.RadioButton.class).getTooltip();
        assertTrue(tip != null && tip.getText().contains(stages));
    }

    @Test
    void defect7_emptyStep_aNewStepShowsNoErrorBeforeAnythingIsTyped() {
        chooseJanuary();
        clickOn("#funnel-kind-custom");
        clickOn("#funnel-add-step");
        UiFixture.waitUntil(() -> lookup("#funnel-step-1").tryQuery().isPresent());
        Label error = lookup("#funnel-step-1-error").queryAs(Label.class);
        assertTrue(!error.isVisible() && error.getText().isEmpty(), "no red text under a step not typed in yet");

        // asked to save with the step still empty: now it says what to do
        type("#funnel-name", "空的一步");
        clickOn("#funnel-save");
        UiFixture.waitUntil(() -> lookup("#funnel-step-1-error").queryAs(Label.class).isVisible());
        assertEquals("Type a rule for this step, or remove it",
                lookup("#funnel-step-1-error").queryAs(Label.class).getText());
        assertEquals("Some steps are not rules yet: see the message under each",
                lookup("#funnel-problem").queryAs(Label.class).getText());

        // another new step, typed in and cleared again: the message comes with the typing
        clickOn("#funnel-add-step");
        UiFixture.waitUntil(() -> lookup("#funnel-step-2").tryQuery().isPresent());
        assertTrue(!lookup("#funnel-step-2-error").queryAs(Label.class).isVisible());
        clickOn("#funnel-step-2").write("p");
        UiFixture.waitUntil(() -> lookup("#funnel-step-2-error").queryAs(Label.class).isVisible());
    }

    @Test
    void defect7_emptyStates_aMonthWithoutJoinersSaysSoInWords() {
        // April so far: nobody joined, so the funnel chart has no bars and says why
        UiFixture.waitUntil(() -> steps().size() == 5);
        ChartViewer funnel = lookup("#analytics-funnel-chart").queryAs(ChartViewer.class);
        UiFixture.waitUntil(() -> funnel.getChart() != null);
        assertEquals("No member joined in these days, so there is no funnel to show",
                funnel.getChart().getPlot().getNoDataMessage());
        assertTrue(org.jfree.data.general.DatasetUtils.isEmptyOrNull(
                ((org.jfree.chart.plot.CategoryPlot) funnel.getChart().getPlot()).getDataset()));
        // cohorts of months long before the shop opened
        clickOn("Cohorts");
        type("#cohorts-from", "2020-01");
        type("#cohorts-to", "2020-03");
        clickOn("#cohorts-apply");
        UiFixture.waitUntil(() -> lookup("#cohorts-empty").queryAs(Label.class).isVisible());
        assertEquals("No member made a first purchase in these months, so there is nobody to follow yet",
                lookup("#cohorts-empty").queryAs(Label.class).getText());
    }
}
