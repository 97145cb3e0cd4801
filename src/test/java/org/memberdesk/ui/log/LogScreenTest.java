package org.memberdesk.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
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
 * 操作日志 (issue 18 item 3): the log filtered by staff, the money-moving entry highlighted, the chain checked and
 * the entries exported by the owner. The log, oldest first:
 * #1, #2 the owner (cli:USER) adds members M1 and M2; #3, #4 adds 小王 and 李姐; #5 小王 sells to M1;
 * #6 李姐 refunds M1's card (money); #7 小王 checks M2 in.
 */
class LogScreenTest extends FxRobot {
    @TempDir
    Path folder;
    private FxTaskExecutor tasks;
    private RecordingDialogs dialogs;
    private UiContext context;
    private Staff li;

    @BeforeEach
    void open() throws Exception {
        AppContext app = TestDatabase.open(folder);
        long m1 = app.members().add(TestDatabase.member("M1", "王芳", "13800000001")).id();
        long m2 = app.members().add(TestDatabase.member("M2", "李娜", "13800000002")).id();
        Staff wang = app.staff().add("小王", Role.CASHIER, "1234");
        li = app.staff().add("李姐", Role.MANAGER, "2345");
        OperationLog log = app.operationLog();
        app.session().become(Actor.of(wang));
        log.record(OperationLog.Entry.of(Operation.SALE, m1, "P0001", "¥30.00"));
        app.session().become(Actor.of(li));
        log.record(OperationLog.Entry.of(Operation.CARD_REFUND, m1, "C0001", "¥500.00 → ¥0.00")
                .because("moving away"));
        app.session().become(Actor.of(wang));
        log.record(OperationLog.Entry.of(Operation.CHECK_IN, m2, "C0002", "10 → 9 sessions"));

        dialogs = new RecordingDialogs(Messages.english());
        tasks = new FxTaskExecutor(dialogs, 2);
        // the screen acts as the owner (the command line's default actor): it may export
        context = ScreenStage.context(folder.resolve("test.db"), TestDatabase.NOW, tasks, dialogs);
        UiContext shown = context;
        ScreenStage.show(() -> new LogScreen(shown));
    }

    @AfterEach
    void close() throws Exception {
        tasks.shutdown();
        FxToolkit.cleanupStages();
    }

    private TableView<LogViewModel.Row> table() {
        return lookup("#log-table").queryTableView();
    }

    private List<Long> ids() {
        return table().getItems().stream().map(LogViewModel.Row::id).toList();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void finding3_filtersByStaffAndHighlightsTheMoneyRow() {
        UiFixture.waitUntil(() -> ids().equals(List.of(7L, 6L, 5L, 4L, 3L, 2L, 1L)));
        assertEquals("7 entries", text("#log-count"));
        LogViewModel.Row refund = table().getItems().get(1);
        assertEquals("李姐", refund.staff());
        assertEquals("Card refund", refund.action());
        assertEquals("M1", refund.member());
        assertEquals("¥500.00 → ¥0.00", refund.change());
        assertEquals("moving away", refund.reason());
        // the refund's row, and only it, is highlighted
        assertEquals(Set.of(6L), highlighted());
        assertTrue(lookup("#log-legend").tryQuery().isPresent());

        // 小王's entries only: the sale and the check-in
        ComboBox<String> staff = lookup("#log-staff").queryComboBox();
        clickOn(staff);
        write("小王").type(javafx.scene.input.KeyCode.ENTER);
        UiFixture.waitUntil(() -> ids().equals(List.of(7L, 5L)));
        assertEquals("2 entries", text("#log-count"));
        assertEquals(Set.of(), highlighted());

        // and about member M1 only: the sale
        clickOn("#log-member").write("M1").type(javafx.scene.input.KeyCode.ENTER);
        UiFixture.waitUntil(() -> ids().equals(List.of(5L)));

        // every one again, then the action "Card refund"
        clickOn("#log-clear");
        UiFixture.waitUntil(() -> ids().size() == 7);
        interact(() -> lookup("#log-action").queryComboBox().getSelectionModel().select(Operation.CARD_REFUND));
        UiFixture.waitUntil(() -> ids().equals(List.of(6L)));
        assertEquals(Set.of(6L), highlighted());
    }

    @Test
    void defect7Plurals_oneEntryIsOneEntryAndNoneIsNoEntries() {
        UiFixture.waitUntil(() -> ids().size() == 7);
        clickOn("#log-member").write("M1").type(javafx.scene.input.KeyCode.ENTER);
        interact(() -> lookup("#log-action").queryComboBox().getSelectionModel().select(Operation.CARD_REFUND));
        UiFixture.waitUntil(() -> ids().equals(List.of(6L)));
        assertEquals("1 entry", text("#log-count"));
        interact(() -> lookup("#log-action").queryComboBox().getSelectionModel().select(Operation.CHECK_IN));
        UiFixture.waitUntil(() -> ids().isEmpty() && text("#log-count").equals("no entries"));
    }

    /** The ids of the rows on screen drawn with the money style. */
    private Set<Long> highlighted() {
        return lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() != null && row.getStyleClass().contains(LogScreen.MONEY_ROW))
                .map(row -> ((LogViewModel.Row) row.getItem()).id())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void finding3_checksTheChainAndTheOwnerExportsTheEntries() throws Exception {
        UiFixture.waitUntil(() -> ids().size() == 7);
        clickOn("#log-verify");
        UiFixture.waitUntil(() -> text("#log-verified").startsWith("Intact"));
        assertEquals("Intact: all 7 entries are as they were written.", text("#log-verified"));

        Path file = folder.resolve("log.csv");
        dialogs.fileAnswer = file;
        clickOn("#log-export");
        UiFixture.waitUntil(() -> Files.exists(file) && text("#log-notice").startsWith("7 entries saved"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(8, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(6).startsWith("6,2026-11-22 12:00:00,李姐,card-refund,"), lines.get(6));
        // the export is logged: the list reads again with it on top
        UiFixture.waitUntil(() -> ids().size() == 8);
        assertEquals("Export", table().getItems().get(0).action());
        assertFalse(dialogs.errors.stream().findAny().isPresent(), dialogs.errors.toString());
    }

    @Test
    void finding3_aManagerSeesTheLogButNoExport() throws Exception {
        UiFixture.waitUntil(() -> ids().size() == 7);
        assertTrue(lookup("#log-export").query().isVisible(), "the owner may export");
        FxToolkit.cleanupStages();
        context.app().session().become(Actor.of(li));
        UiContext manager = context;
        ScreenStage.show(() -> new LogScreen(manager));
        UiFixture.waitUntil(() -> ids().size() == 7);
        assertFalse(lookup("#log-export").query().isVisible(), "a manager may not export the log");
    }
}
