package org.memberdesk.ui.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/** File → Import members driven as a shop owner would: type the path, check the preview, fix a column, run. */
class ImportWizardScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.boot("members", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private void openWizardOnFile(Path file) {
        clickOn("#menu-file");
        clickOn("Import members…");
        UiFixture.waitUntil(() -> lookup("#import-wizard").tryQuery().isPresent());
        clickOn("#wizard-file").write(file.toString());
        clickOn("#wizard-next");
        UiFixture.waitUntil(() -> lookup("#wizard-preview").tryQuery().isPresent());
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private boolean nextEnabled() {
        return !lookup("#wizard-next").query().isDisabled();
    }

    @Test
    void importASmallFileWithABadRowAndAColumnChosenByHand() throws Exception {
        Path file = Files.write(ui.folder().resolve("shop.csv"), List.of(
                "客户,手机号,城市",
                "王芳,13812341234,杭州",
                "李娜,12345,苏州",
                "张伟,13900005678,宁波"), StandardCharsets.UTF_8);
        openWizardOnFile(file);

        TableView<?> preview = lookup("#wizard-preview").queryTableView();
        UiFixture.waitUntil(() -> preview.getItems().size() == 3 && preview.getColumns().size() == 3);
        assertEquals(3, preview.getItems().size());
        assertEquals(List.of("客户", "手机号", "城市"),
                preview.getColumns().stream().map(c -> c.getText()).toList());

        clickOn("#wizard-next");
        UiFixture.waitUntil(() -> lookup("#wizard-map").tryQuery().isPresent());
        // 客户 is not a name the wizard knows: the name has no column, and the wizard says so
        assertFalse(nextEnabled());
        assertEquals("Choose the column that holds the Name: every row needs one.", text("#wizard-problem"));
        ComboBox<?> phone = lookup("#wizard-map-phone").queryComboBox();
        assertEquals("手机号", phone.getValue());

        clickOn("#wizard-map-name");
        clickOn(lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("客户")).<Node>query());
        assertEquals("王芳", text("#wizard-sample-name"));
        assertTrue(nextEnabled());
        assertEquals("", text("#wizard-problem"));

        clickOn("#wizard-next"); // the check
        UiFixture.waitUntil(() -> lookup("#wizard-check").tryQuery().isPresent());
        clickOn("#wizard-next"); // Start import
        UiFixture.waitUntil(() -> lookup("#wizard-summary-title").tryQuery().isPresent());
        assertEquals("2", text("#wizard-imported"));
        assertEquals("0", text("#wizard-duplicates"));
        assertEquals("1", text("#wizard-rejected"));
        assertEquals("Import of shop.csv finished", text("#wizard-summary-title"));
        TableView<?> reasons = lookup("#wizard-reasons").queryTableView();
        assertEquals(1, reasons.getItems().size());
        assertEquals(2, ui.app().members().count(MemberQuery.all()));
        List<String> names = ui.app().members().search(MemberQuery.all(), 0, 10).stream().map(Member::name).toList();
        assertTrue(names.containsAll(List.of("王芳", "张伟")), names.toString());

        // headless there is no desktop to open the report with: the person is told where it is
        clickOn("#wizard-report");
        UiFixture.waitUntil(() -> lookup(".dialog-pane .label").match(LabeledMatchers.hasText(
                org.hamcrest.Matchers.startsWith("The rejected rows and why are listed in:"))).tryQuery().isPresent());
        Label where = lookup(".dialog-pane .label").match(LabeledMatchers.hasText(
                org.hamcrest.Matchers.startsWith("The rejected rows and why are listed in:"))).query();
        Path report = Path.of(where.getText().substring(where.getText().indexOf(':') + 1).strip());
        assertTrue(Files.readString(report, StandardCharsets.UTF_8).contains("李娜"));
        clickOn("OK");
        clickOn("#wizard-close");
        UiFixture.waitUntil(() -> lookup("#import-wizard").tryQuery().isEmpty());
    }

    @Test
    void stoppingALargeImportKeepsOnlyWholeBatches() throws Exception {
        int rows = 300_000;
        Path file = ui.folder().resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("member_no,name,phone,join_date\n");
            for (int i = 0; i < rows; i++) {
                out.write("M" + i + ",会员" + i + "," + (13000000000L + i) + ",2025-06-01\n");
            }
        }
        openWizardOnFile(file);
        clickOn("#wizard-next");
        UiFixture.waitUntil(() -> lookup("#wizard-map").tryQuery().isPresent());
        clickOn("#wizard-next"); // the check
        UiFixture.waitUntil(() -> lookup("#wizard-check").tryQuery().isPresent());
        clickOn("#wizard-next"); // Start import
        ProgressBar bar = lookup("#wizard-progress").query();
        // progress is reported after each committed batch: stop once the first is in
        UiFixture.waitUntil(() -> bar.getProgress() > 0);
        assertEquals("Stop import", lookup("#wizard-close").queryButton().getText());
        clickOn("#wizard-close");
        UiFixture.waitUntil(() -> lookup("#wizard-summary-title").tryQuery().isPresent());

        assertEquals("Import of large.csv stopped", text("#wizard-summary-title"));
        assertTrue(lookup("#wizard-summary-cancelled").tryQuery().isPresent());
        long stored = ui.app().members().count(MemberQuery.all());
        // whole batches only: the one running at the cancel was rolled back
        assertEquals(0, stored % ImportOptions.DEFAULT_BATCH, "stored " + stored);
        assertNotEquals(0, stored);
        assertTrue(stored < rows, "the import should have been stopped, stored " + stored);
        assertEquals(String.format("%,d", stored), text("#wizard-imported"));
        assertTrue(lookup("#wizard-report").tryQuery().isEmpty());
        clickOn("#wizard-close");
    }

    private void openPurchasesWizardOnFile(Path file) {
        clickOn("#menu-file");
        clickOn("Import purchases…");
        UiFixture.waitUntil(() -> lookup("#import-wizard").tryQuery().isPresent());
        clickOn("#wizard-file").write(file.toString());
        clickOn("#wizard-next");
        UiFixture.waitUntil(() -> lookup("#wizard-preview").tryQuery().isPresent());
        clickOn("#wizard-next");
        UiFixture.waitUntil(() -> lookup("#wizard-map").tryQuery().isPresent());
    }

    private Object mapped(String field) {
        return lookup("#wizard-map-" + field).queryComboBox().getValue();
    }

    @Test
    void finding5_aCashierExportIsMappedCheckedImportedAndItsMappingRemembered() throws Exception {
        ui.importMembers(List.of("A1,王芳,13812341234,F,1990-01-01,2025-01-01,门店,"));
        Path january = Files.write(ui.folder().resolve("一月收银.csv"), List.of(
                "单号,会员卡号,交易时间,商品名称,数量,单价,实收金额",
                "S1,A1,2026-03-01 10:00,咖啡,2,12.50,25.00",
                "S1,A1,2026-03-01 10:00,蛋糕,1,18.00,18.00",
                "S2,A1,2026-03-02 11:30,咖啡,1,12.50,-12.50",
                "S3,Z9,2026-03-03 09:00,咖啡,1,12.50,12.50"), StandardCharsets.UTF_8);
        openPurchasesWizardOnFile(january);
        // every column found by its own name, no combo touched
        assertEquals("单号", mapped("purchase_no"));
        assertEquals("会员卡号", mapped("member_no"));
        assertEquals("交易时间", mapped("time"));
        assertEquals("商品名称", mapped("item"));
        assertEquals("数量", mapped("quantity"));
        assertEquals("单价", mapped("unit_price"));
        assertEquals("实收金额", mapped("amount"));
        assertEquals("", text("#wizard-problem"));
        assertFalse(lookup("#wizard-map-remembered").query().isVisible());
        // the person decides the unit price is not to be read (the paid amount is)
        clickOn(org.memberdesk.ui.Scrolling.reveal(this, "#wizard-map-unit_price")); // the mapping scrolls at this size
        clickOn(lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("— not in the file —"))
                .<Node>query());
        assertEquals(null, mapped("unit_price"));

        clickOn("#wizard-next"); // the check
        UiFixture.waitUntil(() -> lookup("#wizard-check").tryQuery().isPresent());
        TableView<?> check = lookup("#wizard-check").queryTableView();
        assertEquals(4, check.getItems().size());
        // amounts in yuan, a return marked, and the reason S3 would be rejected — before anything is written
        assertTrue(lookup("#wizard-check .table-cell").match(LabeledMatchers.hasText("¥25.00")).tryQuery().isPresent());
        assertTrue(lookup("#wizard-check .table-cell").match(LabeledMatchers.hasText("-¥12.50")).tryQuery().isPresent());
        assertTrue(lookup("#wizard-check .label").match(LabeledMatchers.hasText("stored as a return"))
                .tryQuery().isPresent());
        assertTrue(lookup("#wizard-check .label").match(LabeledMatchers.hasText(
                org.hamcrest.Matchers.containsString("Z9"))).tryQuery().isPresent());
        assertEquals("The first 4 rows as they will be stored: 3 ready, 1 would be rejected. Nothing has been written "
                + "yet: go back to change a column, or start the import.", text("#wizard-check-caption"));
        assertEquals(0, ui.app().purchases().totals().purchases());

        clickOn("#wizard-next"); // Start import
        UiFixture.waitUntil(() -> lookup("#wizard-summary-title").tryQuery().isPresent());
        assertEquals("2", text("#wizard-imported")); // S1 and the return S2
        assertEquals("1", text("#wizard-rejected"));
        TableView<?> reasons = lookup("#wizard-reasons").queryTableView();
        assertEquals(1, reasons.getItems().size());
        // the reason in general words (no one row's value), with the line it was found on
        assertTrue(lookup("#wizard-reasons .table-cell").match(LabeledMatchers.hasText(
                org.hamcrest.Matchers.containsString("Unknown member"))).tryQuery().isPresent());
        assertTrue(lookup("#wizard-reasons .table-cell").match(LabeledMatchers.hasText("5")).tryQuery().isPresent());
        assertTrue(lookup("#wizard-report").tryQuery().isPresent());
        clickOn("#wizard-close");
        UiFixture.waitUntil(() -> lookup("#import-wizard").tryQuery().isEmpty());

        // February's export: the same columns, so the same mapping as chosen in January
        Path february = Files.write(ui.folder().resolve("二月收银.csv"), List.of(
                "单号,会员卡号,交易时间,商品名称,数量,单价,实收金额",
                "F1,A1,2026-04-01 10:00,咖啡,1,12.50,12.50"), StandardCharsets.UTF_8);
        openPurchasesWizardOnFile(february);
        assertTrue(lookup("#wizard-map-remembered").query().isVisible());
        assertEquals(null, mapped("unit_price")); // the person's choice, not the guess
        assertEquals("实收金额", mapped("amount"));
        clickOn("#wizard-close");
    }
}
