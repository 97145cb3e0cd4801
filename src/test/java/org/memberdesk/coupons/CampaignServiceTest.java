package org.memberdesk.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;

@BothEngines
class CampaignServiceTest {
    @TempDir
    Path folder;
    CouponFixture shop;
    CampaignService campaigns;
    Member zhang;
    Member li;
    Member wang;

    @BeforeEach
    void setUp() {
        shop = new CouponFixture(folder);
        campaigns = shop.app.campaigns();
        zhang = shop.member("M001", "张伟", "13812341234");
        li = shop.member("M002", "李娜", "13912345678");
        wang = shop.member("M003", "王芳", "13700001111");
        shop.setTier(li.id(), "金卡");
        shop.setTier(wang.id(), "金卡");
    }

    private Campaign create(String target, int control, Long seed, Integer skipDays) {
        return campaigns.create(new CampaignDraft("回馈", null, CouponFixture.threshold(2_000, 10_000),
                Target.parse(target), skipDays, control, seed));
    }

    @Test
    void aTierTargetTakesOnlyThatTier() {
        Campaign campaign = create("tier:金卡", 0, 1L, null);
        assertEquals(2, campaign.targeted());
        assertEquals(2, campaigns.issue(campaign.id()));
        assertEquals(0, campaigns.memberCoupons(zhang.id()).size());
        assertEquals(1, campaigns.memberCoupons(li.id()).size());
    }

    @Test
    void aPastedListFindsMembersByNumberOrPhoneAndNamesUnknownEntries() {
        Campaign campaign = create("list:m001, 139 1234 5678", 0, 1L, null);
        assertEquals(2, campaign.targeted());
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> create("list:M001,M999,13800000000", 0, 1L, null));
        assertEquals("campaign.target.unknownMembers", unknown.problems().get(0).key());
        assertTrue(unknown.getMessage().contains("M999, 13800000000"), unknown.getMessage());
    }

    @Test
    void issuingGivesEachTreatmentMemberOneValidUniqueCodeOnce() {
        Campaign campaign = create("all", 0, 1L, null);
        assertEquals(3, campaigns.issue(campaign.id()));
        Set<String> codes = new HashSet<>();
        for (Member member : List.of(zhang, li, wang)) {
            List<IssuedCoupon> coupons = campaigns.memberCoupons(member.id());
            assertEquals(1, coupons.size());
            IssuedCoupon coupon = coupons.get(0);
            assertEquals(CouponCodes.Check.OK, CouponCodes.check(coupon.code()));
            // 30 days from 2026-11-22, the day of issue being the first: through 2026-12-21
            assertEquals(LocalDate.of(2026, 11, 22), coupon.validFrom());
            assertEquals(LocalDate.of(2026, 12, 21), coupon.validTo());
            codes.add(coupon.code());
        }
        assertEquals(3, codes.size());
        ValidationException again = assertThrows(ValidationException.class, () -> campaigns.issue(campaign.id()));
        assertEquals("campaign.alreadyIssued", again.problems().get(0).key());
    }

    @Test
    void theControlGroupIsRecordedAndGetsNoCoupons() {
        // 3 members × 34 % = 1.02 → 1 held back
        Campaign campaign = create("all", 34, 5L, null);
        assertEquals(3, campaign.targeted());
        assertEquals(1, campaign.control());
        assertEquals(5L, campaign.seed());
        assertEquals(2, campaigns.issue(campaign.id()));
        int withCoupon = 0;
        for (Member member : List.of(zhang, li, wang)) {
            withCoupon += campaigns.memberCoupons(member.id()).size();
        }
        assertEquals(2, withCoupon);
        // the same seed on the same members holds back the same member
        Campaign twin = create("all", 34, 5L, null);
        assertEquals(campaign.control(), twin.control());
    }

    @Test
    void membersWhoGotACouponRecentlyAreSkipped() {
        campaigns.issue(create("tier:金卡", 0, 1L, null).id());
        CampaignService.Preview preview = campaigns.preview(Target.parse("all"), 7, 0);
        assertEquals(3, preview.matched());
        assertEquals(2, preview.skipped());
        assertEquals(1, preview.targeted());
        assertEquals(1, create("all", 0, 1L, 7).targeted());
        assertEquals(3, create("all", 0, 1L, null).targeted());
    }

    @Test
    void badCouponsAndTargetsAreRefusedWithTheirReasons() {
        Coupon noValue = new Coupon(0, "x", CouponKind.CASH, 0, null, null, 0, List.of(), Validity.days(30));
        Coupon noThreshold = CouponFixture.threshold(2_000, 0);
        Coupon badPercent = new Coupon(0, "x", CouponKind.DISCOUNT, 0, 100, null, 0, List.of(), Validity.days(30));
        Coupon giftWithoutItem = new Coupon(0, "x", CouponKind.GIFT, 1_000, null, null, 0, List.of(), Validity.days(3));
        assertEquals("coupon.value.missing", campaigns.check(noValue).get(0).key());
        assertEquals("coupon.minSpend.missing", campaigns.check(noThreshold).get(0).key());
        assertEquals("coupon.percent.range", campaigns.check(badPercent).get(0).key());
        assertEquals("coupon.gift.item", campaigns.check(giftWithoutItem).get(0).key());
        ValidationException empty = assertThrows(ValidationException.class, () -> create("tier:钻石", 0, 1L, null));
        assertEquals("campaign.target.empty", empty.problems().get(0).key());
        ValidationException control = assertThrows(ValidationException.class, () -> create("all", 95, 1L, null));
        assertEquals("campaign.control.range", control.problems().get(0).key());
    }

    @Test
    void rulesTagsSegmentsAndStagesAreAnsweredByTheTagsEngine() {
        shop.buy(zhang.id(), CouponFixture.NOW.minusDays(3), 5_000);
        // only 张伟 has bought anything
        assertEquals(1, create("purchases >= 1", 0, 1L, null).targeted());
        // 李娜 and 王芳 never bought: lifecycle stage "prospect" (潜在)
        assertEquals(2, create("lifecycle:潜在", 0, 1L, null).targeted());
        shop.app.tags().create("VIP", "tier = 金卡");
        assertEquals(2, create("tag:VIP", 0, 1L, null).targeted());
        // an archived member is never targeted, whatever the rule says
        shop.app.members().archive(li.id(), true);
        assertEquals(1, create("tier = 金卡", 0, 1L, null).targeted());
        ValidationException bad = assertThrows(ValidationException.class, () -> create("purchases >>> 1", 0, 1L, null));
        assertEquals("campaign.target.badRule", bad.problems().get(0).key());
        ValidationException segment = assertThrows(ValidationException.class, () -> create("segment:nobody", 0, 1L,
                null));
        assertEquals("campaign.target.unknownSegment", segment.problems().get(0).key());
    }
}
