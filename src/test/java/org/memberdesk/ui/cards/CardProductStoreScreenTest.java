package org.memberdesk.ui.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.stores.Store;
import org.memberdesk.ui.Scrolling;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * Settings → Member cards in a shop of stores (issue 21): the form asks where a product's cards are sold and used
 * ("Every store" or one store) only when there is more than one store, and the table then says it per product.
 */
class CardProductStoreScreenTest extends FxRobot {
    private UiFixture ui;

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private void open(boolean chain) throws Exception {
        ui = UiFixture.prepare();
        if (chain) {
            ui.app().stores().add("二店");
        }
        ui.open("settings", Language.ENGLISH);
        clickOn("#settings-tab-cards");
    }

    private void type(String id, String text) {
        TextField field = lookup(Scrolling.reveal(this, id)).queryAs(TextField.class);
        clickOn(field);
        interact(field::selectAll);
        write(text);
    }

    /** In the scene and visible all the way up. */
    private boolean shown(String id) {
        for (Node node = lookup(id).tryQuery().orElse(null); node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
            if (node.getParent() == null) {
                return true;
            }
        }
        return false;
    }

    private void addPass(String name) {
        type("#card-product-name", name);
        type("#card-product-price", "300");
        type("#card-product-days", "30");
        clickOn(Scrolling.reveal(this, "#card-product-add"));
    }

    @Test
    void aSingleShopIsNotAskedWhereAndItsProductsWorkEverywhere() throws Exception {
        open(false);
        TableView<?> table = lookup("#card-products-table").queryTableView();
        UiFixture.waitUntil(() -> shown("#card-product-name"));
        assertFalse(shown("#card-product-store"));
        assertFalse(table.getColumns().stream().anyMatch(c -> "Store".equals(c.getText())));
        addPass("Month");
        UiFixture.waitUntil(() -> table.getItems().size() == 1);
        assertNull(ui.app().cardProducts().products().get(0).storeId());
    }

    @Test
    void aChainChoosesTheStoreAProductIsLimitedTo() throws Exception {
        open(true);
        UiFixture.waitUntil(() -> shown("#card-product-store"));
        TableView<?> table = lookup("#card-products-table").queryTableView();
        assertTrue(table.getColumns().stream().anyMatch(c -> "Store".equals(c.getText())));

        Node choice = lookup(Scrolling.reveal(this, "#card-product-store")).query();
        clickOn(choice);
        // the choice's own list (its popup has a scene of its own): Settings' Stores tab lists 二店 too
        clickOn(lookup(".list-cell").match(cell -> cell instanceof javafx.scene.control.Labeled labeled
                && "二店".equals(labeled.getText()) && cell.getScene() != choice.getScene()).<Node>query());
        addPass("二店月卡");
        UiFixture.waitUntil(() -> table.getItems().size() == 1);
        Store second = ui.app().stores().find("二店");
        CardProduct limited = ui.app().cardProducts().products().get(0);
        assertEquals("二店月卡", limited.name());
        assertEquals(second.id(), limited.storeId());
        // the form is emptied for the next product, which works in every store unless told otherwise
        addPass("Month");
        UiFixture.waitUntil(() -> table.getItems().size() == 2);
        assertNull(ui.app().cardProducts().products().stream().filter(p -> p.name().equals("Month")).findFirst()
                .orElseThrow().storeId());
        // the table names each product's store: products are listed by kind, then in the order added
        @SuppressWarnings("unchecked")
        TableView<CardProduct> products = (TableView<CardProduct>) table;
        TableColumn<CardProduct, ?> store = products.getColumns().stream().filter(c -> "Store".equals(c.getText()))
                .findFirst().orElseThrow();
        assertEquals(List.of("二店", "Every store"), products.getItems().stream()
                .map(p -> String.valueOf(store.getCellObservableValue(p).getValue())).toList());
    }
}
