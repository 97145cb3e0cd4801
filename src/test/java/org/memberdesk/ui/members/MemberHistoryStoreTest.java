package org.memberdesk.ui.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * A member's purchase history says where each purchase was made only in a chain; a single shop's history has no
 * store column at all.
 */
class MemberHistoryStoreTest extends FxRobot {
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

    @SuppressWarnings("unchecked")
    private TableView<Purchase> history() {
        return (TableView<Purchase>) lookup("#detail-history").queryAs(TableView.class);
    }

    private TableColumn<Purchase, ?> storeColumn() {
        return history().getColumns().stream().filter(c -> "detail-history-store".equals(c.getId())).findFirst()
                .orElseThrow();
    }

    private void showLiNa() {
        clickOn("#member-search").write("5678");
        type(KeyCode.DOWN);
        UiFixture.waitUntil(() -> lookup("#detail-name").tryQuery()
                .map(n -> ((Label) n).getText().equals("李娜")).orElse(false));
    }

    @Test
    void aSingleShopsHistoryHasNoStoreColumn() throws Exception {
        sale("S1", 20);
        ui.open("members", Language.ENGLISH);
        showLiNa();
        UiFixture.waitUntil(() -> history().getItems().size() == 1);
        assertFalse(storeColumn().isVisible());
    }

    @Test
    void aChainsHistorySaysWhereEachPurchaseWasMade() throws Exception {
        sale("S1", 20);                                   // at 本店, "Main store" in English
        ui.app().stores().add("二店");
        ui.app().stores().settle(Optional.of("二店"));
        sale("S2", 10);                                   // at 二店
        ui.open("members", Language.ENGLISH);
        showLiNa();
        UiFixture.waitUntil(() -> history().getItems().size() == 2);
        UiFixture.waitUntil(() -> storeColumn().isVisible());
        // the latest first: S2 in 二店, then S1 in the main store
        assertEquals("S2", history().getItems().get(0).purchaseNo());
        assertEquals("二店", storeColumn().getCellData(0));
        assertEquals("Main store", storeColumn().getCellData(1));
    }
}
