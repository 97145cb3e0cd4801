package org.memberdesk.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.Node;
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
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
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
    private Node root;

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
        // this test's window only: another class's window may still hold an Analytics screen of its own
        root = FxToolkit.toolkitContext().getRegisteredStage().getScene().getRoot();
        clickOn(find("#analytics-tab-predictions"));
    }

    private Node find(String query) {
        return from(root).lookup(query).query();
    }

    @AfterEach
    void close() throws Exception {
        if (tasks != null) {
            tasks.shutdown();
        }
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return ((Label) find(id)).getText();
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
        assertFalse(find("#predictions-empty").isVisible());

        // P(alive): the 946 repeat buyers in tenths; the 2,357 − 946 = 1,411 one-time buyers said in the note
        UiFixture.waitUntil(() -> ((ChartViewer) find("#predictions-palive")).getChart() != null);
        var alive = ((ChartViewer) find("#predictions-palive")).getChart();
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
        UiFixture.waitUntil(30, () -> ((ChartViewer) find("#predictions-fitcheck")).getChart() != null);
        CategoryDataset check = ((CategoryPlot) ((ChartViewer) find("#predictions-fitcheck")).getChart()
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

        // the fit check's numbers to CSV, as every analytics chart: x, actual, predicted
        Path csv = folder.resolve("fit-check.csv");
        dialogs.fileAnswer = csv;
        clickOn(find("#predictions-fitcheck-export-csv"));
        UiFixture.waitUntil(() -> !dialogs.infos.isEmpty());
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertEquals("\uFEFFrepeat_days,actual_members,predicted_members", lines.get(0));
        assertTrue(lines.get(1).startsWith("0,1411,"), lines.get(1));
        assertTrue(lines.get(8).startsWith("7+,64,"), lines.get(8));

        // the win-back list: slipping repeat buyers, the most valuable first, phones masked
        @SuppressWarnings("unchecked")
        TableView<PredictionsViewModel.WinBack> table =
                (TableView<PredictionsViewModel.WinBack>) find("#predictions-winback");
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
        assertTrue(from(root).lookup(".table-cell").queryAll().stream().anyMatch(cell -> cell instanceof javafx.scene.control
                .TableCell<?, ?> c && firstPhone.equals(c.getText())));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void finding5_anEmptyShopSaysWhatTheTabNeedsAndRefitIsRefusedWithTheReason() throws Exception {
        open(folder.resolve("empty.db"));
        UiFixture.waitUntil(() -> find("#predictions-empty").isVisible());
        assertTrue(from(root).lookup("#predictions-empty .label").queryAll().stream().anyMatch(l -> ((Label) l).getText()
                .contains("at least 50 repeat buyers")));
        assertFalse(find("#predictions-refused").isVisible());

        clickOn(find("#predictions-refit"));
        UiFixture.waitUntil(() -> find("#predictions-refused").isVisible());
        assertEquals("Only 0 members have bought on more than one day; the models need at least 50 such repeat "
                + "buyers to say anything reliable, so no prediction was made.", text("#predictions-refused"));
        // not an error dialog: the reason stays in the tab, which still says what it needs
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertTrue(find("#predictions-empty").isVisible());
        assertFalse(((javafx.scene.control.Button) find("#predictions-refit")).isDisabled());
        // no pass has renewals either
        assertTrue(find("#predictions-renewals-none").isVisible());
    }

    @Test
    void finding3_aPeriodPassShowsItsRenewalsTheFittedCurveAndTheProjection() throws Exception {
        // RenewalForecastTest's 月卡 (30 days), today 2026-11-22: cohort 1 (1 Aug) 10 members, 6 renewed once, 4
        // twice → [10, 6, 4]; cohort 2 (10 Sep) 5 members, 3 renewed → [5, 3]; the exact fit is α = 2, β = 3
        AppContext app = TestDatabase.open(folder);
        long month = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30,
                null, 0, 0, true, false));
        int[] members = {0};
        java.util.function.BiConsumer<Integer, LocalDateTime[]> buyers = (count, times) -> {
            for (int i = 0; i < count; i++) {
                members[0]++;
                long id = app.members().add(TestDatabase.member("R" + members[0], "会员" + members[0],
                        String.format("1390000%04d", members[0]))).id();
                for (LocalDateTime time : times) {
                    app.cards().sell(id, month, Pay.CASH, null, time);
                }
            }
        };
        buyers.accept(4, new LocalDateTime[] {at(8, 1)});
        buyers.accept(2, new LocalDateTime[] {at(8, 1), at(8, 28)});
        buyers.accept(4, new LocalDateTime[] {at(8, 1), at(8, 28), at(9, 27)});
        buyers.accept(2, new LocalDateTime[] {at(9, 10)});
        buyers.accept(3, new LocalDateTime[] {at(9, 10), at(10, 5)});

        assertEquals(1, app.predictions().renewalForecasts().size());
        open(folder.resolve("test.db"));
        String id = "#predictions-renewal-" + month;
        UiFixture.waitUntil(() -> from(root).lookup(id).tryQuery().isPresent());
        var chart = ((ChartViewer) find(id)).getChart();
        assertEquals("月卡: members still holding the pass", chart.getTitle().getText());
        String note = ((TextTitle) chart.getSubtitle(1)).getText();
        assertTrue(note.startsWith("α 2.000 · β 3.000 · log-likelihood "), note);
        assertTrue(note.contains("from 2 cohorts of first purchases, the one shown observed for 2 periods; the next 5 "
                + "projected"), note);
        var data = (org.jfree.data.xy.XYSeriesCollection) ((org.jfree.chart.plot.XYPlot) chart.getPlot()).getDataset();
        assertEquals(List.of(10.0, 6.0, 4.0), data.getSeries(0).getItems().stream()
                .map(item -> ((org.jfree.data.xy.XYDataItem) item).getYValue()).toList());
        // fitted 10 · S(t) for t = 0 … 2: 10, 6, 4; projected from period 2 to 7: 10 · S(7) = 10 · 6/55
        assertEquals(3, data.getSeries(1).getItemCount());
        assertEquals(6, data.getSeries(2).getItemCount());
        assertEquals(7.0, data.getSeries(2).getX(5).doubleValue());
        assertEquals(60.0 / 55, data.getSeries(2).getY(5).doubleValue(), 1e-3);
        assertFalse(find("#predictions-renewals-none").isVisible());
    }

    private static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 10, 0);
    }
}
