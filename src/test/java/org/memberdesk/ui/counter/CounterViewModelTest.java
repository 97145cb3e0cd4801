package org.memberdesk.ui.counter;

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
import org.memberdesk.purchases.Purchase;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

class CounterViewModelTest {
    @TempDir
    Path folder;
    private UiContext context;
    private CounterViewModel counter;
    private Member wang;

    @BeforeEach
    void setUp() {
        context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        wang = context.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        context.app().members().add(new MemberDetails(null, "李娜", "13900005678", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        counter = CounterScreen.model(context);
    }

    @Test
    void lastFourDigitsFindTheMemberAndMoveToTheItem() {
        counter.lookupProperty().set("1234");
        assertEquals(List.of(wang.id()), counter.matches().stream().map(Member::id).toList());
        counter.lookupEntered();
        assertEquals(wang.id(), counter.memberProperty().get().id());
        assertEquals(CounterViewModel.Focus.ITEM, counter.focusProperty().get());
        assertTrue(counter.matches().isEmpty());
    }

    @Test
    void aMemberNumberFindsTheMemberExactly() {
        counter.lookupProperty().set(wang.memberNo().toLowerCase());
        counter.lookupEntered();
        assertEquals(wang.id(), counter.memberProperty().get().id());
    }

    @Test
    void savesTwoLinesInOnePurchaseAndUpdatesTheCard() {
        counter.choose(wang);
        counter.itemProperty().set("门票");
        counter.amountProperty().set("88");
        assertTrue(counter.addLine());
        counter.itemProperty().set("矿泉水");
        counter.quantityProperty().set("2");
        counter.amountProperty().set("12.5");
        // 88.00 + 12.50 = 100.50 yuan = 10050 cents, shown while typing
        assertEquals(10_050, counter.totalCents().get());
        counter.save();

        List<Purchase> stored = context.app().purchases().history(wang.id(), 10);
        assertEquals(1, stored.size());
        assertEquals(10_050, stored.get(0).totalCents());
        assertEquals(2, stored.get(0).lines().size());
        assertEquals(2, stored.get(0).lines().get(1).quantity());
        assertEquals(TestContext.NOW, stored.get(0).time());
        // the card shows the member as stored now: one visit, 100.50 spent, the purchase on top
        assertEquals(1, counter.memberProperty().get().stats().purchases());
        assertEquals(10_050, counter.memberProperty().get().stats().netSpentCents());
        assertEquals(1, counter.recent().size());
        assertTrue(counter.lines().isEmpty());
        assertEquals("", counter.itemProperty().get());
        assertEquals("Saved " + stored.get(0).purchaseNo() + ": ¥100.50 for 王芳", counter.statusProperty().get());
        assertEquals(CounterViewModel.Focus.LOOKUP, counter.focusProperty().get());
    }

    @Test
    void aWrongAmountIsExplainedAndNothingIsStored() {
        counter.choose(wang);
        counter.itemProperty().set("门票");
        counter.amountProperty().set("8.888");
        counter.save();
        assertEquals("Type the amount in yuan, like 88 or 12.50.", counter.problemProperty().get());
        assertEquals(CounterViewModel.Focus.AMOUNT, counter.focusProperty().get());
        assertTrue(context.app().purchases().history(wang.id(), 10).isEmpty());
    }

    @Test
    void savingWithoutAMemberAsksForOne() {
        counter.itemProperty().set("门票");
        counter.amountProperty().set("88");
        counter.save();
        assertEquals("Choose the member first.", counter.problemProperty().get());
        assertEquals(CounterViewModel.Focus.LOOKUP, counter.focusProperty().get());
    }

    @Test
    void anUnknownLookupSaysHowToAddTheMember() {
        counter.lookupProperty().set("13700000000");
        counter.lookupEntered();
        assertNull(counter.memberProperty().get());
        assertTrue(counter.problemProperty().get().contains("Ctrl+N"));
        assertEquals("13700000000", counter.typedPhone());
    }

    @Test
    void enterOnAnEmptyItemSavesTheLinesTyped() {
        counter.choose(wang);
        counter.itemProperty().set("年卡");
        counter.amountProperty().set("1280");
        counter.addLine();
        counter.itemEntered();
        assertEquals(128_000, context.app().purchases().history(wang.id(), 1).get(0).totalCents());
        assertFalse(counter.savingProperty().get());
    }
}
