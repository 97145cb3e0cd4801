package org.memberdesk.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.TestDatabase;
import org.memberdesk.analytics.StoreShop;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.ScreenStage;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.FxTaskExecutor;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.UiContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Issue 21: the dashboard's store picker, clicked. The two-store shop is {@link StoreShop} (figures worked in
 * StoreReportsTest); "today" is 2026-11-22, so this month is 11-01 … 11-22, which holds all of its history.
 */
class DashboardStoresTest extends FxRobot {
    @TempDir
    Path folder;
    private FxTaskExecutor tasks;
    private RecordingDialogs dialogs;

    private void show(AppContext app) throws Exception {
        dialogs = new RecordingDialogs(Messages.english());
        tasks = new FxTaskExecutor(dialogs, 2);
        UiContext context = new UiContext(app, Messages.english(), tasks, dialogs, new DataChanges());
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

    private boolean shown(String id) {
        Node node = lookup(id).query();
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Opens the store picker (once it can be used) and clicks a choice in its list, not a table cell of the name. */
    private void pick(String store) {
        UiFixture.waitUntil(() -> !lookup("#dashboard-store").query().isDisabled());
        clickOn("#dashboard-store");
        clickOn((Node) lookup(".combo-box-popup .list-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText(store)).query());
    }

    /** The title of a chart on screen (ChartViewer of JFreeChart's FX module), "" before it is drawn. */
    private String chartTitle(String id) {
        org.jfree.chart.JFreeChart chart = lookup(id).queryAs(org.jfree.chart.fx.ChartViewer.class).getChart();
        return chart == null || chart.getTitle() == null ? "" : chart.getTitle().getText();
    }

    @Test
    void aChainPicksAStoreAndSeesItsFiguresOrEachStoresLine() throws Exception {
        show(StoreShop.build(TestDatabase.open(folder)).app);
        // the chain: ¥220 sold less ¥10 given back
        UiFixture.waitUntil(() -> text("#kpi-revenue-value").equals("¥210.00"));
        UiFixture.waitUntil(() -> shown("#dashboard-store"));
        assertTrue(shown("#dashboard-stores"));
        TableView<?> table = lookup("#dashboard-stores").queryAs(TableView.class);
        // 本店 (Main store in English): 2 joined, 2 purchases, ¥130, 2 check-ins; 二店: 2, 3, ¥90 − ¥10, 1
        assertEquals(List.of(new DashboardViewModel.StoreRow("Main store", "2", "2", "¥130.00", "2"),
                new DashboardViewModel.StoreRow("二店", "2", "3", "¥80.00", "1")), List.copyOf(table.getItems()));

        pick("二店");
        UiFixture.waitUntil(() -> text("#kpi-revenue-value").equals("¥80.00"));
        // 二店's new members: 张三 and 赵六; its purchases average ¥90 / 3
        assertEquals("2", text("#kpi-new-members-value"));
        assertEquals("¥30.00", text("#kpi-avg-order-value"));
        assertFalse(shown("#dashboard-stores"), "one store's figures have no per-store table");
        // the trend and the funnel on screen (and the PNGs they export) are titled with the store: "Dashboard · 二店 …"
        UiFixture.waitUntil(() -> chartTitle("#dashboard-trend").contains("二店"));
        UiFixture.waitUntil(() -> chartTitle("#dashboard-funnel").contains("二店"));

        pick("Main store");
        UiFixture.waitUntil(() -> text("#kpi-revenue-value").equals("¥130.00"));

        pick("All stores");
        UiFixture.waitUntil(() -> text("#kpi-revenue-value").equals("¥210.00"));
        UiFixture.waitUntil(() -> shown("#dashboard-stores"));
        UiFixture.waitUntil(() -> !chartTitle("#dashboard-funnel").contains("·"));
        assertFalse(chartTitle("#dashboard-trend").contains("·"), chartTitle("#dashboard-trend"));
    }

    @Test
    void theReportOfAPickedStoreIsThatStores() throws Exception {
        show(StoreShop.build(TestDatabase.open(folder)).app);
        UiFixture.waitUntil(() -> shown("#dashboard-store"));
        pick("二店");
        UiFixture.waitUntil(() -> text("#kpi-revenue-value").equals("¥80.00"));
        Path pdf = folder.resolve("second.pdf");
        dialogs.fileAnswer = pdf;
        clickOn("#dashboard-report");
        clickOn("Save the one-page report as PDF…");
        UiFixture.waitUntil(() -> !dialogs.infos.isEmpty());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            // this month so far (11-01 … 11-22), of 二店, whose name follows the title
            assertEquals("Dashboard · 二店 2026-11-01 … 2026-11-22", document.getDocumentInformation().getTitle());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            // 二店's revenue: #2 ¥20 + #3 ¥50 + #5 ¥20 less ¥10 given back = ¥80, not the chain's ¥210
            assertTrue(text.contains("Dashboard · 二店"), text);
            assertTrue(text.contains("¥80.00"), text);
            assertFalse(text.contains("¥210.00"), text);
        }

        // back to all stores: the chain's page, with no store in its title
        pick("All stores");
        UiFixture.waitUntil(() -> text("#kpi-revenue-value").equals("¥210.00"));
        Path chainPdf = folder.resolve("chain.pdf");
        dialogs.fileAnswer = chainPdf;
        clickOn("#dashboard-report");
        clickOn("Save the one-page report as PDF…");
        UiFixture.waitUntil(() -> dialogs.infos.size() == 2);
        try (var document = org.apache.pdfbox.Loader.loadPDF(chainPdf.toFile())) {
            assertEquals("Dashboard 2026-11-01 … 2026-11-22", document.getDocumentInformation().getTitle());
            assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(document).contains("¥210.00"));
        }
    }

    /** The per-store table of StoreShop's 本店 and 二店 and {@code more} stores with nothing sold, laid out. */
    private TableView<?> storeTable(String... more) throws Exception {
        StoreShop shop = StoreShop.build(TestDatabase.open(folder));
        for (String name : more) {
            shop.app.stores().add(name);
        }
        show(shop.app);
        UiFixture.waitUntil(() -> shown("#dashboard-stores"));
        TableView<?> table = lookup("#dashboard-stores").queryAs(TableView.class);
        UiFixture.waitUntil(() -> table.getItems().size() == 2 + more.length);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        interact(() -> table.getScene().getRoot().layout());
        return table;
    }

    private static boolean verticalScrollbarShown(TableView<?> table) {
        List<Node> vertical = List.copyOf(table.lookupAll(".scroll-bar:vertical"));
        assertFalse(vertical.isEmpty(), "the table has its (maybe hidden) vertical scrollbar");
        return vertical.stream().anyMatch(Node::isVisible);
    }

    /** The per-store table is as tall as its rows: three stores show whole, with no scrollbar beside them. */
    @Test
    void threeStoresShowWithoutAScrollbar() throws Exception {
        // 本店, 二店 and 三店 (a line of zeros)
        assertFalse(verticalScrollbarShown(storeTable("三店")), "no vertical scrollbar for 3 rows");
    }

    /** Ten lines is the most the table grows to: a chain of eleven scrolls to its last. */
    @Test
    void elevenStoresScroll() throws Exception {
        TableView<?> table = storeTable("三店", "四店", "五店", "六店", "七店", "八店", "九店", "十店", "十一店");
        assertTrue(verticalScrollbarShown(table), "11 rows, 10 shown: a scrollbar");
    }

    @Test
    void aShopOfOneStoreSeesNoStores() throws Exception {
        AppContext app = TestDatabase.open(folder);
        show(app);
        UiFixture.waitUntil(() -> !text("#kpi-revenue-value").isEmpty());
        // the stores were read (the same task runner, before the period's numbers were shown)
        UiFixture.waitUntil(() -> !lookup("#dashboard-store").queryComboBox().getItems().isEmpty());
        assertFalse(shown("#dashboard-store"));
        assertFalse(shown("#dashboard-stores"));
    }
}
