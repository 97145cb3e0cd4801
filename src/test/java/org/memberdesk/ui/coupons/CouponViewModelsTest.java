package org.memberdesk.ui.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.db.Database;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.SameThreadTaskExecutor;
import org.memberdesk.ui.common.UiContext;

/** The coupons view models without a screen: work runs on the calling thread. */
class CouponViewModelsTest {
    @TempDir
    Path folder;
    UiContext context;
    AtomicInteger reloads = new AtomicInteger();

    @BeforeEach
    void setUp() {
        AppContext app = new AppContext(Database.open(folder.resolve("shop.db")), Clock.systemDefaultZone());
        for (int i = 1; i <= 20; i++) {
            app.members().add(new MemberDetails(String.format("M%03d", i), "会员" + i, null, null, null,
                    LocalDate.of(2025, 1, 1), null, null, null, null));
        }
        RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
        context = new UiContext(app, Messages.english(), new SameThreadTaskExecutor(dialogs), dialogs,
                new DataChanges());
    }

    private CampaignWizardModel wizard() {
        return new CampaignWizardModel(context.app().campaigns(), context.app().tags(), context.tasks(),
                context.messages(), reloads::incrementAndGet);
    }

    @Test
    void theWizardChecksEachStepAndIssues() {
        CampaignWizardModel wizard = wizard();
        wizard.nameProperty().set("Thanks");
        wizard.kindProperty().set(CouponKind.DISCOUNT);
        wizard.valueProperty().set("120");
        wizard.couponNext();
        assertEquals(CampaignWizardModel.Step.COUPON, wizard.stepProperty().get());
        assertTrue(wizard.errorProperty().get().contains("1 to 99 percent"), wizard.errorProperty().get());
        wizard.valueProperty().set("15");
        wizard.capProperty().set("abc");
        wizard.couponNext();
        assertTrue(wizard.errorProperty().get().contains("not an amount"), wizard.errorProperty().get());
        wizard.capProperty().set("30");
        wizard.couponNext();
        assertEquals(CampaignWizardModel.Step.TARGET, wizard.stepProperty().get());

        wizard.targetKindProperty().set(CampaignWizardModel.TargetKind.LIST);
        wizard.targetNext();
        assertEquals("Say which members: the target is empty", wizard.errorProperty().get());
        wizard.targetTextProperty().set("M001, M002\nM003,M004,M005,M006,M007,M008,M009,M010");
        wizard.controlPercentProperty().set(20);
        wizard.preview();
        // 10 members, 20 % = 2 held back, 8 get a coupon
        assertEquals("10 members match; 0 skipped for a recent coupon; 10 targeted, of whom 2 held back as control"
                + " and 8 get a coupon", wizard.previewTextProperty().get());
        wizard.targetNext();
        assertEquals(CampaignWizardModel.Step.CONTROL, wizard.stepProperty().get());
        wizard.createAndIssue();
        assertEquals(CampaignWizardModel.Step.PRINT, wizard.stepProperty().get(), wizard.errorProperty().get());
        assertNotNull(wizard.campaignProperty().get());
        assertEquals("Campaign Thanks: 10 targeted, 2 held back, 8 coupons issued", wizard.resultProperty().get());
        assertEquals(1, reloads.get());
    }

    @Test
    void theCounterRefusesBadInputWithAReason() {
        RedeemModel redeem = new RedeemModel(context.app().members(), context.app().counterSales(),
                context.tasks(), context.messages(), context.changes());
        redeem.memberProperty().set("M001");
        redeem.amountProperty().set("-5");
        redeem.codeProperty().set("ABCDEFGH");
        redeem.check();
        assertTrue(redeem.refusedProperty().get());
        assertEquals("Not an amount above zero: \"-5\"", redeem.messageProperty().get());
        redeem.amountProperty().set("50");
        redeem.memberProperty().set("M999");
        redeem.check();
        assertEquals("No member with number or phone \"M999\"", redeem.messageProperty().get());
        redeem.memberProperty().set("M001");
        redeem.codeProperty().set("0O1I");
        redeem.check();
        assertTrue(redeem.messageProperty().get().contains("is not a coupon code"), redeem.messageProperty().get());
    }

    @Test
    void aSavedCouponIsReusedWhenItsTermsAreLeftAlone() {
        CampaignWizardModel wizard = wizard();
        wizard.nameProperty().set("First");
        wizard.valueProperty().set("12.50");
        wizard.couponNext();
        wizard.targetNext();
        wizard.createAndIssue();
        assertEquals(1, context.app().campaigns().coupons().size());
        Coupon saved = context.app().campaigns().coupons().get(0);

        wizard.useTemplate(saved);
        assertEquals("12.50", wizard.valueProperty().get());
        wizard.nameProperty().set("Again");
        wizard.couponNext();
        wizard.targetNext();
        wizard.createAndIssue();
        assertEquals(saved.id(), wizard.campaignProperty().get().couponId());
        assertEquals(1, context.app().campaigns().coupons().size(), "same terms: no second template");

        wizard.useTemplate(saved);
        wizard.nameProperty().set("Bigger");
        wizard.valueProperty().set("15");
        wizard.couponNext();
        wizard.targetNext();
        wizard.createAndIssue();
        assertEquals(2, context.app().campaigns().coupons().size(), "changed terms: a new template");
    }
}
