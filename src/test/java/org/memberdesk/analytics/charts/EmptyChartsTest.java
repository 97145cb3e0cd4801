package org.memberdesk.analytics.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.general.DatasetUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.analytics.Granularity;
import org.memberdesk.analytics.Period;
import org.memberdesk.BothEngines;
import org.memberdesk.analytics.ShopFixture;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.TestDatabase;

/**
 * Issue 19, defect 7 (blank empty states): a chart with nothing to show says so in words, where its bars or lines
 * would be (JFreeChart draws a plot's no-data message when its dataset has no items), on screen and in a PNG alike.
 */
@BothEngines
class EmptyChartsTest {
    @TempDir
    Path folder;

    @Test
    void defect7_emptyStates_aChartWithNothingToShowSaysSoInWords() {
        AppContext shop = new AppContext(ShopFixture.database(folder), Clock.system(ZoneId.systemDefault()));
        AnalyticsCharts zh = new AnalyticsCharts(Messages.chinese());
        // a month long after the hand-built shop's purchases and joins
        Period quiet = new Period(LocalDate.of(2030, 3, 1), LocalDate.of(2030, 3, 31));

        JFreeChart trend = zh.dashboard(shop.analytics().dashboard(quiet, Granularity.DAY));
        XYPlot members = ((CombinedDomainXYPlot) trend.getXYPlot()).getSubplots().get(0);
        XYPlot money = ((CombinedDomainXYPlot) trend.getXYPlot()).getSubplots().get(1);
        assertTrue(DatasetUtils.isEmptyOrNull(members.getDataset()) && DatasetUtils.isEmptyOrNull(money.getDataset()));
        assertEquals("这段时间还没有会员入会或消费", members.getNoDataMessage());
        assertEquals("这段时间还没有消费", money.getNoDataMessage());

        JFreeChart funnel = zh.funnel(shop.analytics().aarrr(quiet, ChartExport.DEFAULT_MIN_SPENT_CENTS));
        CategoryPlot steps = (CategoryPlot) funnel.getPlot();
        assertTrue(DatasetUtils.isEmptyOrNull(steps.getDataset()));
        assertEquals("这段时间没有新入会的会员，漏斗暂时是空的", steps.getNoDataMessage());

        // a shop with no members yet: its distributions
        AppContext empty = new AppContext(TestDatabase.database(folder.resolve("new")), Clock.system(ZoneId.systemDefault()));
        JFreeChart tiers = new AnalyticsCharts(Messages.english()).distribution(empty.analytics().tiers(),
                "analytics.chart.tiers");
        assertTrue(DatasetUtils.isEmptyOrNull(((CategoryPlot) tiers.getPlot()).getDataset()));
        assertEquals("No members to count yet", tiers.getPlot().getNoDataMessage());

        // a period with purchases keeps its lines and bars
        JFreeChart january = zh.dashboard(shop.analytics().dashboard(
                new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)), Granularity.DAY));
        assertEquals(31, ((CombinedDomainXYPlot) january.getXYPlot()).getSubplots().get(1).getDataset().getItemCount(0));
    }
}
