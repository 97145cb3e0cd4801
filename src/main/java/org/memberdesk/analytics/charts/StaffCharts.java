package org.memberdesk.analytics.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.memberdesk.common.Messages;
import org.memberdesk.staff.StaffFigures;
import org.memberdesk.staff.StaffPerformance;

/**
 * Staff performance (员工业绩) as grouped bars, one group per staff member: goods net of returns, cards sold and
 * top-ups, in yuan — the three a commission is usually paid on. Same look as every chart ({@link ChartStyle}).
 */
public final class StaffCharts {
    private final Messages messages;

    public StaffCharts(Messages messages) {
        this.messages = messages;
    }

    public JFreeChart performance(StaffPerformance.Report report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String net = messages.get("staffReport.chart.net");
        String cards = messages.get("staffReport.chart.cards");
        String topups = messages.get("staffReport.chart.topups");
        // a chain's report has a row per staff member and store: one bar group per person, their stores added up
        // (a second addValue under the same name would replace the first)
        java.util.Map<String, long[]> byWho = new java.util.LinkedHashMap<>();
        for (StaffFigures row : report.staff()) {
            String who = row.staffId() == null ? messages.get("staffReport.nobody") : row.name();
            long[] sums = byWho.computeIfAbsent(who, name -> new long[3]);
            sums[0] = Math.addExact(sums[0], row.netCents());
            sums[1] = Math.addExact(sums[1], row.cardsSoldCents());
            sums[2] = Math.addExact(sums[2], row.topupsCents());
        }
        byWho.forEach((who, sums) -> {
            // yuan as a double only to place the bar; the table and the files keep exact cents
            data.addValue(sums[0] / 100.0, net, who);
            data.addValue(sums[1] / 100.0, cards, who);
            data.addValue(sums[2] / 100.0, topups, who);
        });
        CategoryAxis axis = new CategoryAxis();
        axis.setMaximumCategoryLabelWidthRatio(1.0f);
        axis.setMaximumCategoryLabelLines(2);
        CategoryPlot plot = new CategoryPlot(data, axis, new NumberAxis(messages.get("staffReport.chart.yuan")),
                new BarRenderer());
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        ChartStyle.flatBars(renderer);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.08);
        JFreeChart chart = new JFreeChart(messages.get("staffReport.chart.title", report.from().toString(),
                report.to().toString()), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart);
    }
}
