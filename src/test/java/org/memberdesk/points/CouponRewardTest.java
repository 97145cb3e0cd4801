package org.memberdesk.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponCodes;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.IssuedCoupon;
import org.memberdesk.coupons.Validity;
import org.memberdesk.members.Member;

/** Coupon rewards: points and the coupon in one transaction; Settings → Points saves in one too. */
@BothEngines
class CouponRewardTest {
    @TempDir
    Path folder;

    private static Coupon tenYuan(Validity validity) {
        return new Coupon(0, "十元代金券", CouponKind.CASH, 1_000, null, null, 0, List.of(), validity);
    }

    @Test
    void aCouponRewardTakesThePointsOldestFirstAndIssuesTheCodeTogether() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        g.plainRules(12);
        Member rich = g.member("M1", null);
        Member poor = g.member("M2", null);
        g.sale(rich, "S1", LocalDateTime.of(2026, 1, 10, 10, 0), "成人门票", 30_000);   // 300, expires 2027-01-10
        g.sale(rich, "S2", LocalDateTime.of(2026, 2, 10, 10, 0), "成人门票", 40_000);   // 400, expires 2027-02-10
        g.sale(poor, "S3", LocalDateTime.of(2026, 2, 11, 10, 0), "成人门票", 4_900);    // 49
        g.clock.set(LocalDateTime.of(2026, 3, 1, 9, 0));
        Coupon coupon = g.app.campaigns().createCoupon(tenYuan(Validity.days(30)));
        Reward reward = g.app.points().saveReward(new Reward(0, "十元券", Reward.Kind.COUPON, 500, 0, true,
                coupon.id(), null));
        assertTrue(reward.campaignId() != null, "a template reward gets a campaign of its own");

        // too few points (49 < 500): the message, and neither points nor coupon change
        long entries = g.sql("SELECT count(*) FROM points_ledger");
        ValidationException refused = assertThrows(ValidationException.class,
                () -> g.app.points().redeemReward(poor.id(), "十元券", "小王"));
        assertEquals("Not enough points: this needs 500 but the member has 49",
                refused.problems().get(0).describe(Messages.english()));
        assertEquals(entries, g.sql("SELECT count(*) FROM points_ledger"));
        assertEquals(0, g.sql("SELECT count(*) FROM coupons"));
        assertEquals(49, g.balance(poor));

        // 700 − 500 = 200 left; oldest first: S1's batch 300 → 0, S2's 400 → 200
        PointsService.Redemption done = g.app.points().redeemReward(rich.id(), "十元券", "小王");
        assertEquals(new PointsService.Redemption("十元券", 500, 200, done.couponCode(),
                LocalDate.of(2026, 3, 30)), done);   // 30 days from 2026-03-01, the day of issue being the first
        assertEquals(CouponCodes.Check.OK, CouponCodes.check(done.couponCode()));
        assertEquals(0, g.sql("SELECT remaining FROM points_ledger l JOIN purchases p ON p.id = l.purchase_id"
                + " WHERE p.purchase_no = 'S1'"));
        assertEquals(200, g.sql("SELECT remaining FROM points_ledger l JOIN purchases p ON p.id = l.purchase_id"
                + " WHERE p.purchase_no = 'S2'"));
        List<IssuedCoupon> coupons = g.app.campaigns().memberCoupons(rich.id());
        assertEquals(1, coupons.size());
        assertEquals(done.couponCode(), coupons.get(0).code());
        assertEquals(reward.campaignId(), coupons.get(0).campaignId());
        assertEquals(IssuedCoupon.State.USABLE, coupons.get(0).state(LocalDate.of(2026, 3, 1)));
        // the redeem entry names the code, for the ledger and the points screen
        assertEquals(1, g.sql("SELECT count(*) FROM points_ledger WHERE kind = 'redeem' AND points = -500"
                + " AND coupon_id = ?", coupons.get(0).id()));
        assertTrue(g.app.points().entries(rich.id(), 5).stream()
                .anyMatch(e -> ("十元券 · " + done.couponCode()).equals(e.rewardName())));
        assertEquals(new LedgerCheck(2, 0, List.of()), g.app.points().checkLedger());
    }

    @Test
    void aCouponThatCanNoLongerBeGivenRefusesTheWholeRedemption() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        g.plainRules(null);
        Member m = g.member("M1", null);
        g.app.points().adjust(m.id(), 800, "开业赠送", "店长");
        // fixed dates that ended yesterday
        Coupon ended = g.app.campaigns().createCoupon(tenYuan(Validity.fixed(LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 28))));
        g.app.points().saveReward(new Reward(0, "过期券", Reward.Kind.COUPON, 300, 0, true, ended.id(), null));
        assertThrows(ValidationException.class, () -> g.app.points().redeemReward(m.id(), "过期券", null));
        assertEquals(800, g.balance(m));
        assertEquals(0, g.sql("SELECT count(*) FROM coupons"));
        assertEquals(0, g.sql("SELECT count(*) FROM points_ledger WHERE kind = 'redeem'"));
    }

    @Test
    void rewardsAreCheckedEditedKeepingTheirCampaignAndArchived() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        ValidationException noCoupon = assertThrows(ValidationException.class, () -> g.app.points().saveReward(
                new Reward(0, "券", Reward.Kind.COUPON, 100, 0, true)));
        assertEquals("coupon", noCoupon.problems().get(0).field());
        Coupon coupon = g.app.campaigns().createCoupon(tenYuan(Validity.days(7)));
        Reward first = g.app.points().saveReward(new Reward(0, "券", Reward.Kind.COUPON, 100, 0, true,
                coupon.id(), null));
        // renamed and repriced, same template: the same campaign (codes already given stay counted there)
        Reward edited = g.app.points().saveReward(new Reward(first.id(), "十元券", Reward.Kind.COUPON, 150, 0, true,
                coupon.id(), null));
        assertEquals(first.campaignId(), edited.campaignId());
        assertEquals(1, g.sql("SELECT count(*) FROM rewards"));
        assertEquals(1, g.sql("SELECT count(*) FROM campaigns WHERE target_kind = 'reward'"));
        // a gift keeps no coupon
        Reward gift = g.app.points().saveReward(new Reward(0, "徽章", Reward.Kind.GIFT, 50, 999, true,
                coupon.id(), 5L));
        assertNull(gift.couponTemplateId());
        assertEquals(0, g.sql("SELECT value_cents FROM rewards WHERE name = '徽章'"));
        // renaming onto another reward's name is refused
        assertEquals("points.reward.taken", assertThrows(ValidationException.class, () -> g.app.points()
                .saveReward(new Reward(gift.id(), "十元券", Reward.Kind.GIFT, 50, 0, true))).problems().get(0).key());
        g.app.points().setRewardActive(edited.id(), false);
        g.app.points().adjust(g.member("M1", null).id(), 500, "赠送", "店长");
        assertEquals("points.reward.unknown", assertThrows(ValidationException.class,
                () -> g.app.points().redeemReward(1, "十元券", null)).problems().get(0).key());
    }

    @Test
    void settingsSaveRulesAndTierPercentsInOneTransaction() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        PointsRules rules = new PointsRules(1, 1, 150, 10, 20, null, Map.of("年卡", 150), Map.of("餐饮", 200));
        g.app.points().saveSettings(rules, Map.of("金卡", 130));
        assertEquals(rules, g.app.points().rules());
        assertEquals(130, g.app.points().tierPercents().get("金卡"));
        assertEquals(List.of("普通", "银卡", "金卡", "黑金"), List.copyOf(g.app.points().tierPercents().keySet()));
        // one bad tier percent: nothing is saved, not even the good rules
        PointsRules other = new PointsRules(2, 1, 100, 0, 0, 12, Map.of(), Map.of());
        ValidationException bad = assertThrows(ValidationException.class,
                () -> g.app.points().saveSettings(other, Map.of("银卡", 1_500)));
        assertEquals("tier:银卡", bad.problems().get(0).field());
        assertEquals(rules, g.app.points().rules());
        assertEquals(110, g.app.points().tierPercents().get("银卡"));
    }
}
