package org.memberdesk.coupons;

import java.awt.Color;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.memberdesk.analytics.charts.ChartStyle;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.io.CsvCells;
import org.memberdesk.members.MemberStore;

/** A campaign's results: the figures, the funnel chart, and the CSV export. */
public final class CampaignReports {
    private final Database database;
    private final CampaignStore campaigns;
    private final CouponStore coupons;
    private final ResultsStore results;
    private final OutputFiles files;
    private final StaffSession session;
    private final OperationLog log;

    /**
     * A campaign's results are a report ({@link Permission#REPORTS}); written to a file they leave the app: one
     * {@link Operation#EXPORT} entry each (figures only, no member's details).
     */
    public CampaignReports(Database database, CampaignStore campaigns, CouponStore coupons, ResultsStore results,
                           OutputFiles files, StaffSession session, OperationLog log) {
        this.session = session;
        this.log = log;
        this.database = database;
        this.campaigns = campaigns;
        this.coupons = coupons;
        this.results = results;
        this.files = files;
    }

    public CampaignResults results(long campaignId) {
        session.require(Permission.REPORTS);
        return database.read(connection -> {
            Campaign campaign = campaigns.find(connection, campaignId).orElseThrow(() ->
                    new org.memberdesk.common.ValidationException(org.memberdesk.common.Problem.of(
                            "campaign", "campaign.unknown", campaignId)));
            Coupon coupon = coupons.template(connection, campaign.couponId()).orElseThrow();
            String from = "";
            String to = "";
            LocalDate windowFrom = null;
            LocalDate windowTo = null;
            if (campaign.issued()) {
                windowFrom = campaign.issuedAt().toLocalDate();
                windowTo = coupon.validity().lastDay(windowFrom);
                from = campaign.issuedAt().format(MemberStore.TIME);
                to = windowTo.plusDays(1) + " 00:00:00";
            }
            ResultsStore.Redemptions redemptions = results.redemptions(connection, campaignId);
            return new CampaignResults(campaign.id(), campaign.name(), campaign.targeted(), campaign.control(),
                    redemptions.issued(), redemptions.redeemed(), redemptions.revenueCents(),
                    redemptions.discountCents(), windowFrom, windowTo,
                    results.group(connection, campaignId, false, from, to),
                    results.group(connection, campaignId, true, from, to));
        });
    }

    /** The results as a two-column CSV (metric, value), UTF-8 with a BOM so Excel shows Chinese names. */
    public void exportCsv(CampaignResults figures, Path file) throws IOException {
        session.require(Permission.REPORTS);
        files.write(file, out -> {
            try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                 CSVPrinter printer = CSVFormat.DEFAULT.print(writer)) {
                writer.write('\uFEFF');
                printer.printRecord("metric", "value");
                for (Map.Entry<String, Object> entry : figures.figures().entrySet()) {
                    // the campaign's name is typed by staff: a formula there must not run in Excel
                    printer.printRecord(CsvCells.row(entry.getKey(), entry.getValue() == null ? "" : entry.getValue()));
                }
            }
        });
        log.record(OperationLog.Entry.of(Operation.EXPORT, null, String.valueOf(file.getFileName()),
                "results of campaign " + figures.name()));
    }

    /** The funnel: targeted → issued → redeemed → bought again (treatment), as bars. */
    public static JFreeChart funnelChart(CampaignResults figures, Messages messages) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        String series = messages.get("campaign.funnel.members");
        dataset.addValue(figures.targeted(), series, messages.get("campaign.funnel.targeted"));
        dataset.addValue(figures.issued(), series, messages.get("campaign.funnel.issued"));
        dataset.addValue(figures.redeemed(), series, messages.get("campaign.funnel.redeemed"));
        dataset.addValue(figures.treatmentGroup().boughtAgain(), series, messages.get("campaign.funnel.boughtAgain"));
        JFreeChart chart = ChartFactory.createBarChart(messages.get("campaign.funnel.title", figures.name()),
                null, series, dataset, PlotOrientation.VERTICAL, false, true, false);
        // the charts' one look, and with it the font the app carries: Chinese names are never boxes
        ChartStyle.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setSeriesPaint(0, new Color(0x2F6FDE));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator());
        return chart;
    }

    /** The funnel chart as a PNG, through the output guard (never over the database; whole or not at all). */
    public void saveFunnelPng(CampaignResults figures, Messages messages, Path file) throws IOException {
        session.require(Permission.REPORTS);
        JFreeChart chart = funnelChart(figures, messages);
        files.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, 800, 500));
        log.record(OperationLog.Entry.of(Operation.EXPORT, null, String.valueOf(file.getFileName()),
                "funnel chart of campaign " + figures.name()));
    }
}
