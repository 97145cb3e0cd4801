package org.memberdesk.ui.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.jfree.chart.fx.ChartViewer;
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
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.Role;
import org.memberdesk.staff.Staff;
import org.memberdesk.ui.ScreenStage;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.FxTaskExecutor;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.UiContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * 员工业绩 (issue 18 item 4) on screen: "today" 2026-11-22, the period this month so far (11-01 … 11-22).
 * 小王 (cashier) sells ¥30 on 11-21 and 2 × ¥25 = ¥50 today, and gives one ¥25 back: 2 sales ¥80, 1 return ¥25,
 * net ¥55. 李姐 (manager) sells ¥120 and a ¥1,000 stored-value package (its card entry given her by SQL until
 * card entries carry their staff themselves).
 */
class StaffReportScreenTest extends FxRobot {
    @TempDir
    Path folder;
    private FxTaskExecutor tasks;
    private RecordingDialogs dialogs;

    @BeforeEach
    void open() throws Exception {
        AppContext app = TestDatabase.open(folder);
        long m1 = app.members().add(TestDatabase.member("M1", "王芳", "13800000001")).id();
        long value = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "Pay 1000 get 1200",
                100_000, 20_000, null, null, null, 0, 0, true, false));
        Staff wang = app.staff().add("小王", Role.CASHIER, "1234");
        Staff li = app.staff().add("李姐", Role.MANAGER, "2345");
        app.session().become(Actor.of(wang));
        sale(app, m1, "2026-11-21T10:00", 1, 3_000);
        Purchase tea = sale(app, m1, "2026-11-22T09:00", 2, 5_000);
        app.counterSales().giveBack(tea.purchaseNo(), List.of(new CounterSales.LineReturn(1, 1)), null);
        app.session().become(Actor.of(li));
        sale(app, m1, "2026-11-20T15:00", 1, 12_000);
        long card = app.cards().sell(m1, value, Pay.CASH, null, LocalDateTime.parse("2026-11-20T16:00")).card().id();
        app.database().write(connection -> {
            try (var update = connection.prepareStatement(
                    "UPDATE card_entries SET staff_id = ? WHERE card_id = ? AND staff_id IS NULL")) {
                update.setLong(1, li.id());
                update.setLong(2, card);
                return update.executeUpdate();
            }
        });

        dialogs = new RecordingDialogs(Messages.english());
        tasks = new FxTaskExecutor(dialogs, 2);
        UiContext context = ScreenStage.context(folder.resolve("test.db"), TestDatabase.NOW, tasks, dialogs);
        ScreenStage.show(() -> new StaffReportScreen(context));
    }

    private static Purchase sale(AppContext app, long member, String time, int quantity, long cents) {
        return app.purchases().record(new PurchaseDraft(null, member, LocalDateTime.parse(time),
                List.of(new PurchaseLine("Tea", quantity, cents)), null), false);
    }

    @AfterEach
    void close() throws Exception {
        tasks.shutdown();
        FxToolkit.cleanupStages();
    }

    @Test
    void finding4_showsTheHandCheckedFiguresAndExportsThem() throws Exception {
        TableView<StaffReportViewModel.Row> table = lookup("#staff-report-table").queryTableView();
        UiFixture.waitUntil(() -> table.getItems().size() == 2);
        assertEquals(new StaffReportViewModel.Row("李姐", "Manager", 1, "¥120.00", 0, "¥0.00", "¥120.00", 1,
                "¥1,000.00", 0, "¥0.00", 0), table.getItems().get(0));
        assertEquals(new StaffReportViewModel.Row("小王", "Cashier", 2, "¥80.00", 1, "¥25.00", "¥55.00", 0,
                "¥0.00", 0, "¥0.00", 0), table.getItems().get(1));
        // a count and its money in one cell (drawn at the next layout pass after the rows are set)
        UiFixture.waitUntil(() -> lookup("2 · ¥80.00").tryQuery().isPresent());
        // goods net 120 + 55 = ¥175; cards ¥1,000
        assertEquals("All together: goods net ¥175.00 · cards ¥1,000.00 · top-ups ¥0.00 · no check-ins",
                lookup("#staff-report-status").queryAs(Label.class).getText());
        assertNotNull(lookup("#staff-report-chart").queryAs(ChartViewer.class).getChart());

        Path file = folder.resolve("staff.csv");
        dialogs.fileAnswer = file;
        clickOn("#staff-report-export");
        UiFixture.waitUntil(() -> Files.exists(file));
        assertEquals(List.of(
                "name,role,sales,sales_amount,returns,returns_amount,net_amount,cards_sold,cards_sold_amount,topups,"
                        + "topups_amount,checkins",
                "李姐,Manager,1,120.00,0,0.00,120.00,1,1000.00,0,0.00,0",
                "小王,Cashier,2,80.00,1,25.00,55.00,0,0.00,0,0.00,0"),
                Files.readAllLines(file, StandardCharsets.UTF_8));
    }
}
