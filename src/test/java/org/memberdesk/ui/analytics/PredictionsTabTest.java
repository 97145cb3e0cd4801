package org.memberdesk.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.predictions.TimeUnit;
import org.memberdesk.ui.ScreenStage;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.FxTaskExecutor;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.UiContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The Analytics screen's Predictions tab, clicked as a person would: on the CDNOW sample fitted at 1997-09-30 (the
 * published parameters, fit check and a win-back list with masked phones), and on an empty shop (what the tab is
 * for, and "Refit now" refused in the shop's words).
 */
class PredictionsTabTest extends FxRobot {
    @TempDir
    static Path cdnowFolder;
    @TempDir
    Path folder;
    private RecordingDialogs dialogs;
    private FxTaskExecutor tasks;

    @BeforeAll
    static void importAndFit() throws Exception {
        AppContext app = CdnowShop.importInto(cdnowFolder);
        app.predictions().fit(CdnowShop.CALIBRATION_END, TimeUnit.WEEK);
    }

    private void open(Path database) throws Exception {
        dialogs = new RecordingDialogs(Messages.english());
        tasks = new FxTaskExecutor(dialogs, 2);
        UiContext context = ScreenStage.context(database, TestDatabase.NOW, tasks, dialogs);
        ScreenStage.show(() -> new AnalyticsScreen(context, target -> { }));
        clickOn("#analytics-tab-predictions");
    }

    @AfterEach
    void close() throws Exception {
        if (tasks != null) {
            tasks.shutdown();
        }
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void finding4_theTabShowsTheCdnowModelItsFitCheckAndTheWinBackList() throws Exception {
        open(cdnowFolder.resolve("test.db"));
        UiFixture.waitUntil(30, () -> text("#predictions-bgnbd").startsWith("r "));
        // Fader, Hardie & Lee (2005) on the CDNOW 1/10 sample: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.43
        assertTrue(text("#predictions-bgnbd").startsWith("r 0.243 · α 4.414 · a 0.793 · b 2.426 · log-likelihood "
                + "-9,582.4"), text("#predictions-bgnbd"));
        // Gamma-Gamma on the 946 repeat buyers: p 6.25, q 3.74, v 15.45 (±0.01; this fit's v is 15.445 → "15.44")
        assertTrue(text("#predictions-spend").matches("p 6\\.2[456] · q 3\\.7[345] · v 15\\.4[456], from 946 repeat "
                + "buyers"), text("#predictions-spend"));
        assertEquals("1997-09-30 (time counted in weeks)", text("#predictions-as-of"));
        assertEquals("2,357 members bought by then, 946 of them on more than one day (repeat buyers)",
                text("#predictions-buyers"));
        assertTrue(text("#predictions-converged").startsWith("Yes"));
        assertFalse(lookup("#predictions-empty").query().isVisible());

        // P(alive): the 946 repeat buyers in tenths; the 2,357 − 946 = 1,411 one-time buyers said in the note
        UiFixture.waitUntil(() -> lookup("#predictions-palive").queryAs(ChartViewer.class).getChart() != null);
        var alive = lookup("#predictions-palive").queryAs(ChartViewer.class).getChart();
        CategoryDataset tenths = ((CategoryPlot) alive.getPlot()).getDataset();
        assertEquals(10, tenths.getColumnCount());
        long repeat = 0;
        for (int i = 0; i < 10; i++) {
            repeat += tenths.getValue(0, i).longValue();
        }
        assertEquals(946, repeat);
        String note = ((TextTitle) alive.getSubtitle(0)).getText();
        assertTrue(note.startsWith("946 repeat buyers. Not shown: 1,411 one-time buyers"), note);

        // BTYD's calibration counts for x = 0 … 6, 7+: 1411, 439, 214, 100, 62, 38, 29, 64
        UiFixture.waitUntil(30, () -> lookup("#predictions-fitcheck").queryAs(ChartViewer.class).getChart() != null);
        CategoryDataset check = ((CategoryPlot) lookup("#predictions-fitcheck").queryAs(ChartViewer.class).getChart()
                .getPlot()).getDataset();
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7+"), check.getColumnKeys());
        List<Long> actual = new ArrayList<>();
        for (int x = 0; x < 8; x++) {
            actual.add(check.getValue(0, x).longValue());
        }
        assertEquals(List.of(1411L, 439L, 214L, 100L, 62L, 38L, 29L, 64L), actual);
        assertEquals(2357, check.getValue(1, 0).doubleValue() + check.getValue(1, 1).doubleValue()
                + check.getValue(1, 2).doubleValue() + check.getValue(1, 3).doubleValue()
                + check.getValue(1, 4).doubleValue() + check.getValue(1, 5).doubleValue()
                + check.getValue(1, 6).doubleValue() + check.getValue(1, 7).doubleValue(), 0.5);

        // the win-back list: slipping repeat buyers, the most valuable first, phones masked
        @SuppressWarnings("unchecked")
        TableView<PredictionsViewModel.WinBack> table = lookup("#predictions-winback").queryAs(TableView.class);
        UiFixture.waitUntil(() -> !table.getItems().isEmpty());
        assertEquals(PredictionsViewModel.WIN_BACK_ROWS, table.getItems().size());
        for (PredictionsViewModel.WinBack row : table.getItems()) {
            assertTrue(row.phone().matches("139\\*{4}\\d{4}"), row.phone());
            assertTrue(row.pAlive() < 0.5, row.memberNo() + " " + row.pAlive());
            // 139 and the member's number on eight digits: C1516 → 13900001516 → 139****1516
            assertEquals("139****" + row.memberNo().substring(1), row.phone());
        }
        for (int i = 1; i < table.getItems().size(); i++) {
            assertTrue(table.getItems().get(i - 1).clvCents() >= table.getItems().get(i).clvCents());
        }
        // what the person sees in the phone column is the masked number
        String firstPhone = table.getItems().get(0).phone();
        assertTrue(lookup(".table-cell").queryAll().stream().anyMatch(cell -> cell instanceof javafx.scene.control
                .TableCell<?, ?> c && firstPhone.equals(c.getText())));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void finding5_anEmptyShopSaysWhatTheTabNeedsAndRefitIsRefusedWithTheReason() throws Exception {
        open(folder.resolve("empty.db"));
        UiFixture.waitUntil(() -> lookup("#predictions-empty").query().isVisible());
        assertTrue(lookup("#predictions-empty .label").queryAll().stream().anyMatch(l -> ((Label) l).getText()
                .contains("at least 50 repeat buyers")));
        assertFalse(lookup("#predictions-refused").query().isVisible());

        clickOn("#predictions-refit");
        UiFixture.waitUntil(() -> lookup("#predictions-refused").query().isVisible());
        assertEquals("Only 0 members have bought on more than one day; the models need at least 50 such repeat "
                + "buyers to say anything reliable, so no prediction was made.", text("#predictions-refused"));
        // not an error dialog: the reason stays in the tab, which still says what it needs
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertTrue(lookup("#predictions-empty").query().isVisible());
        assertFalse(lookup("#predictions-refit").queryButton().isDisabled());
    }
}
