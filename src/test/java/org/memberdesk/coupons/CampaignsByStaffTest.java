package org.memberdesk.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.LoggedActions;
import org.memberdesk.common.Messages;
import org.memberdesk.coupons.print.CouponPrinter;
import org.memberdesk.coupons.print.Paper;
import org.memberdesk.common.Progress;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/**
 * Issue 18, findings 1 and 2: campaigns are a manager's (店长) work, and each campaign made, issued or printed says
 * who did it. A cashier may not make or issue one, nor print its coupons: refused, nothing stored, nothing logged.
 */
@BothEngines
class CampaignsByStaffTest {
    @TempDir
    Path folder;
    CouponFixture shop;

    @BeforeEach
    void members() {
        shop = new CouponFixture(folder);
        for (int i = 1; i <= 4; i++) {
            shop.member("M" + i, "会员" + i, "1380000000" + i);
        }
    }

    private Campaign create() {
        return shop.app.campaigns().create(new CampaignDraft("双十一回馈", null, CouponFixture.threshold(2_000, 10_000),
                Target.parse("all"), null, 25, 7L));
    }

    @Test
    void finding2_aManagersCampaignIsLoggedWhenCreatedIssuedAndPrinted() throws Exception {
        LoggedActions.become(shop.app, "店长老陈", Role.MANAGER);

        Campaign campaign = create();                                  // 4 members, 25 % control: 1 held back
        int issued = shop.app.campaigns().issue(campaign.id());         // 4 − 1 = 3 coupons
        Path pdf = folder.resolve("coupons.pdf");
        int printed = shop.app.couponPrinter().print(campaign.id(), CouponPrinter.Kind.SLIPS, Paper.A4, pdf,
                Messages.english(), Progress.NONE);

        assertEquals(3, issued);
        assertEquals(3, printed);
        // valid 30 days from 2026-11-22: the last day is 2026-12-21
        assertEquals(List.of(
                "店长老陈|campaign|双十一回馈|campaign created: 4 members targeted, 1 held back as control",
                "店长老陈|campaign|双十一回馈|not issued → 3 coupons issued, valid to 2026-12-21",
                "店长老陈|print|双十一回馈|3 coupons as slips → coupons.pdf"),
                LoggedActions.of(shop.app.database(), "campaign", "print"));
        assertTrue(shop.app.operationLog().verify().intact());
    }

    @Test
    void finding1_aCashierMayNotMakeIssueOrPrintACampaign() {
        Campaign campaign = create(); // by the owner (the command line)
        List<String> before = LoggedActions.of(shop.app.database(), "campaign", "print");
        LoggedActions.become(shop.app, "小王", Role.CASHIER);
        Path pdf = folder.resolve("coupons.pdf");

        assertThrows(NotAllowedException.class, this::create);
        assertThrows(NotAllowedException.class, () -> shop.app.campaigns().createCoupon(
                CouponFixture.threshold(500, 5_000)));
        assertThrows(NotAllowedException.class, () -> shop.app.campaigns().issue(campaign.id()));
        assertThrows(NotAllowedException.class, () -> shop.app.couponPrinter().print(campaign.id(),
                CouponPrinter.Kind.LIST, Paper.A4, pdf, Messages.english(), Progress.NONE));

        assertEquals(1, shop.app.campaigns().campaigns().size());
        assertEquals(false, shop.app.campaigns().campaign(campaign.id()).orElseThrow().issued());
        assertEquals(1, shop.app.campaigns().coupons().size(), "no second template");
        assertEquals(before, LoggedActions.of(shop.app.database(), "campaign", "print"));
        assertEquals(false, Files.exists(pdf));
    }
}
