package org.memberdesk.analytics.charts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.memberdesk.analytics.AnalyticsService;
import org.memberdesk.analytics.Cohort;
import org.memberdesk.analytics.Dashboard;
import org.memberdesk.analytics.Distribution;
import org.memberdesk.analytics.Funnel;
import org.memberdesk.analytics.Granularity;
import org.memberdesk.analytics.Period;
import org.memberdesk.analytics.Trend;
import org.memberdesk.common.Messages;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.io.CsvCells;
import org.memberdesk.predictions.FitCheck;
import org.memberdesk.predictions.RenewalForecast;
import org.memberdesk.stores.Store;

/**
 * The charts by name (dashboard, funnel, cohorts, rfm, tiers) for a period, computed and drawn, and
 * written as PNG or their numbers as CSV. Shared by the command line, the screens and the PDF report.
 */
public final class ChartExport {
    /** The chart names the command line and the export menu offer. */
    public static final List<String> KINDS = List.of("dashboard", "funnel", "cohorts", "rfm", "tiers", "stages",
            "channels", "spend");
    /**
     * The charts that are of one store when a store is picked (the rule of docs/analytics.md, Stores): the dashboard
     * (what happened there), the funnel (who joined there) and the cohorts (whose first purchase was there). The
     * others (rfm, tiers, stages, channels, spend) are of the member pool every store shares: no store's alone.
     */
    public static final List<String> STORE_KINDS = List.of("dashboard", "funnel", "cohorts");
    /** The AARRR funnel's revenue step when none is chosen: ¥500 spent. */
    public static final long DEFAULT_MIN_SPENT_CENTS = 50_000;

    private final AnalyticsService analytics;
    private final OutputFiles files;
    private final StaffSession session;
    private final OperationLog log;

    /**
     * A chart or its numbers written to a file is a report ({@link Permission#REPORTS}) leaving the app: one
     * {@link Operation#EXPORT} entry each (figures only, no member's details).
     */
    public ChartExport(AnalyticsService analytics, OutputFiles files, StaffSession session, OperationLog log) {
        this.analytics = analytics;
        this.files = files;
        this.session = session;
        this.log = log;
    }

    private void logged(Path file, String what) {
        log.record(OperationLog.Entry.of(Operation.EXPORT, null, String.valueOf(file.getFileName()), what));
    }

    /** The numbers behind one chart, computed now. */
    public sealed interface ChartData permits DashboardData, FunnelData, CohortData, DistributionData, PAliveData,
            FitCheckData, RenewalData {
    }

    /** A dashboard, of the chain or of one store ({@code store}): then its chart's title names the store. */
    public record DashboardData(Dashboard dashboard, Optional<Store> store) implements ChartData {
        public DashboardData(Dashboard dashboard) {
            this(dashboard, Optional.empty());
        }
    }

    /** The funnel of the members who joined, at every store or at one ({@code store}). */
    public record FunnelData(Funnel funnel, Optional<Store> store) implements ChartData {
        public FunnelData(Funnel funnel) {
            this(funnel, Optional.empty());
        }
    }

    /** The cohorts by month of first purchase, anywhere or at one store ({@code store}). */
    public record CohortData(List<Cohort> cohorts, Optional<Store> store) implements ChartData {
        public CohortData(List<Cohort> cohorts) {
            this(cohorts, Optional.empty());
        }
    }

    public record DistributionData(Distribution distribution, String titleKey) implements ChartData {
    }

    /** The Predictions tab's repeat buyers per tenth of P(alive), and the one-time buyers left out. */
    public record PAliveData(long[] tenths, long oneTimeBuyers) implements ChartData {
    }

    /** The Predictions tab's model-fit check. */
    public record FitCheckData(FitCheck check) implements ChartData {
    }

    /** A period pass's renewal forecast (sBG). */
    public record RenewalData(RenewalForecast forecast) implements ChartData {
    }

    /** Whether the chart {@code kind} can be of one store ({@link #STORE_KINDS}). */
    public static boolean takesAStore(String kind) {
        return STORE_KINDS.contains(kind);
    }

    /** Computes a chart's numbers: the period's months for cohorts, its joiners for the funnel. */
    public ChartData data(String kind, Period period) {
        return data(kind, period, Optional.empty());
    }

    /**
     * The same, of one store ({@code at} empty: the chain's), as {@code report}, {@code funnel} and {@code cohorts}
     * of that store count; a chart of the shared member pool refuses a store ({@link #takesAStore}).
     */
    public ChartData data(String kind, Period period, Optional<Store> at) {
        if (at.isPresent() && !takesAStore(kind)) {
            throw new IllegalArgumentException("the " + kind + " chart is of every store's members; charts of one"
                    + " store: " + STORE_KINDS);
        }
        return switch (kind) {
            case "dashboard" -> new DashboardData(analytics.dashboard(period, Granularity.suiting(period), at), at);
            case "funnel" -> new FunnelData(analytics.aarrr(period, DEFAULT_MIN_SPENT_CENTS, at), at);
            case "cohorts" -> new CohortData(analytics.cohorts(YearMonth.from(period.from()),
                    YearMonth.from(period.to()), at), at);
            // segments as of the period's last day: RFM looks back from a date
            case "rfm" -> new DistributionData(analytics.rfmSegments(period.to()), "analytics.chart.rfm");
            case "tiers" -> new DistributionData(analytics.tiers(), "analytics.chart.tiers");
            case "stages" -> new DistributionData(analytics.lifecycleStages(period.to()), "analytics.chart.stages");
            case "channels" -> new DistributionData(analytics.channels(), "analytics.chart.channels");
            case "spend" -> new DistributionData(analytics.spendBands(), "analytics.chart.spend");
            default -> throw new IllegalArgumentException("no chart called " + kind + "; charts: " + KINDS);
        };
    }

    /** Draws a chart; one of a store is titled with the store's name as {@code messages} shows it (本店: Main store). */
    public JFreeChart chart(ChartData data, Messages messages) {
        AnalyticsCharts charts = new AnalyticsCharts(messages);
        if (data instanceof DashboardData d) {
            return charts.dashboard(d.dashboard(), d.store().map(store -> store.shownName(messages)));
        } else if (data instanceof FunnelData f) {
            return charts.funnel(f.funnel(), f.store().map(store -> store.shownName(messages)));
        } else if (data instanceof CohortData c) {
            return charts.cohorts(c.cohorts(), AnalyticsService.COHORT_MONTHS,
                    c.store().map(store -> store.shownName(messages)));
        } else if (data instanceof PAliveData p) {
            return new PredictionCharts(messages).pAlive(p.tenths(), p.oneTimeBuyers());
        } else if (data instanceof FitCheckData f) {
            return new PredictionCharts(messages).fitCheck(f.check());
        } else if (data instanceof RenewalData r) {
            return new PredictionCharts(messages).renewal(r.forecast());
        }
        DistributionData d = (DistributionData) data;
        return charts.distribution(d.distribution(), d.titleKey());
    }

    /** Computes and draws a chart into a PNG file (parent folders are created; never over the database). */
    public Path png(String kind, Period period, Messages messages, Path file, int width, int height) throws IOException {
        JFreeChart chart = chart(data(kind, period), messages);
        writePng(chart, file, width, height);
        return file;
    }

    /** Draws a chart into a PNG file through the output guard: whole or not at all, never over the database. */
    public void writePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        session.require(Permission.REPORTS);
        files.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        logged(file, "chart as a picture" + (chart.getTitle() == null ? "" : ": " + chart.getTitle().getText()));
    }

    /**
     * Writes a chart already drawn (as it was on screen: its size, its zoom) as a PNG file, through the same guard
     * and with the same log entry as {@link #writePng(JFreeChart, Path, int, int)}.
     */
    public void writePng(java.awt.image.RenderedImage image, String title, Path file) throws IOException {
        session.require(Permission.REPORTS);
        files.write(file, out -> javax.imageio.ImageIO.write(image, "png", out));
        logged(file, "chart as a picture" + (title == null || title.isEmpty() ? "" : ": " + title));
    }

    /** Writes a chart's numbers as CSV (UTF-8 with a BOM so spreadsheet programs read the Chinese). */
    public void csv(ChartData data, Path file) throws IOException {
        session.require(Permission.REPORTS);
        files.write(file, out -> writeCsv(data, out));
        logged(file, "chart figures (" + data.getClass().getSimpleName().replace("Data", "").toLowerCase(Locale.ROOT)
                + ")");
    }

    private static String tenth(int i) {
        return String.format(Locale.ROOT, "%.1f", i / 10.0);
    }

    private static void writeCsv(ChartData data, OutputStream out) throws IOException {
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.write('\uFEFF');
            try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get().print(writer)) {
                if (data instanceof DashboardData d) {
                    csv.printRecord("bucket_start", "new_members", "active_members", "revenue_cents");
                    for (Trend.Point p : d.dashboard().trend().points()) {
                        csv.printRecord(CsvCells.row(p.start(), p.newMembers(), p.activeMembers(), p.revenueCents()));
                    }
                } else if (data instanceof FunnelData f) {
                    csv.printRecord("step", "name", "count", "conversion_from_previous");
                    for (int i = 0; i < f.funnel().steps().size(); i++) {
                        Funnel.Step step = f.funnel().steps().get(i);
                        var conversion = f.funnel().conversion(i);
                        csv.printRecord(CsvCells.row(i + 1, step.name(), step.count(),
                                conversion == null || conversion.isAbsent() ? "" : conversion.share()));
                    }
                } else if (data instanceof CohortData c) {
                    List<String> header = new ArrayList<>(List.of("month", "size"));
                    for (int k = 1; k <= AnalyticsService.COHORT_MONTHS; k++) {
                        header.add("month_" + k);
                    }
                    csv.printRecord(header);
                    for (Cohort cohort : c.cohorts()) {
                        List<Object> row = new ArrayList<>(List.of(cohort.month().toString(), cohort.size()));
                        row.addAll(cohort.active());
                        csv.printRecord(CsvCells.row(row));
                    }
                } else if (data instanceof PAliveData p) {
                    csv.printRecord("p_alive_from", "p_alive_to", "repeat_buyers");
                    for (int i = 0; i < p.tenths().length; i++) {
                        csv.printRecord(CsvCells.row(tenth(i), tenth(i + 1), p.tenths()[i]));
                    }
                } else if (data instanceof FitCheckData f) {
                    csv.printRecord("repeat_days", "actual_members", "predicted_members");
                    for (int x = 0; x <= FitCheck.TOP; x++) {
                        csv.printRecord(CsvCells.row(PredictionCharts.frequency(x), f.check().actual()[x],
                                String.format(Locale.ROOT, "%.2f", f.check().predicted()[x])));
                    }
                } else if (data instanceof RenewalData r) {
                    csv.printRecord("period", "observed_members", "fitted_members");
                    RenewalForecast f = r.forecast();
                    for (int t = 0; t < f.survival().length; t++) {
                        csv.printRecord(CsvCells.row(t, t < f.survivors().length ? f.survivors()[t] : "",
                                String.format(Locale.ROOT, "%.2f", f.survivors()[0] * f.survival()[t])));
                    }
                } else if (data instanceof DistributionData d) {
                    csv.printRecord(d.distribution().attribute().toLowerCase(Locale.ROOT), "label", "members");
                    for (Distribution.Slice slice : d.distribution().slices()) {
                        csv.printRecord(CsvCells.row(slice.key() == null ? "" : slice.key(), slice.label(),
                                slice.count()));
                    }
                }
            }
        }
    }
}
