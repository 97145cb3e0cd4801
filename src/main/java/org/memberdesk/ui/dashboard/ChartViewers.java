package org.memberdesk.ui.dashboard;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.UiContext;

/**
 * The one place every chart of the app is put on screen (Dashboard, Analytics, staff performance, a campaign's
 * funnel), so all charts behave alike:
 * <ul>
 * <li>the mouse wheel scrolls the page, as everywhere else: JFreeChart's wheel zoom (its "scroll" handler) and
 * alt-drag pan ("pan") are taken off the canvas;</li>
 * <li>a chart over time (an XY plot: the trend, the predictions' curves) keeps drag-to-zoom on a region; a chart of
 * bars per step or group (a category plot: funnels, distributions) does not zoom at all, so no bar can vanish;</li>
 * <li>a double-click or "Reset zoom" in the context menu puts the axes back; so does a new chart, and the chart
 * leaving the window (another screen), so a zoom never follows the owner to the next visit;</li>
 * <li>the context menu is the app's, in the person's language: reset zoom, save as picture (PNG), and export the
 * numbers (CSV) where the screen has them.</li>
 * </ul>
 */
public final class ChartViewers {
    /** Where a viewer keeps the axes' ranges as they were before the first zoom of its current chart. */
    private static final String BEFORE_ZOOM = "memberdesk.chart.beforeZoom";

    private ChartViewers() {
    }

    /** What an axis showed before a zoom: its range and whether it followed the data. */
    private record AxisRange(ValueAxis axis, Range range, boolean auto) {
        void restore() {
            if (auto) {
                axis.setAutoRange(true);
            } else {
                axis.setRange(range);
            }
        }
    }

    /** The axes' ranges of one chart before it was zoomed. */
    private record BeforeZoom(JFreeChart chart, List<AxisRange> axes) {
    }

    /** A chart viewer whose context menu saves the chart as a picture (and resets a zoom). */
    public static ChartViewer viewer(UiContext context) {
        return viewer(context, null);
    }

    /**
     * A chart viewer whose context menu also exports the numbers behind the chart as CSV; {@code data} gives them
     * (null while there are none: the item is then disabled).
     */
    public static ChartViewer viewer(UiContext context, Supplier<ChartExport.ChartData> data) {
        ChartViewer viewer = new ChartViewer();
        // the viewer paints the page (white) where the chart leaves the canvas clear: see onScreen
        viewer.setStyle("-fx-background-color: white;");
        ChartCanvas canvas = viewer.getCanvas();
        MouseHandlerFX wheel = canvas.getMouseHandler("scroll");
        if (wheel != null) {
            canvas.removeAuxiliaryMouseHandler(wheel);
        }
        MouseHandlerFX pan = canvas.getMouseHandler("pan");
        if (pan != null) {
            canvas.removeMouseHandler(pan);
        }
        // before the canvas sees a press: remember the axes (for the reset) and allow a drag-zoom on XY charts only
        viewer.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            MouseHandlerFX zoom = canvas.getMouseHandler("zoom");
            if (zoom instanceof org.jfree.chart.fx.interaction.AbstractMouseHandlerFX handler) {
                handler.setEnabled(zoomable(viewer.getChart()));
            }
            remember(viewer);
        });
        viewer.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetZoom(viewer);
            }
        });
        viewer.sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                resetZoom(viewer);
            }
        });
        menu(context, viewer, data);
        return viewer;
    }

    /** Shows {@code chart} in the viewer, unzoomed, painted on the viewer's white (see {@link #onScreen}). */
    public static void show(ChartViewer viewer, JFreeChart chart) {
        viewer.getProperties().remove(BEFORE_ZOOM);
        viewer.setChart(onScreen(chart));
    }

    /** Puts the axes of the viewer's chart back as they were before it was zoomed; true when something changed. */
    public static boolean resetZoom(ChartViewer viewer) {
        Object kept = viewer.getProperties().remove(BEFORE_ZOOM);
        if (kept instanceof BeforeZoom before && before.chart() == viewer.getChart()) {
            before.axes().forEach(AxisRange::restore);
            return true;
        }
        return false;
    }

    /** True for a chart that may be drag-zoomed: one over time or numbers (XY), not bars per step or group. */
    public static boolean zoomable(JFreeChart chart) {
        return chart != null && !(chart.getPlot() instanceof CategoryPlot) && chart.getPlot() instanceof XYPlot;
    }

    /**
     * The viewer paints the page (white) behind the chart: under the software pipeline the canvas showed
     * the chart's own full-area background fill as black.
     */
    public static JFreeChart onScreen(JFreeChart chart) {
        chart.setBackgroundPaint(null);
        return chart;
    }

    private static void remember(ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        Object kept = viewer.getProperties().get(BEFORE_ZOOM);
        if (chart == null || (kept instanceof BeforeZoom before && before.chart() == chart)) {
            return;
        }
        List<AxisRange> axes = new ArrayList<>();
        collect(chart.getPlot(), axes);
        viewer.getProperties().put(BEFORE_ZOOM, new BeforeZoom(chart, axes));
    }

    private static void collect(Plot plot, List<AxisRange> axes) {
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                add(xy.getDomainAxis(i), axes);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                add(xy.getRangeAxis(i), axes);
            }
            if (xy instanceof CombinedDomainXYPlot combined) {
                for (XYPlot sub : combined.getSubplots()) {
                    collect(sub, axes);
                }
            }
        } else if (plot instanceof CategoryPlot category) {
            for (int i = 0; i < category.getRangeAxisCount(); i++) {
                add(category.getRangeAxis(i), axes);
            }
        }
    }

    private static void add(ValueAxis axis, List<AxisRange> axes) {
        if (axis != null) {
            axes.add(new AxisRange(axis, axis.getRange(), axis.isAutoRange()));
        }
    }

    /** The app's own context menu in place of JFreeChart's untranslated "Export As". */
    private static void menu(UiContext context, ChartViewer viewer, Supplier<ChartExport.ChartData> data) {
        MenuItem reset = new MenuItem(context.text("chart.menu.resetZoom"));
        reset.setId("chart-reset-zoom");
        reset.setOnAction(e -> resetZoom(viewer));
        MenuItem png = new MenuItem(context.text("chart.menu.savePng"));
        png.setId("chart-save-png");
        png.setOnAction(e -> savePng(context, viewer));
        viewer.getContextMenu().getItems().setAll(reset, png);
        MenuItem csv = new MenuItem(context.text("chart.menu.exportData"));
        csv.setId("chart-export-data");
        if (data != null) {
            csv.setOnAction(e -> exportData(context, data.get()));
            viewer.getContextMenu().getItems().add(csv);
        }
        viewer.getContextMenu().setOnShowing(e -> {
            viewer.getCanvas().setTooltipEnabled(false);
            reset.setVisible(zoomable(viewer.getChart()));
            png.setDisable(viewer.getChart() == null);
            csv.setDisable(data == null || data.get() == null);
        });
    }

    /** Saves the chart as it is shown (its size, its zoom) as a PNG on white. */
    private static void savePng(UiContext context, ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        if (chart == null) {
            return;
        }
        context.chooseOutputFile(context.text("chart.menu.savePng"), "chart.png", "PNG", "*.png").ifPresent(file -> {
            int width = Math.max(400, (int) Math.round(viewer.getWidth()));
            int height = Math.max(300, (int) Math.round(viewer.getHeight()));
            // drawn here, on the thread that draws the chart on screen; only the writing goes to the background
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setPaint(Color.WHITE);
                g.fillRect(0, 0, width, height);
                chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
            } finally {
                g.dispose();
            }
            String title = chart.getTitle() == null ? "" : chart.getTitle().getText();
            context.tasks().execute(BackgroundTask.of(() -> {
                context.app().analyticsCharts().writePng(image, title, file);
                return file;
            }).onSuccess(saved -> context.dialogs().showInfo(context.text("chart.menu.savePng"),
                    context.text("analytics.ui.exported", saved))));
        });
    }

    private static void exportData(UiContext context, ChartExport.ChartData numbers) {
        if (numbers == null) {
            return;
        }
        context.chooseOutputFile(context.text("chart.menu.exportData"), "chart.csv", "CSV", "*.csv")
                .ifPresent(file -> context.tasks().execute(BackgroundTask.of(() -> {
                    context.app().analyticsCharts().csv(numbers, file);
                    return file;
                }).onSuccess(saved -> context.dialogs().showInfo(context.text("chart.menu.exportData"),
                        context.text("analytics.ui.exported", saved)))));
    }
}
