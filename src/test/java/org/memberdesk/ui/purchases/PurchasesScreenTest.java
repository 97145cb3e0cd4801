package org.memberdesk.ui.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberStore;
import org.memberdesk.purchases.PurchaseRow;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** The purchases screen driven as a person would: read the newest, then narrow by date, member and item. */
class PurchasesScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        Member wang = ui.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        Member li = ui.app().members().add(new MemberDetails(null, "李娜", "13900005678", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        // 150 purchases P000…P149 an hour apart from 2026-03-01 08:00 (i = 0..149): li buys when i is
        // divisible by 3, wang otherwise; the item is 门票 when i is even, 瑜伽课 when odd; ¥(10 + i)
        List<String> lines = new ArrayList<>(List.of("purchase_no,member_no,time,item,quantity,amount"));
        for (int i = 0; i < 150; i++) {
            lines.add(String.format("P%03d,%s,%s,%s,1,%d.00", i, (i % 3 == 0 ? li : wang).memberNo(),
                    LocalDateTime.of(2026, 3, 1, 8, 0).plusHours(i).format(MemberStore.TIME),
                    i % 2 == 0 ? "门票" : "瑜伽课", 10 + i));
        }
        Path csv = Files.write(ui.folder().resolve("purchases.csv"), lines, StandardCharsets.UTF_8);
        ui.app().purchaseImporter().importFile(csv, ImportOptions.defaults(), Progress.NONE, Messages.english());
        ui.open("purchases", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private TableView<PurchaseRow> table() {
        return lookup("#purchases-table").queryTableView();
    }

    private List<String> shownNumbers() {
        return table().getItems().stream().map(row -> row == null ? "?" : row.purchaseNo()).toList();
    }

    private String count() {
        return lookup("#purchases-count").queryAs(Label.class).getText();
    }

    // Booting a window takes seconds on a loaded machine, so one test walks through the steps.

    @Test
    void newestFirstThenNarrowedByMemberItemAndDateAsTyped() {
        UiFixture.waitUntil(() -> "150 purchases and returns".equals(count()));
        // newest first: P149 at 2026-03-01 08:00 + 149 h = 2026-03-07 13:00, ¥159
        PurchaseRow newest = table().getItems().get(0);
        assertEquals("P149", newest.purchaseNo());
        assertEquals(LocalDateTime.of(2026, 3, 7, 13, 0), newest.time());
        assertEquals(15_900, newest.totalCents());
        assertEquals("P148", table().getItems().get(1).purchaseNo());

        // li by phone: i = 0, 3, …, 147 → 50 purchases, the newest P147
        clickOn("#purchases-member").write("13900005678");
        UiFixture.waitUntil(() -> "50 purchases and returns".equals(count()));
        assertEquals("P147", table().getItems().get(0).purchaseNo());
        assertEquals("李娜", table().getItems().get(0).memberName());

        // and 门票 (i even): i divisible by 6 → 0, 6, …, 144 → 25
        clickOn("#purchases-item").write("门");
        UiFixture.waitUntil(() -> "25 purchases and returns".equals(count()));

        // from March 7th: 00:00 that day is 136 h after March 1st 08:00, so i = 138 (02:00) and 144 (08:00)
        clickOn("#purchases-from").write("2026-03-07").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> "2 purchases and returns".equals(count()));
        assertEquals(List.of("P144", "P138"), shownNumbers());

        // up to March 6th as well: nothing is on or after the 7th and on or before the 6th
        clickOn("#purchases-to").write("2026-03-06").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> "no purchases or returns".equals(count()));
        assertEquals(List.of(), shownNumbers());

        // Clear empties every filter: all 150 again
        clickOn("#purchases-clear");
        UiFixture.waitUntil(() -> "150 purchases and returns".equals(count()));
        assertEquals("P149", table().getItems().get(0).purchaseNo());

        // an item alone: 瑜伽课 when i is odd → 75, the newest P149
        clickOn("#purchases-item").write("瑜伽");
        UiFixture.waitUntil(() -> "75 purchases and returns".equals(count()));
        assertEquals("P149", table().getItems().get(0).purchaseNo());
        assertEquals("瑜伽课", table().getItems().get(0).items());
    }
}
