package org.memberdesk.ui.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.TestDatabase;
import org.memberdesk.analytics.StoreShop;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.ScreenStage;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.FxTaskExecutor;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.UiContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Issue 21: staff performance by store, clicked, on {@link StoreShop} ("today" 2026-11-22: this month so far holds
 * its November). 小王 sold #1 ¥100 and #4 ¥30 at 本店 and #2 ¥20 at 二店; 小刘 #3 ¥50 at 二店; the command line's
 * owner (no staff named) #5 2 × ¥10 at 二店, one given back; the check-ins name no staff (2 at 本店, 1 at 二店).
 */
class StaffReportStoresTest extends FxRobot {
    @TempDir
    Path folder;
    private FxTaskExecutor tasks;

    private void show(AppContext app) throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
        tasks = new FxTaskExecutor(dialogs, 2);
        UiContext context = new UiContext(app, Messages.english(), tasks, dialogs, new DataChanges());
        ScreenStage.show(() -> new StaffReportScreen(context));
    }

    @AfterEach
    void close() throws Exception {
        tasks.shutdown();
        FxToolkit.cleanupStages();
    }

    private boolean shown(String id) {
        for (Node at = lookup(id).query(); at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** "name store sales" per row, in the table's order. */
    private static List<String> rows(TableView<StaffReportViewModel.Row> table) {
        return table.getItems().stream().map(row -> row.name() + " " + row.store() + " " + row.salesAmount()).toList();
    }

    /** Opens the store picker (once it can be used) and clicks a choice in its list, not a table cell of the name. */
    private void pick(String store) {
        UiFixture.waitUntil(() -> !lookup("#staff-report-store").query().isDisabled());
        clickOn("#staff-report-store");
        clickOn((Node) lookup(".combo-box-popup .list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(store)).query());
    }

    @Test
    void aChainShowsWhereEachRowsWorkWasDoneAndOneStoresWorkWhenPicked() throws Exception {
        show(StoreShop.build(TestDatabase.open(folder)).app);
        TableView<StaffReportViewModel.Row> table = lookup("#staff-report-table").queryTableView();
        UiFixture.waitUntil(() -> table.getItems().size() == 5);
        assertTrue(shown("#staff-report-store"));
        assertTrue(table.getColumns().stream().filter(c -> "staff-report-store-column".equals(c.getId()))
                .allMatch(c -> c.isVisible()));
        // cashiers by name as the staff list has them; each one's stores in store order; the no-staff rows last
        assertTrue(rows(table).containsAll(List.of("小王 Main store ¥130.00", "小王 二店 ¥20.00",
                "小刘 二店 ¥50.00", "No staff recorded Main store ¥0.00", "No staff recorded 二店 ¥20.00")), rows(table).toString());

        pick("二店");
        UiFixture.waitUntil(() -> table.getItems().size() == 3);
        // 二店's work alone: the rows say no store (the picker does)
        assertTrue(rows(table).containsAll(List.of("小王  ¥20.00", "小刘  ¥50.00", "No staff recorded  ¥20.00")),
                rows(table).toString());
        assertFalse(table.getColumns().stream().filter(c -> "staff-report-store-column".equals(c.getId()))
                .anyMatch(c -> c.isVisible()));
    }

    @Test
    void aShopOfOneStoreHasNoPickerAndNoStoreColumn() throws Exception {
        AppContext app = TestDatabase.open(folder);
        app.staff().add("小王", org.memberdesk.staff.Role.CASHIER, "1234");
        show(app);
        TableView<StaffReportViewModel.Row> table = lookup("#staff-report-table").queryTableView();
        UiFixture.waitUntil(() -> table.getItems().size() == 1);
        UiFixture.waitUntil(() -> lookup("#staff-report-store").queryComboBox().getItems().size() == 2);
        assertFalse(shown("#staff-report-store"));
        assertEquals(List.of("小王  ¥0.00"), rows(table));
    }
}
