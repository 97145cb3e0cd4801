package org.memberdesk.ui.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.stores.Store;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/**
 * Issue 21 at the counter's check-in: a card of a product limited to 二店 is refused on a computer of the main store
 * with the reason the cashier reads aloud, and lets in at 二店. Tasks run at once.
 */
class CheckInAtAnotherStoreTest {
    @TempDir
    Path folder;

    @Test
    void aCardOfTheSecondStoreIsRefusedAtTheMainStoresCounterWithTheReason() {
        UiContext context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        Member wang = context.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        Store second = context.app().stores().add("二店");
        long swim = context.app().cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "Swim 10", 80_000,
                0, 10, 90, null, 0, 0, true, false).onlyAt(second.id()));
        Store main = context.app().storeHere().current();
        context.app().storeHere().become(second);
        context.app().cards().sell(wang.id(), swim, Pay.CASH, null, null);
        context.app().storeHere().become(main);
        List<Long> told = new ArrayList<>();
        CheckInViewModel checkIn = new CheckInViewModel(context.app().checkIns(), context.app().memberPhotos(),
                context.tasks(), context.messages(), context.changes(), told::add);

        checkIn.whoProperty().set("1234");
        checkIn.enter();
        CheckInViewModel.Result refused = checkIn.resultProperty().get();
        assertFalse(refused.admitted());
        assertEquals("This card (Swim 10) is for 二店 only; this computer is in Main store. Nothing was recorded.",
                refused.headline());
        assertEquals(List.of(), told);
        assertEquals(0, context.app().cards().visits(wang.id(), 10).size());

        context.app().storeHere().become(second);
        checkIn.whoProperty().set("1234");
        checkIn.enter();
        assertTrue(checkIn.resultProperty().get().admitted());
        assertEquals(List.of(wang.id()), told);
    }
}
