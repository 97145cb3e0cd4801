package org.memberdesk.ui.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.purchases.PurchaseRow;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * The all-purchases screen has a store column in a chain only, as a member's history (MemberHistoryStoreTest); a
 * single shop's list has none to see.
 */
class PurchasesStoreScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of("M00000001,李娜,13912345678,F,,2025-02-01,小程序,"));
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    /** A sale of ¥45 made at this computer's store, numbered {@code number}. */
    private void sale(String number, int minutesAgo) {
        Member li = ui.app().members().byNumber("M00000001").orElseThrow();
        ui.app().purchases().record(new PurchaseDraft(number, li.id(), LocalDateTime.now().minusMinutes(minutesAgo),
                List.of(new PurchaseLine("门票", 1, 4_500)), null), false);
    }

    private TableView<PurchaseRow> table() {
        return lookup("#purchases-table").queryTableView();
    }

    private TableColumn<PurchaseRow, ?> storeColumn() {
        return table().getColumns().stream().filter(c -> "purchases-store".equals(c.getId())).findFirst()
                .orElseThrow();
    }

    private List<String> visibleColumns() {
        return table().getColumns().stream().filter(TableColumn::isVisible).map(TableColumn::getText).toList();
    }

    @Test
    void aSingleShopsListHasNoStoreColumn() throws Exception {
        sale("S1", 20);
        ui.open("purchases", Language.ENGLISH);
        UiFixture.waitUntil(() -> table().getItems().size() == 1);
        assertFalse(storeColumn().isVisible());
        assertFalse(visibleColumns().contains("Store"));
    }

    @Test
    void aChainsListSaysWhereEachPurchaseWasMade() throws Exception {
        sale("S1", 20);                                   // at 本店, "Main store" in English
        ui.app().stores().add("二店");
        ui.app().stores().settle(Optional.of("二店"));
        sale("S2", 10);                                   // at 二店
        ui.open("purchases", Language.CHINESE);
        UiFixture.waitUntil(() -> table().getItems().size() == 2);
        UiFixture.waitUntil(() -> storeColumn().isVisible());
        // beside the time, in the shop's words: the latest first, S2 in 二店, then S1 in 本店
        assertEquals("门店", visibleColumns().get(1));
        assertEquals("S2", table().getItems().get(0).purchaseNo());
        assertEquals("二店", storeColumn().getCellData(0));
        assertEquals("本店", storeColumn().getCellData(1));
        // typed into the member filter, as a person narrows the list: the column stays
        clickOn("#purchases-member").write("M00000001");
        UiFixture.waitUntil(() -> lookup("#purchases-member-shown").queryLabeled().getText().startsWith("李娜"));
        assertEquals("二店", storeColumn().getCellData(0));
    }
}
