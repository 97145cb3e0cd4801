package org.memberdesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.demo.Business;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.BothEngines;

/**
 * What cards and visits add to a period's report, and visits as activity in the period numbers, on a small history
 * worked by hand. The clock is 2026-11-22 12:00 (TestDatabase); earlier days are recorded with {@code at}.
 */
@BothEngines
class CardsInReportTest {
    @TempDir
    Path folder;
    AppContext app;
    Member wang;
    Member li;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        li = app.members().add(TestDatabase.member("A2", "李雷", "13900001111"));
    }

    static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 10, 0);
    }

    long pass(String name, long price, int days) {
        return app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, name, price, 0, null, days, null, 0, 0,
                true, false));
    }

    long sessions(String name, long price, int count, int days) {
        return app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, name, price, 0, count, days, null, 0, 0,
                true, false));
    }

    @Test
    void reportAddsRenewalRateMoneyReceivedByMethodAndVisits() {
        long month = pass("月卡", 30_000, 30);
        long stored = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充1000送200", 100_000,
                20_000, null, null, null, 0, 0, true, false));
        // wang: 月卡 10-01 (cash, 10-01 … 10-30), renewed 10-25 (WeChat, stacks: 10-31 … 11-29)
        app.cards().sell(wang.id(), month, Pay.CASH, null, at(10, 1));
        app.cards().sell(wang.id(), month, new Pay(PayMethod.WECHAT, null), null, at(10, 25));
        // li: 月卡 10-05 (cash, 10-05 … 11-03), never renewed; stored value 11-01 by Alipay, spent at the counter
        app.cards().sell(li.id(), month, Pay.CASH, null, at(10, 5));
        app.cards().sell(li.id(), stored, new Pay(PayMethod.ALIPAY, null), null, at(11, 1));
        app.counterSales().sell(li.id(), List.of(new PurchaseLine("饮料", 1, 10_000)), null,
                new Pay(PayMethod.STORED_VALUE, null));
        // wang buys ¥50 in cash today and gives it back: a refund of ¥50 paid out in cash
        CounterSales.Sale sale = app.counterSales().sell(wang.id(), List.of(new PurchaseLine("毛巾", 1, 5_000)),
                null, Pay.CASH);
        app.counterSales().giveBack(sale.purchase().purchaseNo(), List.of(new CounterSales.LineReturn(1, 1)), "不要了");
        app.checkIns().checkIn("A1", null, at(10, 2));
        app.checkIns().checkIn("A1", null, at(10, 3));
        app.checkIns().checkIn("A2", null, at(10, 6));
        app.checkIns().checkIn("A1", null, at(11, 5));

        AnalyticsService.Report october = app.analytics().report(Period.of("2026-10-01", "2026-10-31"));
        CardFigures cards = october.cards();
        // ended in October: wang's first pass (10-30), renewed by the pass bought 10-25 → 1 of 1
        assertEquals(1, cards.renewal().ended());
        assertEquals(1.0, cards.renewalRate());
        // cash 30,000 (wang) + 30,000 (li); WeChat 30,000
        assertEquals(Map.of("cash", 60_000L, "wechat", 30_000L), cards.cashInByMethod());
        assertEquals(90_000, cards.cashInCents());
        assertEquals(3, cards.visits()); // wang 10-02, 10-03; li 10-06
        assertEquals(2, cards.visitors());

        CardFigures november = app.analytics().report(Period.of("2026-11-01", "2026-11-22")).cards();
        // ended in November so far: li's pass (11-03), not renewed (stored value is another kind) → 0 of 1
        assertEquals(0.0, november.renewalRate());
        // Alipay 100,000 for the stored value; cash 5,000 − 5,000 refunded; the ¥100 paid from stored value is
        // money moved, not received
        assertEquals(Map.of("alipay", 100_000L, "cash", 0L), november.cashInByMethod());
        assertEquals(100_000, november.cashInCents());
        assertEquals(1, november.visits());
        assertEquals(1, november.visitors());

        // the dashboard shows the same figures with the previous period's (September: nothing ended → no rate)
        Dashboard dashboard = app.analytics().dashboard(Period.of("2026-10-01", "2026-10-31"), Granularity.WEEK);
        assertEquals(cards, dashboard.cards());
        assertNull(dashboard.previousCards().renewalRate());
        assertEquals(0, dashboard.previousCards().cashInCents());
    }

    @Test
    void visitsCountAsActiveMembersAndRetentionWhereTheBusinessCountsThem() {
        long tenSessions = sessions("私教10节", 100_000, 10, 365);
        // zhou's first purchase 06-01, back 06-04 only to check in; qian bought in May and came 06-10
        Member zhou = app.members().add(TestDatabase.member("A3", "周", "13700000001"));
        Member qian = app.members().add(TestDatabase.member("A4", "钱", "13700000002"));
        app.cards().sell(zhou.id(), tenSessions, Pay.CASH, null, at(6, 1));
        app.cards().sell(qian.id(), tenSessions, Pay.CASH, null, at(5, 1));
        app.checkIns().checkIn("A3", null, at(6, 4));
        app.checkIns().checkIn("A4", null, at(6, 10));
        Period june = Period.of("2026-06-01", "2026-06-30");

        // a shop: only buying is activity — 1 active (zhou), and zhou's visit 3 days later is no return
        Metrics shop = app.analytics().metrics(june);
        assertEquals(1, shop.activeMembers());
        assertEquals(1, shop.buyers());
        assertEquals(0.0, shop.retention(3).share());
        assertEquals(0.0, shop.retention(7).share());

        // a gym: visits count — zhou and qian active; zhou came back after 3 days (d1: 0 of 1, d3 and d7: 1 of 1)
        app.shopProfile().setBusiness(Business.GYM);
        Metrics gym = app.analytics().metrics(june);
        assertEquals(2, gym.activeMembers());
        assertEquals(1, gym.buyers()); // the repurchase rate and the decomposition stay about buyers
        assertEquals(1, gym.repurchase().base());
        assertEquals(1, gym.returningMembers()); // qian: active, first purchase before June
        assertEquals(0.0, gym.retention(1).share());
        assertEquals(1.0, gym.retention(3).share());
        assertEquals(1.0, gym.retention(7).share());
        // the trend counts them too: zhou in the week of 06-01, qian in the week of 06-08
        Trend trend = app.analytics().trend(june, Granularity.WEEK);
        assertEquals(1, trend.points().get(0).activeMembers());
        assertEquals(1, trend.points().get(1).activeMembers());
    }

    @Test
    void theOnePageReportShowsTheRenewalRateVisitsAndMoneyReceived() throws Exception {
        long week = pass("周卡", 10_000, 7);
        // 周卡 11-01 … 11-07 in cash, renewed 11-05 by WeChat (11-08 … 11-14); visits 11-02 and 11-09
        app.cards().sell(wang.id(), week, Pay.CASH, null, at(11, 1));
        app.cards().sell(wang.id(), week, new Pay(PayMethod.WECHAT, null), null, at(11, 5));
        app.checkIns().checkIn("A1", null, at(11, 2));
        app.checkIns().checkIn("A1", null, at(11, 9));
        Path pdf = folder.resolve("report.pdf");
        app.dashboardPdf().write(Period.of("2026-11-01", "2026-11-10"), org.memberdesk.common.Messages.english(),
                pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, document.getNumberOfPages());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            // ended 11-01 … 11-10: the 11-07 card, renewed → 100.0 %; the previous 10 days: none → "—"
            assertTrue(text.contains("Renewal rate 100.0% —"), text);
            assertTrue(text.contains("Visits 2 0"), text);
            // ¥100 cash + ¥100 WeChat
            assertTrue(text.contains("Money received ¥200.00 ¥0.00"), text);
        }
    }
}
