package org.memberdesk.ui.dashboard;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/** How the analytics charts sit on a screen (the Dashboard's and the Analytics screen's). */
public final class ChartViewers {
    private ChartViewers() {
    }

    /** A chart viewer on white: where the chart leaves the canvas clear, the page must not show through dark. */
    public static ChartViewer viewer() {
        ChartViewer viewer = new ChartViewer();
        viewer.setStyle("-fx-background-color: white;");
        return viewer;
    }

    /**
     * The viewer paints the page (white) behind the chart: under the software pipeline the canvas showed
     * the chart's own full-area background fill as black.
     */
    public static JFreeChart onScreen(JFreeChart chart) {
        chart.setBackgroundPaint(null);
        return chart;
    }
}
