package org.memberdesk.ui.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.purchases.PurchaseRow;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** Returning the selected sale from the purchases screen with the keyboard; the return names its sale. */
class PurchasesReturnsScreenTest extends FxRobot {
    private UiFixture ui;
    private Member wang;
    private String saleNo;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of("M00000001,王芳,13812341234,F,,2025-01-01,门店,"));
        wang = ui.app().members().byNumber("M00000001").orElseThrow();
        // 瑜伽课 ¥120 + 2 毛巾 ¥60 = ¥180 at the entry tier: 180 points
        saleNo = ui.app().counterSales().sell(wang.id(),
                List.of(new PurchaseLine("瑜伽课", 1, 12_000), new PurchaseLine("毛巾", 2, 6_000)), null)
                .purchase().purchaseNo();
        ui.open("purchases", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void finding2_theSelectedSaleIsReturnedInFullByKeyboardAndTheReturnNamesItsSale() {
        TableView<PurchaseRow> table = lookup("#purchases-table").queryTableView();
        UiFixture.waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0) != null);
        interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        // the dialog opens on the selected sale, the keyboard on its first quantity
        UiFixture.waitUntil(() -> lookup("#return-quantity-1").tryQuery().map(n -> n.isFocused()).orElse(false));
        targetWindow(lookup("#return-dialog").query().getScene().getWindow());
        press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
        // Alt+A: all that is left of every line (1 瑜伽课, 2 毛巾), the keyboard back on the quantities
        UiFixture.waitUntil(() -> "2".equals(lookup("#return-quantity-2").queryTextInputControl().getText()));
        UiFixture.waitUntil(() -> lookup("#return-quantity-1").query().isFocused());
        type(KeyCode.ENTER);
        // all of it: ¥120 + ¥60 = ¥180 for 3 items
        UiFixture.waitUntil(() -> text("#return-refund").startsWith("Refund ¥180.00 for 3 items of sale " + saleNo));
        type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#return-receipt").endsWith(
                ": refund ¥180.00 · points taken back 180 · points balance: 0"));
        type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#return-dialog").tryQuery().isEmpty());
        targetWindow(ui.stage());

        // the list reads again: the return on top, naming the sale it gave back
        UiFixture.waitUntil(() -> table.getItems().size() == 2 && table.getItems().get(0) != null);
        PurchaseRow back = table.getItems().get(0);
        assertTrue(back.isReturn());
        assertEquals(saleNo, back.refundOfNo());
        assertEquals("Return of " + saleNo + ": 瑜伽课、毛巾 ×2",
                table.getColumns().stream().filter(c -> "Items".equals(c.getText())).findFirst().orElseThrow()
                        .getCellData(0));
        assertEquals(0, ui.app().members().byId(wang.id()).orElseThrow().stats().netSpentCents());
    }

    @Test
    void finding3_theSelectedSaleOfTodayIsVoidedByKeyboardAndListedAsVoidedForItsMember() {
        clickOn("#purchases-member").write("M00000001");
        TableView<PurchaseRow> table = lookup("#purchases-table").queryTableView();
        UiFixture.waitUntil(() -> "王芳  M00000001".equals(text("#purchases-member-shown"))
                && table.getItems().size() == 1 && table.getItems().get(0) != null);
        interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        UiFixture.waitUntil(() -> lookup("#void-reason").tryQuery().map(n -> n.isFocused()).orElse(false));
        assertEquals(saleNo, lookup("#void-sale-no").queryTextInputControl().getText());
        targetWindow(lookup("#void-dialog").query().getScene().getWindow());
        write("keyed twice").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#void-dialog").tryQuery().isEmpty());
        targetWindow(ui.stage());

        // no longer a purchase; listed under the table, marked, with why
        TableView<org.memberdesk.sales.VoidedSale> voided = lookup("#purchases-voided").queryTableView();
        UiFixture.waitUntil(() -> table.getItems().isEmpty() && voided.getItems().size() == 1);
        assertEquals(saleNo, voided.getItems().get(0).purchaseNo());
        assertEquals("Voided", voided.getColumns().get(0).getCellData(0));
        assertEquals("keyed twice", voided.getColumns().get(6).getCellData(0));
        assertEquals(0, ui.app().members().byId(wang.id()).orElseThrow().stats().netSpentCents());
    }
}
