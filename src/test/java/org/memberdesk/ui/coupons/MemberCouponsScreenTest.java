package org.memberdesk.ui.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignDraft;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.Target;
import org.memberdesk.coupons.Validity;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** The member pane lists the member's coupons with their states. */
class MemberCouponsScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of(
                "M00000001,王芳,13812341234,F,,2025-01-01,门店,",
                "M00000002,李娜,13900005678,F,,2025-01-01,门店,"));
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void theMemberPaneShowsEachCouponAndWhetherItWasUsed() throws Exception {
        Campaign first = ui.app().campaigns().create(new CampaignDraft("Spring", null,
                new Coupon(0, "¥20 voucher", CouponKind.CASH, 2_000, null, null, 0, List.of(), Validity.days(30)),
                Target.parse("all"), null, 0, 1L));
        ui.app().campaigns().issue(first.id());
        Member wang = ui.app().members().byNumber("M00000001").orElseThrow();
        String used = ui.app().campaigns().memberCoupons(wang.id()).get(0).code();
        ui.app().counterSales().sell(wang.id(), List.of(new PurchaseLine("门票", 1, 8_800)), used);
        Campaign second = ui.app().campaigns().create(new CampaignDraft("Summer", null,
                new Coupon(0, "¥30 voucher", CouponKind.CASH, 3_000, null, null, 0, List.of(), Validity.days(30)),
                Target.parse("all"), null, 0, 2L));
        ui.app().campaigns().issue(second.id());
        String unused = ui.app().campaigns().memberCoupons(wang.id()).stream()
                .filter(c -> c.usedAt() == null).findFirst().orElseThrow().code();

        ui.open("members", Language.ENGLISH);
        TableView<Member> table = lookup("#members-table").queryTableView();
        clickOn("#member-search").write("1234");
        UiFixture.waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0) != null);
        type(KeyCode.DOWN);
        UiFixture.waitUntil(() -> lookup("#member-coupon-state-" + unused).tryQuery().isPresent());
        assertEquals("Usable", lookup("#member-coupon-state-" + unused).queryAs(Label.class).getText());
        assertEquals("Used", lookup("#member-coupon-state-" + used).queryAs(Label.class).getText());
        assertEquals(1, lookup("Spring · ¥20 voucher").queryAll().size());
        assertEquals(1, lookup("Summer · ¥30 voucher").queryAll().size());
    }
}
