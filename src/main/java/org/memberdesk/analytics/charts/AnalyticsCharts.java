package org.memberdesk.analytics.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.SimpleTimePeriod;
import org.jfree.data.time.TimePeriodValues;
import org.jfree.data.time.TimePeriodValuesCollection;
import org.jfree.data.xy.DefaultXYZDataset;
import org.memberdesk.analytics.Cohort;
import org.memberdesk.analytics.Dashboard;
import org.memberdesk.analytics.Distribution;
import org.memberdesk.analytics.Funnel;
import org.memberdesk.analytics.Granularity;
import org.memberdesk.analytics.Metrics;
import org.memberdesk.analytics.Trend;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;

/**
 * Builds the analytics charts (JFreeChart) from computed numbers; the same chart objects go to the
 * screen (org.jfree.chart.fx), to PNG files and into the PDF report. No database access here.
 */
public final class AnalyticsCharts {
    private final Messages messages;
    private final NumberFormat counts;
    private final NumberFormat percent;

    public AnalyticsCharts(Messages messages) {
        this.messages = messages;
        Locale locale = messages.locale() == Locale.ROOT ? Locale.ENGLISH : messages.locale();
        this.counts = NumberFormat.getIntegerInstance(locale);
        this.percent = NumberFormat.getPercentInstance(locale);
        this.percent.setMinimumFractionDigits(1);
        this.percent.setMaximumFractionDigits(1);
    }

    /** New and active members (lines) over revenue (bars) per bucket, with the key numbers as subtitle. */
    public JFreeChart dashboard(Dashboard dashboard) {
        return dashboard(dashboard, Optional.empty());
    }

    /**
     * The same, of one store of a chain ({@code store}: its name as shown): the name follows the chart's own, as on
     * the dashboard's PDF ("Dashboard · 二店 …"), so a picture passed on says whose figures.
     */
    public JFreeChart dashboard(Dashboard dashboard, Optional<String> store) {
        Trend trend = dashboard.trend();
        TimePeriodValues joined = new TimePeriodValues(messages.get("analytics.newMembers"));
        TimePeriodValues active = new TimePeriodValues(messages.get("analytics.activeMembers"));
        TimePeriodValues revenue = new TimePeriodValues(messages.get("analytics.revenueYuan"));
        // days with nothing at all leave a part empty: it then says so in words instead of an empty frame
        boolean anyMembers = trend.points().stream().anyMatch(p -> p.newMembers() != 0 || p.activeMembers() != 0);
        boolean anyMoney = trend.points().stream().anyMatch(p -> p.revenueCents() != 0);
        for (Trend.Point point : trend.points()) {
            SimpleTimePeriod span = new SimpleTimePeriod(date(point.start()),
                    new Date(date(trend.granularity().next(point.start())).getTime() - 1));
            if (anyMembers) {
                joined.add(span, point.newMembers());
                active.add(span, point.activeMembers());
            }
            if (anyMoney) {
                // yuan as a double only to place the bar; the labels and the report keep exact cents
                revenue.add(span, point.revenueCents() / 100.0);
            }
        }
        TimePeriodValuesCollection memberSeries = new TimePeriodValuesCollection();
        memberSeries.addSeries(active);
        memberSeries.addSeries(joined);
        TimePeriodValuesCollection revenueSeries = new TimePeriodValuesCollection();
        revenueSeries.addSeries(revenue);

        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, trend.points().size() <= 40);
        lines.setSeriesPaint(0, ChartStyle.BLUE);
        lines.setSeriesPaint(1, ChartStyle.ORANGE);
        NumberAxis memberAxis = new NumberAxis(messages.get("analytics.members"));
        memberAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot members = new XYPlot(memberSeries, null, memberAxis, lines);

        XYBarRenderer bars = new XYBarRenderer(0.2);
        bars.setSeriesPaint(0, ChartStyle.GREEN);
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        XYPlot money = new XYPlot(revenueSeries, null, new NumberAxis(messages.get("analytics.revenueYuan")), bars);

        DateAxis time = new DateAxis();
        time.setStandardTickUnits(wholeBuckets(trend.granularity()));
        // a day's label under the middle of its bar
        time.setTickMarkPosition(DateTickMarkPosition.MIDDLE);
        time.setRange(date(trend.period().from()), date(trend.period().to().plusDays(1)));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(14);
        plot.add(members, 3);
        plot.add(money, 2);
        plot.setOrientation(PlotOrientation.VERTICAL);

        // the store's name is the pattern's last argument: a chain-wide title has no place for it
        JFreeChart chart = new JFreeChart(messages.get(store.isPresent() ? "analytics.chart.dashboard.store"
                : "analytics.chart.dashboard", trend.period().from().toString(), trend.period().to().toString(),
                messages.get("analytics.granularity." + trend.granularity().name().toLowerCase(Locale.ROOT)),
                store.orElse("")), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        members.setNoDataMessage(messages.get("analytics.empty.members"));
        money.setNoDataMessage(messages.get("analytics.empty.revenue"));
        noData(members);
        noData(money);
        chart.addSubtitle(0, subtitle(kpiLine(dashboard)));
        return chart;
    }

    /**
     * Ticks of whole days (or months): left to itself the axis picked hours on a short period, so a week's chart
     * named each day two to four times ("01-26 01-26 01-26 01-26").
     */
    private static TickUnits wholeBuckets(Granularity granularity) {
        TickUnits units = new TickUnits();
        if (granularity == Granularity.MONTH) {
            SimpleDateFormat month = new SimpleDateFormat("yyyy-MM");
            for (int months : new int[] {1, 2, 3, 6, 12, 24}) {
                units.add(new DateTickUnit(DateTickUnitType.MONTH, months, month));
            }
        } else {
            SimpleDateFormat day = new SimpleDateFormat("MM-dd");
            for (int days : new int[] {1, 2, 7, 14, 28, 56, 91, 182}) {
                units.add(new DateTickUnit(DateTickUnitType.DAY, days, day));
            }
        }
        return units;
    }

    /** The key numbers with their change against the previous period, on one line. */
    public String kpiLine(Dashboard dashboard) {
        Metrics now = dashboard.current();
        Metrics before = dashboard.previous();
        return messages.get("analytics.kpiLine",
                counts.format(now.newMembers()), change(Dashboard.change(now.newMembers(), before.newMembers())),
                counts.format(now.activeMembers()),
                change(Dashboard.change(now.activeMembers(), before.activeMembers())),
                Money.display(now.revenueCents()), change(Dashboard.change(now.revenueCents(), before.revenueCents())),
                now.avgOrderCents() == null ? "—" : Money.display(now.avgOrderCents()),
                share(now.repurchase().share()), share(now.paidConversion().share()));
    }

    /** Step counts as horizontal bars, each labelled with its count and its share of the step before. */
    public JFreeChart funnel(Funnel funnel) {
        return funnel(funnel, Optional.empty());
    }

    /** The same, of the members who joined at one store: its name follows the chart's, as on the dashboard. */
    public JFreeChart funnel(Funnel funnel, Optional<String> store) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Funnel.Step> steps = funnel.steps();
        // nobody joined: no bars at all, and the chart says so (zero-length bars are an empty frame)
        boolean nobody = steps.isEmpty() || steps.get(0).count() == 0;
        for (int i = 0; i < steps.size() && !nobody; i++) {
            data.addValue(steps.get(i).count(), "members", (i + 1) + ". " + stepLabel(steps.get(i).name()));
        }
        CategoryPlot plot = new CategoryPlot(data, categoryAxis(), new NumberAxis(messages.get("analytics.members")),
                new BarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        ChartStyle.flatBars(renderer);
        renderer.setMaximumBarWidth(0.12);
        renderer.setSeriesPaint(0, ChartStyle.BLUE);
        renderer.setDefaultItemLabelGenerator(labels((row, column) -> {
            String count = counts.format(steps.get(column).count());
            return column == 0 ? count
                    : messages.get("analytics.funnel.stepLabel", count, share(funnel.conversion(column).share()));
        }));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.font(Font.PLAIN, 12));
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // room for the "count (share)" labels past the longest bar, also on a half-width screen chart
        axis.setUpperMargin(0.4);
        JFreeChart chart = new JFreeChart(messages.get(store.isPresent() ? "analytics.chart.funnel.store"
                : "analytics.chart.funnel", funnel.period().from().toString(), funnel.period().to().toString(),
                store.orElse("")), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
        plot.setNoDataMessage(messages.get("analytics.empty.funnel"));
        noData(plot);
        chart.addSubtitle(subtitle(messages.get("analytics.chart.funnel.note")));
        return chart;
    }

    /** Rows are cohorts (oldest on top), columns months 1..12; the colour and the text are the share buying. */
    public JFreeChart cohorts(List<Cohort> cohorts, int months) {
        return cohorts(cohorts, months, Optional.empty());
    }

    /** The same, of the members whose first purchase was at one store: its name follows the chart's. */
    public JFreeChart cohorts(List<Cohort> cohorts, int months, Optional<String> store) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        String[] rows = new String[cohorts.size()];
        int cells = cohorts.stream().mapToInt(c -> c.size() == 0 ? 0 : c.active().size()).sum();
        double[][] series = new double[3][cells];
        double highest = 0.0001;
        int cell = 0;
        XYPlot plot = new XYPlot();
        for (int row = 0; row < cohorts.size(); row++) {
            Cohort cohort = cohorts.get(row);
            rows[row] = messages.get("analytics.cohort.row", cohort.month().toString(), counts.format(cohort.size()));
            if (cohort.size() == 0) {
                continue;
            }
            for (int k = 1; k <= cohort.active().size(); k++) {
                double share = cohort.share(k);
                series[0][cell] = k;
                series[1][cell] = row;
                series[2][cell] = share;
                highest = Math.max(highest, share);
                cell++;
            }
        }
        data.addSeries("cohorts", series);
        PaintScale scale = new ShareScale(highest);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        renderer.setDefaultToolTipGenerator((dataset, s, item) -> {
            int row = (int) dataset.getYValue(s, item);
            int k = (int) dataset.getXValue(s, item);
            Cohort cohort = cohorts.get(row);
            return messages.get("analytics.cohort.tooltip", cohort.month().toString(), k,
                    counts.format(cohort.active().get(k - 1)), counts.format(cohort.size()), share(cohort.share(k)));
        });
        NumberAxis monthAxis = new NumberAxis(messages.get("analytics.cohort.monthAxis"));
        monthAxis.setRange(0.5, months + 0.5);
        monthAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        monthAxis.setTickMarksVisible(false);
        SymbolAxis cohortAxis = new SymbolAxis(messages.get("analytics.cohort.axis"), rows);
        cohortAxis.setInverted(true);
        cohortAxis.setGridBandsVisible(false);
        cohortAxis.setRange(-0.5, Math.max(0.5, rows.length - 0.5));
        plot.setDataset(data);
        plot.setDomainAxis(monthAxis);
        plot.setRangeAxis(cohortAxis);
        plot.setRenderer(renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        String range = cohorts.isEmpty() ? "" : cohorts.get(0).month() + " … " + cohorts.get(cohorts.size() - 1).month();
        JFreeChart chart = new JFreeChart(messages.get(store.isPresent() ? "analytics.chart.cohorts.store"
                : "analytics.chart.cohorts", range, store.orElse("")), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
        plot.setBackgroundPaint(Color.WHITE);
        // after the theme, which would reset the annotations' font and colour
        for (int i = 0; i < cells; i++) {
            XYTextAnnotation text = new XYTextAnnotation(share(series[2][i]), series[0][i], series[1][i]);
            text.setFont(ChartStyle.font(Font.PLAIN, cohorts.size() > 14 ? 10 : 12));
            text.setPaint(series[2][i] > highest * 0.5 ? Color.WHITE : ChartStyle.INK);
            plot.addAnnotation(text);
        }
        chart.addSubtitle(subtitle(messages.get("analytics.chart.cohorts.note")));
        return chart;
    }

    /** Members per group as horizontal bars labelled with count and share; {@code titleKey} names the chart. */
    public JFreeChart distribution(Distribution distribution, String titleKey) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Distribution.Slice> slices = distribution.slices();
        long total = distribution.total();
        for (Distribution.Slice slice : slices) {
            if (total != 0) {
                data.addValue(slice.count(), "members", sliceLabel(distribution.attribute(), slice));
            }
        }
        CategoryPlot plot = new CategoryPlot(data, categoryAxis(), new NumberAxis(messages.get("analytics.members")),
                new ColouredBars());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        ChartStyle.flatBars(renderer);
        renderer.setMaximumBarWidth(0.1);
        renderer.setDefaultItemLabelGenerator(labels((row, column) -> {
            long count = slices.get(column).count();
            return messages.get("analytics.distribution.label", counts.format(count),
                    share(total == 0 ? null : (double) count / total));
        }));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.font(Font.PLAIN, 12));
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // room for the "count (share)" labels past the longest bar, also on a half-width screen chart
        axis.setUpperMargin(0.4);
        JFreeChart chart = new JFreeChart(messages.get(titleKey), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
        plot.setNoDataMessage(messages.get("analytics.empty.distribution"));
        noData(plot);
        chart.addSubtitle(subtitle(distribution.asOf() == null
                ? messages.get("analytics.distribution.total", counts.format(total))
                : messages.get("analytics.distribution.total." + distribution.attribute(), counts.format(total),
                        distribution.asOf().toString())));
        return chart;
    }

    /** A category axis whose labels (step and group names, often Chinese) may take up to 40 % of the width, uncut. */
    private static CategoryAxis categoryAxis() {
        CategoryAxis axis = new CategoryAxis();
        axis.setMaximumCategoryLabelWidthRatio(0.4f);
        return axis;
    }

    /** What a funnel step is called on a chart: the AARRR steps by their stage, custom steps by their rule. */
    public String stepLabel(String name) {
        if (name.equals("joined")) {
            return messages.get("analytics.funnel.joined");
        } else if (name.equals("purchases >= 1")) {
            return messages.get("analytics.funnel.activation");
        } else if (name.equals("purchases >= 2")) {
            return messages.get("analytics.funnel.retention");
        } else if (name.startsWith("total_spent >= ")) {
            return messages.get("analytics.funnel.revenue",
                    Money.display(Money.parseYuan(name.substring("total_spent >= ".length()))));
        } else if (name.equals("referrals >= 1")) {
            return messages.get("analytics.funnel.referral");
        }
        return name;
    }

    private String sliceLabel(String attribute, Distribution.Slice slice) {
        if (slice.key() == null) {
            return messages.get("analytics.distribution.none." + attribute);
        }
        if (attribute.equals("spend") && slice.key().equals("none")) {
            return messages.get("analytics.spend.never");
        } else if (attribute.equals("rfm")) {
            return messages.get("analytics.segment." + slice.key());
        } else if (attribute.equals("stage")) {
            return messages.get("analytics.stage." + slice.key());
        }
        return slice.label();
    }

    String share(Double share) {
        return share == null ? "—" : percent.format(share);
    }

    private String change(Double change) {
        if (change == null) {
            return "—";
        }
        String text = percent.format(change);
        return change > 0 ? "+" + text : text;
    }

    /** The words a plot without data shows, in the charts' font and muted, where the bars would be. */
    private static void noData(org.jfree.chart.plot.Plot plot) {
        plot.setNoDataMessageFont(ChartStyle.font(Font.PLAIN, 15));
        plot.setNoDataMessagePaint(ChartStyle.MUTED);
    }

    private static TextTitle subtitle(String text) {
        TextTitle title = new TextTitle(text, ChartStyle.font(Font.PLAIN, 13));
        title.setPaint(ChartStyle.MUTED);
        title.setPadding(new RectangleInsets(2, 0, 8, 0));
        return title;
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /** The label text of a bar, given its row and column. */
    private interface BarLabel {
        String text(int row, int column);
    }

    private static CategoryItemLabelGenerator labels(BarLabel label) {
        return new CategoryItemLabelGenerator() {
            @Override
            public String generateRowLabel(CategoryDataset dataset, int row) {
                return dataset.getRowKey(row).toString();
            }

            @Override
            public String generateColumnLabel(CategoryDataset dataset, int column) {
                return dataset.getColumnKey(column).toString();
            }

            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                return label.text(row, column);
            }
        };
    }

    /** Bars of one series in the palette's colours, one per category, so neighbouring groups are told apart. */
    private static final class ColouredBars extends BarRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Paint getItemPaint(int row, int column) {
            return ChartStyle.SERIES[column % ChartStyle.SERIES.length];
        }
    }

    /** White for 0 to a deep blue for the highest share, so the strongest cohort month stands out. */
    private static final class ShareScale implements PaintScale, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final double upper;

        ShareScale(double upper) {
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Math.max(0, Math.min(1, value / upper));
            Color low = new Color(0xf0, 0xf6, 0xfc);
            Color high = new Color(0x0a, 0x30, 0x69);
            return new Color((int) (low.getRed() + t * (high.getRed() - low.getRed())),
                    (int) (low.getGreen() + t * (high.getGreen() - low.getGreen())),
                    (int) (low.getBlue() + t * (high.getBlue() - low.getBlue())));
        }
    }
}
