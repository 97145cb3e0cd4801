package org.memberdesk.analytics.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Font;
import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;

/**
 * Chinese on charts: the charts draw in the font the app carries, so they have every glyph on a computer
 * with no Chinese font at all (this one, and CI: only DejaVu).
 */
class ChartStyleTest {
    @Test
    void finding1_chartsUseTheBundledFontThatDrawsChineseAndEnglish() {
        for (int style : new int[] {Font.PLAIN, Font.BOLD}) {
            Font font = ChartStyle.font(style, 12);
            assertEquals("Noto Sans SC", font.getFamily());
            // -1: every character of the text can be drawn
            assertEquals(-1, font.canDisplayUpTo("经营概览 新会员 同期群留存 ¥1,280.00 Revenue (yuan) 2026-03 +12.5% —"));
        }
        // the family answers by name too (JFreeChart's JavaFX viewer and any new Font(family, ...) ask so)
        assertEquals(-1, new Font(ChartStyle.family(), Font.PLAIN, 12).canDisplayUpTo("会员 Members"));
    }

    @Test
    void funnelStepsAreNamedByTheirStage() {
        AnalyticsCharts zh = new AnalyticsCharts(Messages.chinese());
        assertEquals("入会（获客）", zh.stepLabel("joined"));
        assertEquals("累计消费满 ¥500.00（变现）", zh.stepLabel("total_spent >= 500.00"));
        AnalyticsCharts en = new AnalyticsCharts(Messages.english());
        assertEquals("Bought again (retention)", en.stepLabel("purchases >= 2"));
        // a custom step is shown as its rule
        assertEquals("tag = 老客", en.stepLabel("tag = 老客"));
        assertEquals("—", en.share(null));
        assertEquals("33.3%", en.share(1.0 / 3));
    }
}
