package org.memberdesk.analytics.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.analytics.Granularity;
import org.memberdesk.analytics.Period;
import org.memberdesk.BothEngines;
import org.memberdesk.analytics.ShopFixture;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;

/** Issue 19, defect 7 (the daily chart): each day is named once under the trend, whatever the chart's width. */
@BothEngines
class DailyAxisTest {
    @TempDir
    Path folder;

    /** The tick labels of the trend's time axis as drawn at {@code width} × {@code height}. */
    private static List<String> dayLabels(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        DateAxis axis = (DateAxis) ((CombinedDomainXYPlot) chart.getXYPlot()).getDomainAxis();
        List<String> labels = axis.refreshTicks(g, new AxisState(), info.getPlotInfo().getDataArea(),
                RectangleEdge.BOTTOM).stream().map(tick -> ((ValueTick) tick).getText()).toList();
        g.dispose();
        return labels;
    }

    @Test
    void defect7_dailyChart_eachDayIsNamedOnceOnTheAxis() {
        AppContext app = new AppContext(ShopFixture.database(folder), Clock.system(ZoneId.systemDefault()));
        {
            AnalyticsCharts charts = new AnalyticsCharts(Messages.chinese());
            // this week as the dashboard shows it (Monday 01-26 to Saturday 01-31, by day), on screen and in a PNG
            JFreeChart week = charts.dashboard(app.analytics().dashboard(
                    new Period(LocalDate.of(2026, 1, 26), LocalDate.of(2026, 1, 31)), Granularity.DAY));
            for (int width : new int[] {700, 1100, 1600}) {
                List<String> labels = dayLabels(week, width, 420);
                assertEquals(labels.size(), new HashSet<>(labels).size(), width + " px: " + labels);
                // 6 days: 01-26 … 01-31, every one named (there is room for each)
                assertEquals(List.of("01-26", "01-27", "01-28", "01-29", "01-30", "01-31"), labels, width + " px");
            }
            DateAxis axis = (DateAxis) ((CombinedDomainXYPlot) week.getXYPlot()).getDomainAxis();
            assertEquals(DateTickUnitType.DAY, axis.getTickUnit().getUnitType());

            // a month by day: fewer labels when narrow, but never a day twice
            JFreeChart month = charts.dashboard(app.analytics().dashboard(
                    new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)), Granularity.DAY));
            for (int width : new int[] {500, 1100, 2400}) {
                List<String> labels = dayLabels(month, width, 420);
                assertEquals(labels.size(), new HashSet<>(labels).size(), width + " px: " + labels);
                assertTrue(labels.size() >= 4, width + " px: " + labels);
            }
        }
    }
}
