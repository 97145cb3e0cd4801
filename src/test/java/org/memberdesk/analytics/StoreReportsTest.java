package org.memberdesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.demo.Business;
import org.memberdesk.segments.LifecycleSettings;
import org.memberdesk.stores.Store;

/** Issue 21: the reports of one store and of the chain, on {@link StoreShop}'s November worked by hand. */
@BothEngines
class StoreReportsTest {
    @TempDir
    static Path folder;
    static StoreShop shop;

    @BeforeAll
    static void build() {
        shop = StoreShop.build(TestDatabase.open(folder));
    }

    @AfterAll
    static void close() {
        shop = null;
    }

    private static AnalyticsService.Report report(Optional<Store> at) {
        return shop.app.analytics().report(StoreShop.november(), at);
    }

    @Test
    void theChainCountsEveryStore() {
        AnalyticsService.Report chain = report(Optional.empty());
        Metrics m = chain.metrics();
        // sales #1–#5: 5 purchases, 100 + 20 + 50 + 30 + 20 = ¥220; returned ¥10; revenue ¥210; average 22,000/5
        assertEquals(5, m.purchases());
        assertEquals(22_000, m.salesCents());
        assertEquals(1_000, m.returnsCents());
        assertEquals(21_000, m.revenueCents());
        assertEquals(4_400L, m.avgOrderCents());
        // joined in November: 王芳, 李雷, 张三, 赵六; bought: 王芳, 李雷 (twice each), 张三 → repurchase 2/3
        assertEquals(4, m.newMembers());
        assertEquals(3, m.buyers());
        assertEquals(3, m.newBuyers());
        assertEquals(new Ratio(2, 3), m.repurchase());
        assertEquals(new Ratio(3, 4), m.paidConversion());
        // first sales 11-02, 11-02, 11-10; next activity: 王芳 11-03 (1 day), 李雷 11-22 (12 days), 张三 none
        // (his check-in on 11-20 is 18 days later, only d30's, whose base is empty)
        assertEquals(new Ratio(1, 3), m.retention(1));
        assertEquals(new Ratio(1, 3), m.retention(7));
        assertNull(m.retention(30).share());
        // check-ins 2 at 本店 + 1 at 二店; money received: #5's ¥20 in cash less ¥10 refunded
        assertEquals(3, chain.cards().visits());
        assertEquals(2, chain.cards().visitors());
        assertEquals(1_000, chain.cards().cashInCents());
    }

    @Test
    void oneStoreCountsWhatHappenedThereAndTheBuyersItWon() {
        Metrics main = report(Optional.of(shop.main)).metrics();
        // 本店: #1 ¥100 and #4 ¥30 → 2 purchases, ¥130, average ¥65; no returns
        assertEquals(2, main.purchases());
        assertEquals(13_000, main.revenueCents());
        assertEquals(6_500L, main.avgOrderCents());
        // joined here: 王芳, 李雷, both bought here → conversion 2/2; buyers here 2, each once
        assertEquals(2, main.newMembers());
        assertEquals(2, main.buyers());
        assertEquals(new Ratio(0, 2), main.repurchase());
        assertEquals(new Ratio(2, 2), main.paidConversion());
        // their first sales were here: new buyers 2; 王芳 came back the next day at 二店, which counts (the chain's
        // retention of the buyers this store won): d1 = 1/2
        assertEquals(2, main.newBuyers());
        assertEquals(new Ratio(1, 2), main.retention(1));

        Metrics second = report(Optional.of(shop.second)).metrics();
        // 二店: #2 ¥20, #3 ¥50, #5 ¥20 → 3 purchases, ¥90, average ¥30; ¥10 given back → revenue ¥80
        assertEquals(3, second.purchases());
        assertEquals(9_000, second.salesCents());
        assertEquals(1_000, second.returnsCents());
        assertEquals(8_000, second.revenueCents());
        assertEquals(3_000L, second.avgOrderCents());
        // joined here: 张三, 赵六; 张三 bought here → 1/2; buyers here 王芳, 张三, 李雷; only 张三's first sale was
        // here: 1 new buyer, 2 returning
        assertEquals(2, second.newMembers());
        assertEquals(3, second.buyers());
        assertEquals(1, second.newBuyers());
        assertEquals(2, second.returningMembers());
        assertEquals(new Ratio(1, 2), second.paidConversion());
        assertEquals(new Ratio(0, 1), second.retention(1));
    }

    @Test
    void theStoresColumnsAddUpToTheChain() {
        AnalyticsService.Report chain = report(Optional.empty());
        List<StoreFigures> stores = chain.stores();
        assertEquals(List.of("本店", "二店"), stores.stream().map(s -> s.store().name()).toList());
        // 本店: 2 joined, 2 purchases, ¥130, 2 check-ins, no money through MemberDesk (#1, #4 recorded unpaid)
        assertEquals(new StoreFigures(shop.main, 2, 2, 13_000, 0, 2, 0), stores.get(0));
        // 二店: 2 joined, 3 purchases ¥90 less ¥10, 1 check-in, ¥20 − ¥10 in cash
        assertEquals(new StoreFigures(shop.second, 2, 3, 9_000, 1_000, 1, 1_000), stores.get(1));
        StoreFigures sum = StoreFigures.total(stores);
        assertEquals(chain.metrics().newMembers(), sum.newMembers());
        assertEquals(chain.metrics().purchases(), sum.purchases());
        assertEquals(chain.metrics().revenueCents(), sum.revenueCents());
        assertEquals(chain.cards().visits(), sum.visits());
        assertEquals(chain.cards().cashInCents(), sum.cashInCents());
        // one store's report has no columns
        assertTrue(report(Optional.of(shop.second)).stores().isEmpty());
        // the stores' reports add up too, figure by figure
        Metrics main = report(Optional.of(shop.main)).metrics();
        Metrics second = report(Optional.of(shop.second)).metrics();
        assertEquals(chain.metrics().purchases(), main.purchases() + second.purchases());
        assertEquals(chain.metrics().newBuyers(), main.newBuyers() + second.newBuyers());
        assertEquals(chain.metrics().newMembers(), main.newMembers() + second.newMembers());
    }

    @Test
    void theDashboardOfAStoreAndTheChainsColumns() {
        Dashboard chain = shop.app.analytics().dashboard(StoreShop.november(), Granularity.DAY, Optional.empty());
        assertEquals(2, chain.stores().size());
        Dashboard second = shop.app.analytics().dashboard(StoreShop.november(), Granularity.DAY,
                Optional.of(shop.second));
        assertEquals(8_000, second.current().revenueCents());
        assertTrue(second.stores().isEmpty());
        // the trend's revenue is the store's: ¥50 on 11-02, ¥20 on 11-03, ¥20 − ¥10 on 11-22
        long trendRevenue = second.trend().points().stream().mapToLong(Trend.Point::revenueCents).sum();
        assertEquals(8_000, trendRevenue);
    }

    @Test
    void cohortsOfAStoreAreTheBuyersItWonAndAddUpToTheChains() {
        YearMonth november = YearMonth.of(2026, 11);
        // first sales in November: 王芳 (本店), 张三 (二店), 李雷 (本店)
        assertEquals(3, shop.app.analytics().cohorts(november, november, Optional.empty()).get(0).size());
        assertEquals(2, shop.app.analytics().cohorts(november, november, Optional.of(shop.main)).get(0).size());
        assertEquals(1, shop.app.analytics().cohorts(november, november, Optional.of(shop.second)).get(0).size());
    }

    @Test
    void whereVisitsCountAStoresActiveMembersAreThoseWhoCameThere() {
        // 11-05 … 11-06: no sales, only 王芳's two check-ins at 本店
        Period days = Period.of("2026-11-05", "2026-11-06");
        assertEquals(0, shop.app.analytics().report(days, Optional.of(shop.main)).metrics().activeMembers());
        try {
            shop.app.lifecycle().save(LifecycleSettings.forBusiness(Business.GYM));
            // a gym counts coming in as activity: 王芳 is 本店's active member; nobody came to 二店
            assertEquals(1, shop.app.analytics().report(days, Optional.of(shop.main)).metrics().activeMembers());
            assertEquals(0, shop.app.analytics().report(days, Optional.of(shop.second)).metrics().activeMembers());
            assertEquals(1, shop.app.analytics().report(days, Optional.empty()).metrics().activeMembers());
            // November with visits counted: 张三's check-in at 二店 on 11-20 is 18 days after his first sale, past
            // d7; 本店's retention is still 王芳's return at 二店 the next day (d1 = 1/2)
            Metrics main = report(Optional.of(shop.main)).metrics();
            assertEquals(new Ratio(1, 2), main.retention(1));
            assertEquals(new Ratio(0, 1), report(Optional.of(shop.second)).metrics().retention(7));
        } finally {
            shop.app.lifecycle().save(LifecycleSettings.forBusiness(Business.SHOP));
        }
    }

    @Test
    void staffPerformanceRowsPerStoreAddUpAndTheChartShowsEachPersonOnce() {
        var chain = shop.app.staffPerformance().report(java.time.LocalDate.of(2026, 11, 1),
                java.time.LocalDate.of(2026, 11, 30), java.util.OptionalLong.empty());
        var second = shop.app.staffPerformance().report(java.time.LocalDate.of(2026, 11, 1),
                java.time.LocalDate.of(2026, 11, 30), java.util.OptionalLong.of(shop.second.id()));
        var main = shop.app.staffPerformance().report(java.time.LocalDate.of(2026, 11, 1),
                java.time.LocalDate.of(2026, 11, 30), java.util.OptionalLong.of(shop.main.id()));
        // goods sold: 本店 ¥100 + ¥30, 二店 ¥20 + ¥50 + ¥20 = ¥220 in all, whichever way it is cut
        long whole = org.memberdesk.staff.StaffPerformance.total(chain.staff()).salesCents();
        assertEquals(22_000, whole);
        assertEquals(whole, org.memberdesk.staff.StaffPerformance.total(main.staff()).salesCents()
                + org.memberdesk.staff.StaffPerformance.total(second.staff()).salesCents());
        // 小王's two rows (本店 ¥130, 二店 ¥20) are one bar group: net ¥150
        var plot = new org.memberdesk.analytics.charts.StaffCharts(org.memberdesk.common.Messages.english())
                .performance(chain).getCategoryPlot();
        assertEquals(150.0, plot.getDataset().getValue("Goods (net of returns)", "小王").doubleValue());
    }

    @Test
    void theFunnelOfAStoreFollowsTheMembersWhoJoinedThere() {
        // 二店's new members: 张三 (bought once, ¥50), 赵六 (never)
        Funnel funnel = shop.app.analytics().aarrr(StoreShop.november(), 0, Optional.of(shop.second));
        assertEquals(List.of(2L, 1L, 0L, 0L, 0L), funnel.steps().stream().map(s -> (long) s.count()).toList());
    }

    @Test
    void theChartsOfOneStoreAreTheDashboardTheFunnelAndTheCohorts() {
        var charts = shop.app.analyticsCharts();
        Optional<Store> second = Optional.of(shop.second);
        // 二店's dashboard: #2 ¥20 + #3 ¥50 + #5 ¥20 less ¥10 = ¥80; its joiners 张三, 赵六; its first buyer 张三
        var dashboard = (org.memberdesk.analytics.charts.ChartExport.DashboardData) charts.data("dashboard",
                StoreShop.november(), second);
        assertEquals(8_000, dashboard.dashboard().current().revenueCents());
        var funnel = (org.memberdesk.analytics.charts.ChartExport.FunnelData) charts.data("funnel",
                StoreShop.november(), second);
        assertEquals(2, funnel.funnel().steps().get(0).count());
        var cohorts = (org.memberdesk.analytics.charts.ChartExport.CohortData) charts.data("cohorts",
                StoreShop.november(), second);
        assertEquals(1, cohorts.cohorts().get(0).size());
        // the member pool is every store's: no chart of it is one store's
        for (String kind : List.of("rfm", "tiers", "stages", "channels", "spend")) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> charts.data(kind, StoreShop.november(), second), kind);
        }
    }

    /** A chart's title as {@code chart} draws it, in {@code messages}' language. */
    private static String title(String kind, Optional<Store> at, org.memberdesk.common.Messages messages) {
        var charts = shop.app.analyticsCharts();
        return charts.chart(charts.data(kind, StoreShop.november(), at), messages).getTitle().getText();
    }

    @Test
    void aChartOfOneStoreNamesTheStoreInItsTitleAsTheDashboardPdfDoes() {
        var english = org.memberdesk.common.Messages.english();
        var chinese = org.memberdesk.common.Messages.chinese();
        Optional<Store> second = Optional.of(shop.second);
        // November is 30 days: the dashboard is by day (62 days or fewer); the cohorts run 2026-11 … 2026-11
        assertEquals("Dashboard · 二店 2026-11-01 to 2026-11-30 (by day)", title("dashboard", second, english));
        assertEquals("经营概览 · 二店 2026-11-01 至 2026-11-30（按日）", title("dashboard", second, chinese));
        assertEquals("Funnel · 二店: members who joined there 2026-11-01 to 2026-11-30", title("funnel", second,
                english));
        assertEquals("新会员漏斗 · 二店：2026-11-01 至 2026-11-30 在该店入会的会员", title("funnel", second, chinese));
        assertEquals("Cohorts · 二店 by month of first purchase there, 2026-11 … 2026-11", title("cohorts", second,
                english));
        assertEquals("同期群留存 · 二店：按在该店首购的月份，2026-11 … 2026-11", title("cohorts", second, chinese));
        // 本店 under its seeded name is shown as the screens show it: "Main store" in English (Store.shownName)
        assertEquals("Dashboard · Main store 2026-11-01 to 2026-11-30 (by day)", title("dashboard",
                Optional.of(shop.main), english));
        assertEquals("经营概览 · 本店 2026-11-01 至 2026-11-30（按日）", title("dashboard", Optional.of(shop.main),
                chinese));
        // the chain's charts keep their titles
        assertEquals("Dashboard 2026-11-01 to 2026-11-30 (by day)", title("dashboard", Optional.empty(), english));
        assertEquals("Funnel of members who joined 2026-11-01 to 2026-11-30", title("funnel", Optional.empty(),
                english));
        assertEquals("Cohorts by month of first purchase, 2026-11 … 2026-11", title("cohorts", Optional.empty(),
                english));
    }
}
