package org.memberdesk.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.analytics.ShopFixture;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;
import org.memberdesk.ui.AppLook;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.FxTaskExecutor;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.UiContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19, defect 2: a chart in a page, used with the mouse as a shop owner would. The chart sits between two
 * tall blocks in a scroll pane, like the Dashboard's trend and funnel.
 */
class ChartViewersTest extends FxRobot {
    @TempDir
    Path folder;
    private RecordingDialogs dialogs;
    private FxTaskExecutor tasks;
    private ScrollPane page;
    private VBox column;
    private ChartViewer viewer;

    @AfterEach
    void close() throws Exception {
        if (tasks != null) {
            tasks.shutdown();
        }
        FxToolkit.cleanupStages();
    }

    private void open(Messages messages, JFreeChart chart) throws Exception {
        dialogs = new RecordingDialogs(messages);
        tasks = new FxTaskExecutor(dialogs, 1);
        UiContext context = new UiContext(new AppContext(Database.open(ShopFixture.build(folder)),
                Clock.system(ZoneId.systemDefault())), messages, tasks, dialogs, new DataChanges());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            viewer = ChartViewers.viewer(context);
            viewer.setId("chart");
            viewer.setPrefSize(700, 420);
            viewer.setMinHeight(420);
            ChartViewers.show(viewer, chart);
            column = new VBox(block(), viewer, block());
            page = new ScrollPane(column);
            page.setFitToWidth(true);
            Scene scene = new Scene(page, 900, 700);
            AppLook.style(scene);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        // the chart in the middle of the window, as when the owner scrolled down to it
        interact(() -> page.setVvalue(0.5));
    }

    private static Region block() {
        Region block = new Region();
        block.setMinHeight(600);
        return block;
    }

    private static JFreeChart overTime() {
        XYSeries series = new XYSeries("members");
        for (int day = 0; day <= 30; day++) {
            series.add(day, 10 + day % 7);
        }
        return ChartFactory.createXYLineChart("trend", "day", "members", new XYSeriesCollection(series));
    }

    private static JFreeChart stepBars() {
        DefaultCategoryDataset steps = new DefaultCategoryDataset();
        steps.addValue(120, "members", "1. joined");
        steps.addValue(80, "members", "2. bought");
        steps.addValue(30, "members", "3. bought again");
        return ChartFactory.createBarChart("funnel", "step", "members", steps);
    }

    private Range domain() {
        return ((XYPlot) viewer.getChart().getPlot()).getDomainAxis().getRange();
    }

    /** Drags across the middle half of the chart's plot, left to right, as to zoom into it. */
    private void dragAcrossTheMiddle() {
        Bounds box = viewer.localToScreen(viewer.getBoundsInLocal());
        double y = box.getMinY() + box.getHeight() * 0.5;
        drag(box.getMinX() + box.getWidth() * 0.3, y, MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(box.getMinX() + box.getWidth() * 0.5, y))
                .moveTo(new javafx.geometry.Point2D(box.getMinX() + box.getWidth() * 0.7, y + 40)).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void defect2_theWheelOverAChartScrollsThePageAndZoomsNothing() throws Exception {
        open(Messages.english(), overTime());
        Range before = domain();
        Range counts = ((XYPlot) viewer.getChart().getPlot()).getRangeAxis().getRange();
        double scrolled = page.getVvalue();
        moveTo("#chart").scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(scrolled, page.getVvalue(), 0.0001, "the page moves under the wheel");
        assertEquals(before, domain(), "the days shown stay as they were");
        assertEquals(counts, ((XYPlot) viewer.getChart().getPlot()).getRangeAxis().getRange());
    }

    @Test
    void defect2_aDragZoomOnAChartOverTimeIsUndoneByADoubleClick() throws Exception {
        open(Messages.english(), overTime());
        Range before = domain();
        dragAcrossTheMiddle();
        assertTrue(domain().getLength() < before.getLength() * 0.8, "zoomed into the days dragged over: " + domain());
        doubleClickOn("#chart");
        assertEquals(before, domain());
    }

    @Test
    void defect2_barsPerStepAreNeverZoomedAway() throws Exception {
        open(Messages.english(), stepBars());
        Range counts = ((CategoryPlot) viewer.getChart().getPlot()).getRangeAxis().getRange();
        dragAcrossTheMiddle();
        moveTo("#chart").scroll(3, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(counts, ((CategoryPlot) viewer.getChart().getPlot()).getRangeAxis().getRange());
    }

    @Test
    void defect2_aZoomDoesNotFollowTheOwnerToTheNextVisit() throws Exception {
        open(Messages.english(), overTime());
        Range before = domain();
        dragAcrossTheMiddle();
        assertNotEquals(before, domain());
        // another screen is shown (the page leaves the window), then this one again
        interact(() -> column.getChildren().remove(viewer));
        interact(() -> column.getChildren().add(1, viewer));
        assertEquals(before, domain());
    }

    @Test
    void defect2_theContextMenuIsTheAppsInTheShopsLanguage() throws Exception {
        open(Messages.chinese(), overTime());
        // a right click (Monocle's robot makes no context-menu request of it: the request is sent as the OS would)
        Bounds box = viewer.localToScreen(viewer.getBoundsInLocal());
        interact(() -> viewer.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                box.getWidth() / 2, box.getHeight() / 2, box.getCenterX(), box.getCenterY(), false, null)));
        UiFixture.waitUntil(() -> viewer.getContextMenu().isShowing());
        List<String> items = viewer.getContextMenu().getItems().stream().filter(MenuItem::isVisible)
                .map(MenuItem::getText).toList();
        assertEquals(List.of("重置缩放（或双击图表）", "保存为图片（PNG）…"), items);
        assertFalse(items.stream().anyMatch(text -> text.contains("Export")));

        // the picture is saved where the owner chose, on white, as large as the chart on screen
        Path png = folder.resolve("趋势.png");
        dialogs.fileAnswer = png;
        clickOn("保存为图片（PNG）…");
        UiFixture.waitUntil(() -> !dialogs.infos.isEmpty() || !dialogs.errors.isEmpty());
        assertEquals(List.of(), dialogs.errors);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(Math.round(viewer.getWidth()), image.getWidth());
        assertEquals(0xffffff, image.getRGB(2, 2) & 0xffffff);
        assertTrue(Files.size(png) > 5_000);
    }
}
