package org.memberdesk.analytics.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;

/**
 * Chinese on charts: the machine needs a CJK font (Debian: fonts-wqy-microhei), and the charts must
 * pick it explicitly. Fails on a machine without one, which is exactly when charts show boxes.
 */
class ChartStyleTest {
    @Test
    void chartsUseAFontThatDrawsChinese() {
        assertTrue(ChartStyle.hasCjkFont(), "no CJK font family found; install fonts-wqy-microhei");
        Font font = ChartStyle.font(Font.PLAIN, 12);
        // -1: every character of the text can be drawn
        assertEquals(-1, font.canDisplayUpTo("经营概览 新会员 同期群留存 ¥1,280.00"));
    }

    @Test
    void funnelStepsAreNamedByTheirStage() {
        AnalyticsCharts zh = new AnalyticsCharts(Messages.chinese());
        assertEquals("入会（获取）", zh.stepLabel("joined"));
        assertEquals("累计消费满 ¥500.00（收入）", zh.stepLabel("total_spent >= 500.00"));
        AnalyticsCharts en = new AnalyticsCharts(Messages.english());
        assertEquals("Bought again (retention)", en.stepLabel("purchases >= 2"));
        // a custom step is shown as its rule
        assertEquals("tag = 老客", en.stepLabel("tag = 老客"));
        assertEquals("—", en.share(null));
        assertEquals("33.3%", en.share(1.0 / 3));
    }
}
