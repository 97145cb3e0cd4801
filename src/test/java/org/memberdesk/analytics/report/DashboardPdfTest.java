package org.memberdesk.analytics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.analytics.Period;
import org.memberdesk.BothEngines;
import org.memberdesk.analytics.ShopFixture;
import org.memberdesk.analytics.charts.AnalyticsCharts;
import org.memberdesk.analytics.charts.ChartTexts;
import org.memberdesk.common.Messages;
import org.memberdesk.pdf.PdfGlyphs;

/** The printed dashboard: one page, Chinese text from an embedded font, the period's numbers. */
@BothEngines
class DashboardPdfTest {
    @TempDir
    Path folder;

    @Test
    void oneChinesePageWithTheNumbersAndAnEmbeddedFont() throws Exception {
        AppContext context = new AppContext(ShopFixture.database(folder), java.time.Clock.systemDefaultZone());
        Path pdf = folder.resolve("out/dashboard.pdf");
        context.dashboardPdf().write(Period.of("2026-01-01", "2026-01-31"), Messages.chinese(), pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("经营概览"), text);
            assertTrue(text.contains("次日留存"), text);
            // January: revenue 41999 cents, December 13000; new members 6 against 1 = +500%
            assertTrue(text.contains("¥419.99"), text);
            assertTrue(text.contains("¥130.00"), text);
            assertTrue(text.contains("+500.0%"), text);
            PDResources resources = document.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
            }
        }
    }

    /**
     * Issue 17, finding 1: with no Chinese font on the computer (only DejaVu here and on CI) the report still
     * has a glyph for every character, in Chinese and in English: the page's text in the embedded font, and
     * the chart drawn into the page in a font that displays every one of its labels.
     */
    @Test
    void finding1_theReportAndItsChartHaveAGlyphForEveryCharacterInChineseAndEnglish() throws Exception {
        AppContext context = new AppContext(ShopFixture.database(folder), java.time.Clock.systemDefaultZone());
        Period january = Period.of("2026-01-01", "2026-01-31");
        for (Messages messages : java.util.List.of(Messages.chinese(), Messages.english())) {
            Path pdf = folder.resolve("out/dashboard-" + messages.locale() + ".pdf");
            context.dashboardPdf().write(january, messages, pdf);
            PdfGlyphs.assertEveryCharacterHasAGlyph(pdf, java.util.List.of(messages.get("analytics.pdf.title"),
                    messages.get("analytics.pdf.metric"), messages.get("analytics.metric.newMembers"),
                    messages.get("analytics.metric.repurchase"), messages.get("analytics.pdf.decomposition"),
                    "¥419.99", "+500.0%"));
            // the chart on the page: DashboardPdf draws this chart (without its title) into the image
            var dashboard = context.analytics().dashboard(january, org.memberdesk.analytics.Granularity.suiting(january));
            ChartTexts.assertAllHaveGlyphs(new AnalyticsCharts(messages).dashboard(dashboard), "report chart");
        }
    }

    /** Issue 19, defect 7 (the report's footer): it tells the owner how to read the page, not where a developer looks. */
    @Test
    void defect7_reportFooter_saysHowToReadTheNumbersNotADeveloperPath() throws Exception {
        AppContext context = new AppContext(ShopFixture.database(folder), java.time.Clock.systemDefaultZone());
        for (Messages messages : java.util.List.of(Messages.chinese(), Messages.english())) {
            Path pdf = folder.resolve("out/footer-" + messages.locale() + ".pdf");
            context.dashboardPdf().write(Period.of("2026-01-01", "2026-01-31"), messages, pdf);
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(document);
                assertTrue(!text.contains("docs/") && !text.contains(".md"), text);
                assertTrue(text.contains(messages.locale().getLanguage().equals("zh") ? "统计期含首尾两天"
                        : "a period includes its first and last day"), text);
            }
        }
    }
}
