package org.memberdesk.ui.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.Validity;
import org.memberdesk.points.PointsRules;
import org.memberdesk.points.Reward;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/** Settings → Points' models without a screen: problems per field, the live example, save, template, rewards. */
class PointsSettingsModelTest {
    @TempDir
    Path folder;
    private RecordingDialogs dialogs;
    private UiContext context;

    @BeforeEach
    void setUp() {
        dialogs = new RecordingDialogs(Messages.english());
        context = TestContext.create(folder, dialogs);
    }

    @Test
    void theExampleFollowsWhatIsTypedAndProblemsStayNextToTheirFields() {
        PointsRulesModel model = new PointsRulesModel(context.app().points(), context.app().growthTemplates(),
                context.tasks(), context.dialogs(), context.messages());
        model.load();
        // defaults: 1 per yuan, 金卡 125 %, birthday 200 %: 12800 × 100 × 1 × 125 × 200 / 10^8 = 320
        assertEquals("A ¥128.00 purchase of 年卡 by a 金卡 member in their birthday month earns 320 points",
                model.exampleProperty().get());
        assertFalse(model.changedProperty().get());

        model.earnPerYuanProperty().set("0");
        assertEquals("Yuan per earning step must be between 1 and 10000, not 0",
                model.problem("earn_per_yuan").orElseThrow());
        assertEquals("Fix the marked fields to see what a purchase earns", model.exampleProperty().get());
        model.earnPerYuanProperty().set("2");
        assertTrue(model.problem("earn_per_yuan").isEmpty());
        // 1 point per 2 yuan: 12800 × 100 × 1 × 125 × 200 / (2 × 10^8) = 160
        assertTrue(model.exampleProperty().get().endsWith("earns 160 points"), model.exampleProperty().get());

        model.addMultiplier();
        Multiplier row = model.multipliers().get(0);
        row.name().set("年卡");
        row.percent().set("15O");   // a letter O typed for a zero
        assertEquals("Type a whole number, not \"15O\"", model.problem("multiplier.percent.0").orElseThrow());
        row.percent().set("150");
        row.items().set("年卡，季卡");
        // 年卡 is in the category at 150 %: 12800 × 150 × 1 × 125 × 200 / (2 × 10^8) = 240
        assertTrue(model.exampleProperty().get().endsWith("earns 240 points"), model.exampleProperty().get());
        model.exampleBirthdayProperty().set(false);
        // 12800 × 150 × 125 × 100 / (2 × 10^8) = 120
        assertEquals("A ¥128.00 purchase of 年卡 by a 金卡 member earns 120 points", model.exampleProperty().get());

        model.birthdayPercentProperty().set("1500");
        model.save();
        assertEquals("Nothing was saved: fix the marked fields first", model.problemProperty().get());
        assertEquals(PointsRules.defaults(), context.app().points().rules());
        model.birthdayPercentProperty().set("200");
        // issue 19: the tiers' percents are shown here, set on the Tiers screen; saving the rules leaves them
        context.app().tiers().saveLadder(withGoldAt(130));
        model.save();
        assertEquals(new PointsRules(1, 2, 200, 0, 0, 12, Map.of(), Map.of("年卡", 150)),
                context.app().points().rules());
        assertEquals(130, context.app().points().tierPercents().get("金卡"), "the Tiers screen's percent is kept");
        assertEquals(new PointsRulesModel.TierPercent("金卡", 130), model.tiers().get(2));
        assertEquals(Map.of("年卡", "年卡", "季卡", "年卡"), context.app().points().itemCategories());
        assertFalse(model.changedProperty().get());

        model.earnPointsProperty().set("5");
        assertTrue(model.changedProperty().get());
        model.revert();
        assertEquals("1", model.earnPointsProperty().get());
    }

    @Test
    void aTemplateIsAppliedOnlyAfterConfirmingWhatChanges() {
        PointsRulesModel model = new PointsRulesModel(context.app().points(), context.app().growthTemplates(),
                context.tasks(), context.dialogs(), context.messages());
        model.load();
        dialogs.confirmAnswer = false;
        model.applyTemplate("gym");
        assertEquals(PointsRules.defaults(), context.app().points().rules());
        dialogs.confirmAnswer = true;
        model.applyTemplate("gym");
        assertEquals(Map.of("课程包", 150, "会籍卡", 100, "签到", 300, "零售", 100),
                context.app().points().rules().categoryPercents());
        assertEquals(4, model.multipliers().size());
        assertEquals("200", model.signupBonusProperty().get());
        String preview = TemplateChanges.describe(org.memberdesk.points.PointsTemplate.scenic(),
                PointsRules.defaults(), Messages.english());
        assertTrue(preview.contains("Sign-up bonus: 0 → 100"), preview);
        assertTrue(preview.contains("门票 100%"), preview);
    }

    @Test
    void theTemplatesConfirmationWarnsThatUnsavedEditsAreDiscarded() {
        PointsRulesModel model = new PointsRulesModel(context.app().points(), context.app().growthTemplates(),
                context.tasks(), context.dialogs(), context.messages());
        model.load();
        dialogs.confirmAnswer = false;
        model.applyTemplate("gym");
        assertFalse(dialogs.confirmations.get(0).contains("not saved yet"), dialogs.confirmations.get(0));

        model.earnPointsProperty().set("5");
        model.applyTemplate("gym");
        assertTrue(dialogs.confirmations.get(1).startsWith(
                "Your changes on this screen that are not saved yet are discarded"), dialogs.confirmations.get(1));
        assertEquals(PointsRules.defaults(), context.app().points().rules());
    }

    @Test
    void rewardsOfEveryKindIncludingACouponFromATemplate() {
        Coupon coupon = context.app().campaigns().createCoupon(new Coupon(0, "十元代金券", CouponKind.CASH, 1_000,
                null, null, 0, List.of(), Validity.days(30)));
        RewardsModel model = new RewardsModel(context.app().campaigns(), context.app().points(), context.tasks(),
                context.messages());
        model.load();
        assertEquals(List.of("Coupon: 十元代金券"), model.choices().stream().map(RewardsModel.CouponChoice::label)
                .toList());
        model.startNew();
        model.nameProperty().set("十元券");
        model.kindProperty().set(Reward.Kind.COUPON);
        model.costProperty().set("500");
        model.save();
        assertEquals("A coupon reward needs the coupon it gives: pick a coupon or a campaign",
                model.problem("coupon").orElseThrow());
        model.couponProperty().set(model.choices().get(0));
        assertTrue(model.problem("coupon").isEmpty());
        model.save();
        Reward saved = context.app().points().rewards().get(0);
        assertEquals(coupon.id(), saved.couponTemplateId());
        assertEquals("Coupon: 十元代金券", model.gives(saved));

        model.edit(saved);
        model.toggleArchived(saved);
        assertFalse(context.app().points().rewards().get(0).active());
    }

    @Test
    void defect7_theTemplatePreviewInEnglishHasNoFullWidthPunctuation() {
        String english = TemplateChanges.describe(org.memberdesk.points.PointsTemplate.gym(), PointsRules.defaults(),
                Messages.english());
        assertFalse(english.matches("(?s).*[：，；].*"), english);
        assertTrue(english.contains("Sign-up bonus: 0 → 200"), english);
        String chinese = TemplateChanges.describe(org.memberdesk.points.PointsTemplate.gym(), PointsRules.defaults(),
                Messages.chinese());
        assertTrue(chinese.contains("：0 → 200"), chinese);
    }

    /** The default ladder with 金卡 earning {@code percent} %. */
    private org.memberdesk.tiers.Ladder withGoldAt(int percent) {
        org.memberdesk.tiers.Ladder ladder = context.app().tiers().ladder();
        java.util.List<org.memberdesk.tiers.Tier> tiers = ladder.tiers().stream().map(t -> t.name().equals("金卡")
                ? new org.memberdesk.tiers.Tier(t.rank(), t.name(), t.threshold(), percent, t.discountPercent(),
                        t.perks()) : t).toList();
        return new org.memberdesk.tiers.Ladder(ladder.program(), tiers);
    }
}
