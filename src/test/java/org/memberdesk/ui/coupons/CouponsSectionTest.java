package org.memberdesk.ui.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignDraft;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.IssuedCoupon;
import org.memberdesk.coupons.Target;
import org.memberdesk.coupons.Validity;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/** What the member pane's coupons section reads, without a screen. */
class CouponsSectionTest {
    @TempDir
    Path folder;

    @Test
    void listsTheMembersCouponsWithCampaignStateAndDates() {
        UiContext context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        Member wang = context.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        Member li = context.app().members().add(new MemberDetails(null, "李娜", "13900005678", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        CouponsSection section = new CouponsSection(context.app().campaigns(), context.app().clock(),
                Messages.english());
        assertEquals(List.of(), section.read(li));

        Campaign spring = context.app().campaigns().create(new CampaignDraft("Spring", null,
                new Coupon(0, "¥20 voucher", CouponKind.CASH, 2_000, null, null, 0, List.of(), Validity.days(30)),
                Target.parse("all"), null, 0, 1L));
        context.app().campaigns().issue(spring.id());
        String code = context.app().campaigns().memberCoupons(wang.id()).get(0).code();

        // issued 2026-03-15, valid 30 days from issue
        String validTo = context.app().campaigns().memberCoupons(wang.id()).get(0).validTo().toString();
        assertEquals(List.of(new CouponsSection.Line(code, "Spring", "¥20 voucher", IssuedCoupon.State.USABLE,
                "valid until " + validTo)), section.read(wang));
        assertEquals("Usable", section.stateText(IssuedCoupon.State.USABLE));

        // 88.00 - 20.00 off
        context.app().counterSales().sell(wang.id(), List.of(new PurchaseLine("门票", 1, 8_800)), code);
        assertEquals(List.of(new CouponsSection.Line(code, "Spring", "¥20 voucher", IssuedCoupon.State.USED,
                "used on 2026-03-15, ¥20.00 off")), section.read(wang));
        assertEquals("Used", section.stateText(IssuedCoupon.State.USED));
    }
}
