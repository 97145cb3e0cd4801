package org.memberdesk.ui.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/** The return and void dialogs' models without a screen: work runs on the calling thread; today is 2026-03-15. */
class ReturnAndVoidViewModelTest {
    @TempDir
    Path folder;
    private UiContext context;
    private Member wang;
    private String saleNo;

    @BeforeEach
    void setUp() {
        context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        wang = context.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        // 3 毛巾 for ¥100 and a 门票 for ¥50 at the entry tier: nothing off, ¥150 paid
        saleNo = context.app().counterSales().sell(wang.id(),
                List.of(new PurchaseLine("毛巾", 3, 10_000), new PurchaseLine("门票", 1, 5_000)), null)
                .purchase().purchaseNo();
    }

    @Test
    void finding2_partOfALineIsShownThenGivenBackAndTheSaleShowsWhatIsLeft() {
        ReturnViewModel dialog = new ReturnViewModel(context);
        dialog.saleNoProperty().set(saleNo);
        dialog.next();
        assertEquals(ReturnViewModel.Step.ENTER, dialog.stepProperty().get());
        assertEquals(2, dialog.lines().size());
        dialog.lines().get(0).quantityProperty().set("2");
        dialog.next();
        // 2 of the 3 毛巾 paid ¥100 together: ⌊10,000 × 2 ÷ 3⌋ = 6,666 cents
        assertEquals(ReturnViewModel.Step.CONFIRM, dialog.stepProperty().get());
        assertEquals("Refund ¥66.66 for 2 items of sale " + saleNo + ". Press Enter again to give it back.",
                dialog.refundProperty().get());
        assertEquals(1, context.app().purchases().history(wang.id(), 5).size());

        // a change after the refund was shown shows it again before anything is given
        dialog.reasonProperty().set("太小");
        assertEquals(ReturnViewModel.Step.ENTER, dialog.stepProperty().get());
        dialog.next();
        dialog.next();
        assertEquals(ReturnViewModel.Step.DONE, dialog.stepProperty().get());
        CounterSales.Returned done = dialog.returnedProperty().get();
        assertEquals(6_666, done.refundCents());
        assertEquals(saleNo, done.saleNo());
        // 150 points earned; the 2 毛巾's share: ⌊150 × 6,666 ÷ 15,000⌋ = 66 taken back, 84 left
        assertEquals("Return " + done.purchase().purchaseNo() + " of sale " + saleNo
                + ": refund ¥66.66 · points taken back 66 · points balance: 84", dialog.receiptProperty().get());
        assertEquals(15_000 - 6_666, context.app().members().byId(wang.id()).orElseThrow().stats().netSpentCents());

        // the same sale again: 2 of line 1 returned, 1 left; the last one gives back the rest, ¥100 − ¥66.66
        ReturnViewModel again = new ReturnViewModel(context);
        again.saleNoProperty().set(saleNo);
        again.load();
        assertEquals(2, again.lines().get(0).sold().returnedQuantity());
        assertEquals(1, again.lines().get(0).sold().quantityLeft());
        again.lines().get(0).quantityProperty().set("1");
        again.next();
        assertEquals("Refund ¥33.34 for 1 item of sale " + saleNo + ". Press Enter again to give it back.",
                again.refundProperty().get());
    }

    @Test
    void finding2_moreThanIsLeftNothingTypedOrAWordAreRefusedInTheShopsWords() {
        ReturnViewModel dialog = new ReturnViewModel(context);
        dialog.saleNoProperty().set(saleNo);
        dialog.load();
        dialog.next();
        assertEquals("Type how many of an item come back (or press Alt+A for everything left).",
                dialog.problemProperty().get());
        dialog.lines().get(0).quantityProperty().set("5");
        dialog.next();
        assertEquals("Line 1 (毛巾): 3 were bought and 0 already returned, so at most 3 can come back now, not 5."
                + " Nothing was returned.", dialog.problemProperty().get());
        dialog.lines().get(0).quantityProperty().set("two");
        dialog.next();
        assertEquals("Line 1 (毛巾): type how many come back as a whole number, like 1.", dialog.problemProperty().get());
        assertEquals(ReturnViewModel.Step.ENTER, dialog.stepProperty().get());
        assertNull(dialog.returnedProperty().get());
        // All: everything left of every line, ¥150.00 for 4 items
        dialog.all();
        dialog.next();
        assertEquals("Refund ¥150.00 for 4 items of sale " + saleNo + ". Press Enter again to give it back.",
                dialog.refundProperty().get());
        assertEquals(1, context.app().purchases().history(wang.id(), 5).size());

        ReturnViewModel unknown = new ReturnViewModel(context);
        unknown.saleNoProperty().set("P-NOPE");
        unknown.load();
        assertEquals("There is no purchase number P-NOPE", unknown.problemProperty().get());
        assertEquals(ReturnViewModel.Step.FIND, unknown.stepProperty().get());
    }

    @Test
    void finding2_theMembersSalesAreListedToPickFrom() {
        ReturnViewModel dialog = new ReturnViewModel(context);
        dialog.memberProperty().set("13812341234");
        dialog.findSales();
        assertEquals(List.of(saleNo), dialog.sales().stream().map(row -> row.purchaseNo()).toList());
        dialog.dateProperty().set(LocalDate.of(2026, 3, 14));
        dialog.findSales();
        assertTrue(dialog.sales().isEmpty());
        assertEquals("No sales found for this member or day.", dialog.problemProperty().get());
        dialog.dateProperty().set(LocalDate.of(2026, 3, 15));
        dialog.findSales();
        dialog.choose(dialog.sales().get(0));
        assertEquals(ReturnViewModel.Step.ENTER, dialog.stepProperty().get());
        assertEquals("毛巾", dialog.lines().get(0).sold().item());
    }

    @Test
    void finding3_aVoidWithoutAReasonOrOfAnotherDayIsRefusedInTheShopsWordsAndNothingChanges() {
        VoidViewModel blank = new VoidViewModel(context, saleNo, wang.id());
        blank.voidSale(() -> { });
        assertEquals("Say why the sale is voided (e.g. \"keyed twice\")", blank.problemProperty().get());
        assertFalse(blank.voidedProperty().get());

        // yesterday's sale: a return, not a void
        context.app().purchases().record(new PurchaseDraft("P-OLD", wang.id(),
                TestContext.NOW.minusDays(1), List.of(new PurchaseLine("门票", 1, 5_000)), null), false);
        VoidViewModel old = new VoidViewModel(context, "P-OLD", wang.id());
        old.reasonProperty().set("keyed twice");
        old.voidSale(() -> { });
        assertEquals("Sale P-OLD is from 2026-03-14: only a sale of today can be voided; make a return instead",
                old.problemProperty().get());
        assertEquals(2, context.app().purchases().history(wang.id(), 5).size());
        assertTrue(context.app().counterSales().voided(wang.id()).isEmpty());
    }

    @Test
    void finding3_todaysSaleIsVoidedWithWhoAndWhy() {
        // who voids it is whoever is signed in (issue 18): shown in the dialog, kept with the voided sale
        context.app().session().become(new org.memberdesk.staff.Actor(null, "小王", org.memberdesk.staff.Role.MANAGER));
        VoidViewModel dialog = new VoidViewModel(context, saleNo, wang.id());
        assertEquals("小王", dialog.byProperty().get());
        dialog.reasonProperty().set("keyed twice");
        boolean[] closed = {false};
        dialog.voidSale(() -> closed[0] = true);
        assertTrue(closed[0]);
        assertTrue(dialog.voidedProperty().get());
        assertTrue(context.app().purchases().history(wang.id(), 5).isEmpty());
        assertEquals("小王", context.app().counterSales().voided(wang.id()).get(0).voidedBy());
        assertEquals("keyed twice", context.app().counterSales().voided(wang.id()).get(0).reason());
    }
}
