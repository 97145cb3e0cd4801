package org.memberdesk.ui.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignDraft;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.IssuedCoupon;
import org.memberdesk.coupons.Target;
import org.memberdesk.coupons.Validity;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** Redeeming a coupon at the counter with the keyboard, as staff (or a scanner) would. */
class CounterCouponsScreenTest extends FxRobot {
    private UiFixture ui;
    private Member wang;
    private String wangCode;
    private String liCode;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of(
                "M00000001,王芳,13812341234,F,,2025-01-01,门店,",
                "M00000002,李娜,13900005678,F,,2025-01-01,门店,"));
        Campaign campaign = ui.app().campaigns().create(new CampaignDraft("Thanks", null,
                new Coupon(0, "¥20", CouponKind.CASH, 2_000, null, null, 0, List.of(), Validity.days(30)),
                Target.parse("all"), null, 0, 1L));
        ui.app().campaigns().issue(campaign.id());
        wang = ui.app().members().byNumber("M00000001").orElseThrow();
        wangCode = ui.app().campaigns().memberCoupons(wang.id()).get(0).code();
        liCode = ui.app().campaigns().memberCoupons(
                ui.app().members().byNumber("M00000002").orElseThrow().id()).get(0).code();
        ui.open("counter", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aWrongCodeIsRefusedWithItsReasonAndTheRightOneIsRedeemed() {
        UiFixture.waitUntil(() -> lookup("#counter-lookup").query().isFocused());
        write("1234").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#counter-item").query().isFocused());
        write("门票").type(KeyCode.ENTER);
        write("88");
        press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        UiFixture.waitUntil(() -> lookup("#counter-coupon-code").query().isFocused());

        // someone else's coupon: refused, the reason next to the field, nothing stored
        write(liCode).type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#counter-coupon-message").equals("Coupon " + liCode
                + " belongs to another member"));
        type(KeyCode.ENTER);
        assertTrue(ui.app().purchases().history(wang.id(), 5).isEmpty());

        // the right one, scanned over the wrong one: 88.00 - 20.00 = 68.00 to pay, still nothing stored
        press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        write(wangCode).type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#counter-coupon-message").equals("Coupon accepted: ¥20.00 off, ¥68.00 to pay"));
        assertEquals("¥68.00", text("#counter-total"));
        assertTrue(ui.app().purchases().history(wang.id(), 5).isEmpty());

        // Enter again records it
        type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> !text("#counter-status").isEmpty());
        List<Purchase> stored = ui.app().purchases().history(wang.id(), 5);
        assertEquals(1, stored.size());
        assertEquals(6_800, stored.get(0).totalCents());
        IssuedCoupon coupon = ui.app().campaigns().memberCoupons(wang.id()).get(0);
        assertEquals(IssuedCoupon.State.USED, coupon.state(LocalDate.now(ui.app().clock())));
        assertEquals(stored.get(0).id(), coupon.purchaseId());
        UiFixture.waitUntil(() -> text("#counter-member-spent").equals("¥68.00"));
        assertEquals("", lookup("#counter-coupon-code").queryTextInputControl().getText());
    }
}
