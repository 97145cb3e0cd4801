package org.memberdesk.ui.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/** The counter with a coupon code, without a screen: work runs on the calling thread. */
class CounterCouponsTest {
    @TempDir
    Path folder;
    private UiContext context;
    private CounterViewModel counter;
    private Member wang;
    private Member li;
    private String wangCode;
    private String liCode;

    @BeforeEach
    void setUp() {
        context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        wang = context.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        li = context.app().members().add(new MemberDetails(null, "李娜", "13900005678", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        // 满100减20: ¥20 off a spend of at least ¥100, valid 30 days from issue
        Campaign campaign = context.app().campaigns().create(new CampaignDraft("Spring", null,
                new Coupon(0, "满100减20", CouponKind.THRESHOLD, 2_000, null, null, 10_000, List.of(),
                        Validity.days(30)), Target.parse("all"), null, 0, 1L));
        context.app().campaigns().issue(campaign.id());
        wangCode = context.app().campaigns().memberCoupons(wang.id()).get(0).code();
        liCode = context.app().campaigns().memberCoupons(li.id()).get(0).code();
        counter = CounterScreen.model(context);
        counter.choose(wang);
    }

    private List<Purchase> stored() {
        return context.app().purchases().history(wang.id(), 10);
    }

    @Test
    void aCodeIsCheckedFirstThenTheNextEnterRedeemsItInThePurchase() {
        counter.itemProperty().set("门票");
        counter.amountProperty().set("120");
        counter.codeProperty().set(wangCode.toLowerCase());
        counter.save();
        // checked, not stored: 120.00 - 20.00 = 100.00 to pay
        assertEquals("Coupon accepted: ¥20.00 off, ¥100.00 to pay", counter.couponMessageProperty().get());
        assertFalse(counter.couponRefusedProperty().get());
        assertEquals(12_000, counter.totalCents().get());
        assertEquals(10_000, counter.payCents().get());
        assertEquals(CounterViewModel.Focus.CODE, counter.focusProperty().get());
        assertTrue(stored().isEmpty());

        counter.save();
        List<Purchase> purchases = stored();
        assertEquals(1, purchases.size());
        assertEquals(10_000, purchases.get(0).totalCents());
        IssuedCoupon used = context.app().campaigns().memberCoupons(wang.id()).get(0);
        assertEquals(IssuedCoupon.State.USED, used.state(TestContext.NOW.toLocalDate()));
        assertEquals(purchases.get(0).id(), used.purchaseId());
        assertEquals(2_000, used.discountCents());
        assertEquals("Saved " + purchases.get(0).purchaseNo() + ": ¥100.00 for 王芳, with coupon " + wangCode
                + " (¥20.00 off)", counter.statusProperty().get());
        // ready for the next customer: no code, no quote left behind
        assertEquals("", counter.codeProperty().get());
        assertNull(counter.quoteProperty().get());
        assertEquals("", counter.couponMessageProperty().get());
        assertEquals(10_000, counter.memberProperty().get().stats().netSpentCents());
    }

    @Test
    void aMinimumSpendNotMetIsRefusedWithTheAmountsAndNothingIsStored() {
        counter.itemProperty().set("门票");
        counter.amountProperty().set("88");
        counter.codeProperty().set(wangCode);
        counter.save();
        assertTrue(counter.couponRefusedProperty().get());
        assertEquals("Coupon " + wangCode + " needs a spend of at least ¥100.00 on the items it applies to;"
                + " this purchase has ¥88.00", counter.couponMessageProperty().get());
        assertEquals(8_800, counter.payCents().get());
        // Enter again does not save past the refusal
        counter.save();
        assertTrue(counter.couponRefusedProperty().get());
        assertTrue(stored().isEmpty());
        assertEquals(IssuedCoupon.State.USABLE, context.app().campaigns().memberCoupons(wang.id()).get(0)
                .state(TestContext.NOW.toLocalDate()));
    }

    @Test
    void anotherMembersCodeAndATypoAreRefusedExactly() {
        counter.itemProperty().set("门票");
        counter.amountProperty().set("120");
        counter.codeProperty().set(liCode);
        counter.save();
        assertEquals("Coupon " + liCode + " belongs to another member", counter.couponMessageProperty().get());

        char last = wangCode.charAt(7);
        String typo = wangCode.substring(0, 7) + (last == 'A' ? 'B' : 'A');
        counter.codeProperty().set(typo);
        assertEquals("", counter.couponMessageProperty().get());
        counter.save();
        assertEquals("Code " + typo + " has a typo: its check character does not match; please check the code again",
                counter.couponMessageProperty().get());
        assertTrue(stored().isEmpty());
        assertTrue(context.app().purchases().history(li.id(), 10).isEmpty());
    }

    @Test
    void changingTheLinesAfterTheCheckChecksAgainBeforeSaving() {
        counter.itemProperty().set("门票");
        counter.amountProperty().set("120");
        counter.codeProperty().set(wangCode);
        counter.save();
        assertNotNull(counter.quoteProperty().get());
        counter.removeLine(0);
        counter.itemProperty().set("门票");
        counter.amountProperty().set("90");
        assertNull(counter.quoteProperty().get());
        assertEquals(9_000, counter.payCents().get());
        counter.save();
        assertTrue(counter.couponRefusedProperty().get());
        assertTrue(stored().isEmpty());
    }

    @Test
    void aCodeUsedElsewhereAfterTheCheckIsRefusedAndNothingIsStored() {
        counter.itemProperty().set("门票");
        counter.amountProperty().set("120");
        counter.codeProperty().set(wangCode);
        counter.save();
        assertNotNull(counter.quoteProperty().get());
        // another window redeems the same code first
        context.app().counterSales().sell(wang.id(), List.of(new PurchaseLine("年卡", 1, 50_000)), wangCode);
        counter.save();
        assertTrue(counter.couponRefusedProperty().get());
        assertEquals("Coupon " + wangCode + " was already used on 2026-03-15", counter.couponMessageProperty().get());
        assertEquals(1, stored().size());
        assertEquals("年卡", stored().get(0).lines().get(0).item());
        assertEquals(1, counter.lines().size());
        assertEquals(CounterViewModel.Focus.CODE, counter.focusProperty().get());
    }

    @Test
    void clearingTheCodeSavesThePurchaseAsBefore() {
        counter.itemProperty().set("门票");
        counter.amountProperty().set("88");
        counter.codeProperty().set(wangCode);
        counter.save();
        assertTrue(counter.couponRefusedProperty().get());
        counter.codeProperty().set("");
        assertEquals("", counter.couponMessageProperty().get());
        counter.save();
        assertEquals(1, stored().size());
        assertEquals(8_800, stored().get(0).totalCents());
        assertEquals(IssuedCoupon.State.USABLE, context.app().campaigns().memberCoupons(wang.id()).get(0)
                .state(TestContext.NOW.toLocalDate()));
    }
}
