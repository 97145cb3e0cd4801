package org.memberdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * Defect 7, blank empty states: a new shop's tables said JavaFX's "No content in table" or nothing at all. Each
 * now says, in the shop's words, what will appear there and how to start.
 */
class EmptyStatesTest extends FxRobot {

    @Test
    void defect7emptyStates_aNewShopsMembersPurchasesAndCampaignsSayHowToStart() throws Exception {
        try (UiFixture ui = UiFixture.boot("members", Language.CHINESE)) {
            TableView<?> members = lookup("#members-table").queryTableView();
            UiFixture.waitUntil(() -> placeholder(members.getPlaceholder()).startsWith("还没有会员"));
            assertEquals("还没有会员。点击“添加会员”，或通过“文件 → 导入会员”导入。", placeholder(members.getPlaceholder()));
            assertTrue(members.getPlaceholder().isVisible() && members.getItems().isEmpty());

            interact(() -> ui.window().window().show("purchases"));
            TableView<?> purchases = lookup("#purchases-table").queryTableView();
            UiFixture.waitUntil(() -> purchases.getPlaceholder().getScene() != null);
            assertEquals("还没有消费记录。在收银台（F2）结账的消费会显示在这里；以前的记录可以通过“文件 → 导入消费记录”导入。",
                    placeholder(purchases.getPlaceholder()));
            // a filter that finds nothing says so instead
            clickOn("#purchases-item").write("门票");
            UiFixture.waitUntil(() -> placeholder(purchases.getPlaceholder()).equals("没有符合条件的消费记录。"));

            interact(() -> ui.window().window().show("coupons"));
            ListView<?> campaigns = lookup("#coupons-campaign-list").queryListView();
            assertEquals("还没有营销活动。点击“新建活动”给会员发券；每个活动及其效果会列在这里。",
                    placeholder(campaigns.getPlaceholder()));
        }
    }

    private static String placeholder(Node node) {
        return node instanceof Label label ? label.getText() : String.valueOf(node);
    }
}
