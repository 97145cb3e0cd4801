package org.memberdesk.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.ui.ScreenStage;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.FxTaskExecutor;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.UiContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The dashboard's card and visit figures, "today" being 2026-11-22 (this month: 11-01 … 11-22, the previous
 * period 10-10 … 10-31). 周卡 (¥100, 7 days) sold to A1 on 10-20 in cash (10-20 … 10-26), on 11-01 in cash
 * (11-01 … 11-07) and on 11-05 by WeChat (stacked: 11-08 … 11-14); to A2 on 11-03 by Alipay (11-03 … 11-09).
 * Visits: A1 on 10-21, 11-02 and 11-09; A2 on 11-03.
 */
class DashboardCardsTest extends FxRobot {
    @TempDir
    Path folder;
    private FxTaskExecutor tasks;

    @BeforeEach
    void open() throws Exception {
        AppContext app = TestDatabase.open(folder);
        Member wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        Member li = app.members().add(TestDatabase.member("A2", "李雷", "13900001111"));
        long week = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "周卡", 10_000, 0, null, 7, null, 0,
                0, true, false));
        app.cards().sell(wang.id(), week, Pay.CASH, null, at(10, 20));
        app.cards().sell(wang.id(), week, Pay.CASH, null, at(11, 1));
        app.cards().sell(wang.id(), week, new Pay(PayMethod.WECHAT, null), null, at(11, 5));
        app.cards().sell(li.id(), week, new Pay(PayMethod.ALIPAY, null), null, at(11, 3));
        app.checkIns().checkIn("A1", null, at(10, 21));
        app.checkIns().checkIn("A1", null, at(11, 2));
        app.checkIns().checkIn("A1", null, at(11, 9));
        app.checkIns().checkIn("A2", null, at(11, 3));
        RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
        tasks = new FxTaskExecutor(dialogs, 2);
        UiContext context = ScreenStage.context(folder.resolve("test.db"), TestDatabase.NOW, tasks, dialogs);
        ScreenStage.show(() -> new DashboardScreen(context));
    }

    private static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 10, 0);
    }

    @AfterEach
    void close() throws Exception {
        tasks.shutdown();
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return lookup(id).tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }

    @Test
    void showsTheRenewalRateWithThePreviousPeriodVisitsAndMoneyByWayOfPaying() {
        UiFixture.waitUntil(() -> !text("#kpi-renewal-rate-value").isEmpty());
        // ended this month: 11-07 (renewed 11-05), li's 11-09 and wang's 11-14 (not renewed) → 1 of 3
        assertEquals("33.3%", text("#kpi-renewal-rate-value"));
        // the previous period: 10-26 ended, renewed by the card bought 11-01 (within 30 days) → 100 %
        assertEquals("-66.7 pt vs previous period", text("#kpi-renewal-rate-change"));
        // 3 visits this month (A1 11-02, 11-09; A2 11-03) against 1 (10-21): +200 %; 2 members against 1
        assertEquals("3", text("#kpi-visits-value"));
        assertEquals("+200.0% vs previous period", text("#kpi-visits-change"));
        assertEquals("2", text("#kpi-visitors-value"));
        // money received: 10,000 cash + 10,000 WeChat + 10,000 Alipay = ¥300.00, against ¥100.00 → +200 %
        assertEquals("¥300.00", text("#kpi-cash-in-value"));
        assertEquals("+200.0% vs previous period", text("#kpi-cash-in-change"));
        assertEquals("Money received by way of paying: Alipay ¥100.00 · Cash ¥100.00 · WeChat ¥100.00",
                text("#dashboard-cash-by-method"));
        // every card shows whole within the 1200-pixel window
        Node cards = lookup("#dashboard-cards").query();
        Bounds shown = cards.localToScene(cards.getBoundsInLocal());
        assertTrue(shown.getMaxX() <= 1200, "cards end at " + shown.getMaxX());
        Node renewal = lookup("#kpi-renewal-rate").query();
        assertTrue(renewal.localToScene(renewal.getBoundsInLocal()).getMaxX() <= 1200);
    }
}
