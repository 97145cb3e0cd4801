package org.memberdesk.analytics.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.analytics.Period;
import org.memberdesk.BothEngines;
import org.memberdesk.analytics.ShopFixture;
import org.memberdesk.common.Messages;
import org.memberdesk.coupons.CampaignReports;
import org.memberdesk.coupons.CampaignResults;

/**
 * Issue 17, finding 1: on a computer with no Chinese font (this one and CI have only DejaVu) every chart —
 * the PNGs of the command line and the export menu, the campaign funnel, the prediction charts — draws its
 * Chinese and English text with glyphs, not boxes.
 */
@BothEngines
class ChartFontsTest {
    @TempDir
    Path folder;

    @Test
    void finding1_everyChartDrawsItsChineseAndEnglishTextWithGlyphs() throws Exception {
        AppContext app = new AppContext(ShopFixture.database(folder), Clock.systemDefaultZone());
        Period january = Period.of("2026-01-01", "2026-01-31");
        for (Messages messages : List.of(Messages.chinese(), Messages.english())) {
            List<ChartTexts.Text> drawn = new ArrayList<>();
            for (String kind : ChartExport.KINDS) {
                JFreeChart chart = app.analyticsCharts().chart(app.analyticsCharts().data(kind, january), messages);
                drawn.addAll(ChartTexts.assertAllHaveGlyphs(chart, kind));
                Path png = app.analyticsCharts().png(kind, january, messages, folder.resolve(kind + ".png"), 800, 500);
                BufferedImage image = ImageIO.read(png.toFile());
                assertNotNull(image, kind);
                assertEquals(800, image.getWidth());
            }
            drawn.addAll(ChartTexts.assertAllHaveGlyphs(new PredictionCharts(messages).pAlive(
                    new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 12), "P(alive)"));
            CampaignResults campaign = new CampaignResults(1, "双十一回馈 Double 11", 100, 10, 90, 30, 120_000, 9_000,
                    null, null, new CampaignResults.Group(90, 40, 150_000), new CampaignResults.Group(10, 2, 5_000));
            drawn.addAll(ChartTexts.assertAllHaveGlyphs(CampaignReports.funnelChart(campaign, messages), "campaign"));

            // the check saw the language's own words: Han characters in Chinese, Latin letters in English
            boolean chinese = messages.locale().getLanguage().equals("zh");
            assertTrue(drawn.stream().anyMatch(t -> t.text().codePoints().anyMatch(c -> chinese
                    ? Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                    : Character.isLetter(c) && c < 0x80)), "no text in the language checked");
        }
    }
}
