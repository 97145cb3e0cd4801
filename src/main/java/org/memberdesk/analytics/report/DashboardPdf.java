package org.memberdesk.analytics.report;

import org.memberdesk.pdf.CjkFont;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jfree.chart.JFreeChart;
import org.memberdesk.analytics.AnalyticsService;
import org.memberdesk.analytics.CardFigures;
import org.memberdesk.analytics.Dashboard;
import org.memberdesk.analytics.Decomposition;
import org.memberdesk.analytics.Granularity;
import org.memberdesk.analytics.Metrics;
import org.memberdesk.analytics.Period;
import org.memberdesk.analytics.charts.AnalyticsCharts;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.stores.Store;

/**
 * The dashboard of a period on one printable A4 page: the key numbers against the previous period,
 * the revenue decomposition and the trend chart, with a Chinese font embedded.
 */
public final class DashboardPdf {
    private static final float MARGIN = 40;
    private static final Color INK = new Color(0x24, 0x29, 0x2f);
    private static final Color MUTED = new Color(0x57, 0x60, 0x6a);
    private static final Color RULE = new Color(0xd8, 0xde, 0xe4);

    private final AnalyticsService analytics;
    private final Clock clock;
    private final OutputFiles files;
    private final StaffSession session;
    private final OperationLog log;

    /** The report PDF is a manager's or the owner's ({@link Permission#REPORTS}); each one written is logged. */
    public DashboardPdf(AnalyticsService analytics, Clock clock, OutputFiles files, StaffSession session,
                        OperationLog log) {
        this.session = session;
        this.log = log;
        this.analytics = analytics;
        this.clock = clock;
        this.files = files;
    }

    /** Computes the dashboard and writes it to a one-page PDF. */
    public void write(Period period, Messages messages, Path file) throws IOException {
        write(period, java.util.Optional.empty(), messages, file);
    }

    /**
     * Computes the dashboard of one store of a chain ({@code at} empty: the chain's) and writes it, with the store's
     * name in the title: the figures and the name come from the one store asked for, read once.
     */
    public void write(Period period, java.util.Optional<Store> at, Messages messages, Path file) throws IOException {
        session.require(Permission.REPORTS);
        files.check(file);
        write(analytics.dashboard(period, Granularity.suiting(period), at), at.map(store -> store.shownName(messages)),
                messages, file);
    }

    public void write(Dashboard dashboard, Messages messages, Path file) throws IOException {
        write(dashboard, java.util.Optional.empty(), messages, file);
    }

    /** The same, of one store of a chain: its name follows the title, so a printed page says whose figures. */
    public void write(Dashboard dashboard, java.util.Optional<String> store, Messages messages, Path file)
            throws IOException {
        session.require(Permission.REPORTS);
        files.check(file);
        try (PDDocument document = new PDDocument(); CjkFont font = CjkFont.load(document)) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            String title = title(store, messages);
            info.setTitle(title + " " + dashboard.current().period());
            info.setCreator("MemberDesk");
            Page writer = new Page(document, page, font, messages);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                writer.draw(content, dashboard, title);
            }
            // through the guard: beside the target, then moved over it; never over the database
            files.write(file, out -> font.save(document, out));
        }
        log.record(OperationLog.Entry.of(Operation.EXPORT, null, String.valueOf(file.getFileName()),
                "report PDF of " + dashboard.current().period()));
    }

    /** The page's title: the report's, then the store's name where it is of one store. */
    public static String title(java.util.Optional<String> store, Messages messages) {
        return messages.get("analytics.pdf.title") + store.map(name -> " · " + name).orElse("");
    }

    /** Draws one page top-down; {@code y} is the baseline of the next line. */
    private final class Page {
        private final PDDocument document;
        private final PDPage page;
        private final CjkFont font;
        private final Messages messages;
        private final NumberFormat counts;
        private final NumberFormat percent;
        private final float width;
        private float y;

        Page(PDDocument document, PDPage page, CjkFont font, Messages messages) {
            this.document = document;
            this.page = page;
            this.font = font;
            this.messages = messages;
            Locale locale = messages.locale() == Locale.ROOT ? Locale.ENGLISH : messages.locale();
            this.counts = NumberFormat.getIntegerInstance(locale);
            this.percent = NumberFormat.getPercentInstance(locale);
            percent.setMinimumFractionDigits(1);
            percent.setMaximumFractionDigits(1);
            this.width = page.getMediaBox().getWidth() - 2 * MARGIN;
            this.y = page.getMediaBox().getHeight() - MARGIN - 18;
        }

        void draw(PDPageContentStream content, Dashboard dashboard, String title) throws IOException {
            Metrics now = dashboard.current();
            Metrics before = dashboard.previous();
            text(content, title, MARGIN, y, 20, INK);
            y -= 20;
            text(content, messages.get("analytics.pdf.period", now.period().from().toString(),
                    now.period().to().toString(), now.period().days(), before.period().from().toString(),
                    before.period().to().toString()), MARGIN, y, 10, MUTED);
            y -= 26;

            float[] columns = {MARGIN, MARGIN + width * 0.58f, MARGIN + width * 0.79f, MARGIN + width};
            row(content, columns, MUTED, 9.5f, messages.get("analytics.pdf.metric"),
                    messages.get("analytics.pdf.current"), messages.get("analytics.pdf.previous"),
                    messages.get("analytics.pdf.change"));
            List<String[]> lines = kpiRows(now, before);
            lines.addAll(cardRows(dashboard.cards(), dashboard.previousCards()));
            for (String[] line : lines) {
                row(content, columns, INK, 10.5f, line);
            }
            y -= 14;

            text(content, messages.get("analytics.pdf.decomposition"), MARGIN, y, 13, INK);
            y -= 17;
            decomposition(content, messages.get("analytics.pdf.thisPeriod"), dashboard.decomposition(), INK);
            decomposition(content, messages.get("analytics.pdf.previousPeriod"), dashboard.previousDecomposition(),
                    MUTED);
            y -= 4;

            JFreeChart chart = new AnalyticsCharts(messages).dashboard(dashboard);
            // the page already has the title and the numbers: keep only the legend
            chart.setTitle((String) null);
            chart.removeSubtitle(chart.getSubtitle(0));
            float chartHeight = y - MARGIN - 24;
            PDImageXObject image = LosslessFactory.createFromImage(document, render(chart, width, chartHeight));
            content.drawImage(image, MARGIN, MARGIN + 20, width, chartHeight);

            content.setStrokingColor(RULE);
            content.moveTo(MARGIN, MARGIN + 12);
            content.lineTo(MARGIN + width, MARGIN + 12);
            content.stroke();
            text(content, messages.get("analytics.pdf.footer",
                    LocalDateTime.now(clock).withNano(0).toString().replace('T', ' ')), MARGIN, MARGIN, 8, MUTED);
        }

        private List<String[]> kpiRows(Metrics now, Metrics before) {
            List<String[]> rows = new ArrayList<>();
            rows.add(countRow("analytics.metric.newMembers", now.newMembers(), before.newMembers()));
            rows.add(countRow("analytics.metric.activeMembers", now.activeMembers(), before.activeMembers()));
            rows.add(countRow("analytics.metric.newBuyers", now.newBuyers(), before.newBuyers()));
            rows.add(countRow("analytics.metric.returningMembers", now.returningMembers(), before.returningMembers()));
            rows.add(countRow("analytics.metric.purchases", now.purchases(), before.purchases()));
            rows.add(new String[] {messages.get("analytics.metric.revenue"), Money.display(now.revenueCents()),
                Money.display(before.revenueCents()), change(Dashboard.change(now.revenueCents(), before.revenueCents()))});
            rows.add(new String[] {messages.get("analytics.metric.avgOrder"), money(now.avgOrderCents()),
                money(before.avgOrderCents()), now.avgOrderCents() == null || before.avgOrderCents() == null ? "—"
                    : change(Dashboard.change(now.avgOrderCents(), before.avgOrderCents()))});
            rows.add(rateRow("analytics.metric.repurchase", now.repurchase().share(), before.repurchase().share()));
            rows.add(rateRow("analytics.metric.paidConversion", now.paidConversion().share(),
                    before.paidConversion().share()));
            for (int days : Metrics.RETENTION_DAYS) {
                rows.add(rateRow("analytics.metric.retention" + days, now.retention(days).share(),
                        before.retention(days).share()));
            }
            return rows;
        }

        /** The card and visit rows, as on the Dashboard: only where cards ended, members came or money came in. */
        private List<String[]> cardRows(CardFigures now, CardFigures before) {
            List<String[]> rows = new ArrayList<>();
            if (now.renewal().ended() + before.renewal().ended() > 0) {
                rows.add(rateRow("analytics.metric.renewalRate", now.renewalRate(), before.renewalRate()));
            }
            if (now.visits() + before.visits() > 0) {
                rows.add(countRow("analytics.metric.visits", now.visits(), before.visits()));
                rows.add(countRow("analytics.metric.visitors", now.visitors(), before.visitors()));
            }
            if (!now.cashInByMethod().isEmpty() || !before.cashInByMethod().isEmpty()) {
                rows.add(new String[] {messages.get("analytics.metric.cashIn"), Money.display(now.cashInCents()),
                    Money.display(before.cashInCents()),
                    change(Dashboard.change(now.cashInCents(), before.cashInCents()))});
            }
            return rows;
        }

        private String[] countRow(String key, long now, long before) {
            return new String[] {messages.get(key), counts.format(now), counts.format(before),
                change(Dashboard.change(now, before))};
        }

        private String[] rateRow(String key, Double now, Double before) {
            Double points = Dashboard.change(now, before);
            return new String[] {messages.get(key), share(now), share(before),
                points == null ? "—" : messages.get("analytics.pdf.points",
                        (points > 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f", points * 100))};
        }

        /** Two lines: the four factors, then sales − returns = revenue. */
        private void decomposition(PDPageContentStream content, String label, Decomposition d, Color color)
                throws IOException {
            text(content, messages.get("analytics.pdf.decompositionFactors", label, d.members(),
                    share(d.conversion().share()), money(d.avgOrderCents()),
                    d.frequency() == null ? "—" : String.format(Locale.ROOT, "%.2f", d.frequency())),
                    MARGIN, y, 9.5f, color);
            y -= 13;
            text(content, messages.get("analytics.pdf.decompositionTotal", Money.display(d.salesCents()),
                    Money.display(d.returnsCents()), Money.display(d.revenueCents())), MARGIN + 12, y, 9.5f, color);
            y -= 16;
        }

        private void row(PDPageContentStream content, float[] columns, Color color, float size, String... cells)
                throws IOException {
            text(content, cells[0], columns[0], y, size, color);
            for (int i = 1; i < cells.length; i++) {
                String printable = font.printable(cells[i]);
                text(content, printable, columns[i] - font.width(printable, size), y, size, color);
            }
            content.setStrokingColor(RULE);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y - 5);
            content.lineTo(MARGIN + width, y - 5);
            content.stroke();
            y -= 17;
        }

        private void text(PDPageContentStream content, String text, float x, float baseline, float size, Color color)
                throws IOException {
            content.beginText();
            content.setFont(font.font(), size);
            content.setNonStrokingColor(color);
            content.newLineAtOffset(x, baseline);
            content.showText(font.printable(text));
            content.endText();
        }

        private String share(Double share) {
            return share == null ? "—" : percent.format(share);
        }

        private String money(Long cents) {
            return cents == null ? "—" : Money.display(cents);
        }

        private String change(Double change) {
            return change == null ? "—" : (change > 0 ? "+" : "") + percent.format(change);
        }
    }

    /**
     * The chart laid out as if 1.6 times the printed size (its fonts are made for screens, and would
     * crowd the page otherwise), drawn at twice that in pixels so the print stays sharp.
     */
    private static BufferedImage render(JFreeChart chart, float width, float height) {
        double layout = 1.6;
        double pixels = 2.0;
        BufferedImage image = new BufferedImage((int) Math.round(width * layout * pixels),
                (int) Math.round(height * layout * pixels), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(pixels, pixels);
            chart.draw(g, new Rectangle2D.Double(0, 0, width * layout, height * layout));
        } finally {
            g.dispose();
        }
        return image;
    }
}
