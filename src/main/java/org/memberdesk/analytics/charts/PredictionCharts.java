package org.memberdesk.analytics.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.memberdesk.common.Messages;
import org.memberdesk.predictions.FitCheck;
import org.memberdesk.predictions.RenewalForecast;

/**
 * The Predictions tab's charts (JFreeChart, in the analytics charts' look): repeat buyers per tenth of P(alive),
 * BTYD's model-fit check (actual against predicted members for each number of repeat purchase days), and a period
 * pass's renewals with their sBG curve and projection.
 * No database access here.
 */
public final class PredictionCharts {
    private final Messages messages;
    private final NumberFormat counts;

    public PredictionCharts(Messages messages) {
        this.messages = messages;
        Locale locale = messages.locale() == Locale.ROOT ? Locale.ENGLISH : messages.locale();
        this.counts = NumberFormat.getIntegerInstance(locale);
    }

    /** The categories of the P(alive) chart: 0.0 – 0.1 … 0.9 – 1.0 (spaced: on a narrow chart they wrap). */
    public static String tenth(int i) {
        return String.format(Locale.ROOT, "%.1f – %.1f", i / 10.0, (i + 1) / 10.0);
    }

    /** The categories of the fit check: 0 … 6 and "7+". */
    public static String frequency(int x) {
        return x < FitCheck.TOP ? Integer.toString(x) : FitCheck.TOP + "+";
    }

    /** Repeat buyers per tenth of P(alive), labelled with their count; the one-time buyers said in a note. */
    public JFreeChart pAlive(long[] tenths, long oneTimeBuyers) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        long repeat = 0;
        for (int i = 0; i < tenths.length; i++) {
            data.addValue(tenths[i], messages.get("predict.ui.chart.repeatBuyers"), tenth(i));
            repeat += tenths[i];
        }
        CategoryAxis axis = new CategoryAxis(messages.get("predict.ui.chart.pAliveAxis"));
        axis.setMaximumCategoryLabelLines(2);
        NumberAxis members = new NumberAxis(messages.get("analytics.members"));
        members.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        members.setUpperMargin(0.15);
        BarRenderer renderer = new BarRenderer();
        CategoryPlot plot = new CategoryPlot(data, axis, members, renderer);
        ChartStyle.flatBars(renderer);
        renderer.setSeriesPaint(0, ChartStyle.BLUE);
        renderer.setItemMargin(0);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", counts));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.font(Font.PLAIN, 11));
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1}: {2}", counts));
        JFreeChart chart = new JFreeChart(messages.get("predict.ui.chart.pAlive"), JFreeChart.DEFAULT_TITLE_FONT,
                plot, false);
        ChartStyle.apply(chart);
        // the theme sets the tick label font; P(alive) ranges stay readable on a half-width chart
        axis.setTickLabelFont(ChartStyle.font(Font.PLAIN, 10));
        chart.addSubtitle(subtitle(messages.get("predict.ui.chart.pAliveNote", counts.format(repeat),
                counts.format(oneTimeBuyers))));
        return chart;
    }

    /** Actual and predicted members for x = 0 … 6 and 7+ repeat purchase days, side by side. */
    public JFreeChart fitCheck(FitCheck check) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String actual = messages.get("predict.ui.chart.actual");
        String predicted = messages.get("predict.ui.chart.predicted");
        for (int x = 0; x <= FitCheck.TOP; x++) {
            data.addValue(check.actual()[x], actual, frequency(x));
            data.addValue(check.predicted()[x], predicted, frequency(x));
        }
        CategoryAxis axis = new CategoryAxis(messages.get("predict.ui.chart.frequencyAxis"));
        NumberAxis members = new NumberAxis(messages.get("analytics.members"));
        members.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = new BarRenderer();
        CategoryPlot plot = new CategoryPlot(data, axis, members, renderer);
        ChartStyle.flatBars(renderer);
        renderer.setSeriesPaint(0, ChartStyle.BLUE);
        renderer.setSeriesPaint(1, ChartStyle.ORANGE);
        renderer.setItemMargin(0.05);
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{0}, {1}: {2}", counts));
        JFreeChart chart = new JFreeChart(messages.get("predict.ui.chart.fitCheck"), JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        ChartStyle.apply(chart);
        chart.addSubtitle(subtitle(messages.get("predict.ui.chart.fitCheckNote")));
        return chart;
    }

    /**
     * A period pass's renewals: the holders observed at the start of each period (the cohort of the forecast's
     * scale), the sBG curve fitted to them (survivors[0] · S(t)) and the next periods it projects, dashed.
     */
    public JFreeChart renewal(RenewalForecast forecast) {
        long[] observed = forecast.survivors();
        double[] survival = forecast.survival();
        int n = forecast.periods();
        XYSeries held = new XYSeries(messages.get("predict.ui.renewal.observed"));
        for (int t = 0; t < observed.length; t++) {
            held.add(t, observed[t]);
        }
        XYSeries fitted = new XYSeries(messages.get("predict.ui.renewal.fitted"));
        XYSeries projected = new XYSeries(messages.get("predict.ui.renewal.projected"));
        for (int t = 0; t < survival.length; t++) {
            double value = observed[0] * survival[t];
            if (t <= n) {
                fitted.add(t, value);
            }
            if (t >= n) {
                projected.add(t, value);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(held);
        data.addSeries(fitted);
        data.addSeries(projected);
        NumberAxis periods = new NumberAxis(messages.get("predict.ui.renewal.periodAxis"));
        periods.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis members = new NumberAxis(messages.get("analytics.members"));
        members.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        members.setAutoRangeIncludesZero(true);
        // room around the first and the highest dot, which would otherwise sit half outside the plot
        members.setUpperMargin(0.1);
        periods.setRange(-0.3, survival.length - 0.7);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, ChartStyle.BLUE);
        lines.setSeriesLinesVisible(0, false);
        lines.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        lines.setSeriesPaint(1, ChartStyle.ORANGE);
        lines.setSeriesShapesVisible(1, false);
        lines.setSeriesPaint(2, ChartStyle.ORANGE);
        lines.setSeriesShapesVisible(2, false);
        lines.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}, {1}: {2}",
                NumberFormat.getIntegerInstance(Locale.ROOT), decimals(1)));
        XYPlot plot = new XYPlot(data, periods, members, lines);
        JFreeChart chart = new JFreeChart(messages.get("predict.ui.renewal.chart", forecast.product() == null ? ""
                : forecast.product()), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        // the theme resets the series' look: the projection continues the fitted curve, dashed
        lines.setSeriesPaint(0, ChartStyle.BLUE);
        lines.setSeriesPaint(1, ChartStyle.ORANGE);
        lines.setSeriesPaint(2, ChartStyle.ORANGE);
        lines.setSeriesStroke(1, new BasicStroke(2.5f));
        lines.setSeriesStroke(2, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {7f, 6f}, 0f));
        chart.addSubtitle(subtitle(messages.get("predict.ui.renewal.note",
                String.format(Locale.ROOT, "%.3f", forecast.model().alpha()),
                String.format(Locale.ROOT, "%.3f", forecast.model().beta()),
                String.format(Locale.ROOT, "%,.2f", forecast.logLikelihood()), forecast.cohorts().size(), n,
                RenewalForecast.PERIODS_AHEAD)));
        return chart;
    }

    private static NumberFormat decimals(int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
        format.setMaximumFractionDigits(digits);
        return format;
    }

    private static TextTitle subtitle(String text) {
        TextTitle title = new TextTitle(text, ChartStyle.font(Font.PLAIN, 12));
        title.setPaint(ChartStyle.MUTED);
        title.setPadding(new RectangleInsets(2, 0, 8, 0));
        return title;
    }
}
