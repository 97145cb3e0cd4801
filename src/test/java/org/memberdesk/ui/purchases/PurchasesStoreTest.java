package org.memberdesk.ui.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.stores.Store;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/**
 * All purchases say where each was made only in a chain (as a member's history does); a single shop's list says
 * nothing of stores. Tasks run at once.
 */
class PurchasesStoreTest {
    @TempDir
    Path folder;
    private UiContext context;
    private Member li;

    @BeforeEach
    void setUp() {
        context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        li = context.app().members().add(new MemberDetails(null, "李娜", "13912345678", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
    }

    /** A sale of ¥45 at this computer's store, numbered {@code number}, {@code hour} o'clock on 2026-03-01. */
    private void sale(String number, int hour) {
        context.app().purchases().record(new PurchaseDraft(number, li.id(), LocalDateTime.of(2026, 3, 1, hour, 0),
                List.of(new PurchaseLine("门票", 1, 4_500)), null), false);
    }

    private List<String> stores(PurchasesViewModel purchases) {
        return purchases.rows().stream().map(purchases::storeOf).toList();
    }

    @Test
    void aSingleShopsListSaysNothingOfStores() {
        sale("S1", 9);
        PurchasesViewModel purchases = PurchasesScreen.model(context);
        purchases.search();
        assertEquals(1, purchases.countProperty().get());
        assertFalse(purchases.chainProperty().get());
        assertEquals(List.of(""), stores(purchases));
    }

    @Test
    void aChainsListSaysWhereEachWasMadeByItsNameNow() {
        sale("S1", 9);                                     // at 本店, "Main store" in English
        Store second = context.app().stores().add("二店");
        context.app().stores().settle(Optional.of("二店"));
        sale("S2", 10);                                    // at 二店
        PurchasesViewModel purchases = PurchasesScreen.model(context);
        purchases.search();
        assertTrue(purchases.chainProperty().get());
        // newest first: S2 (10:00) in 二店, then S1 (09:00) in the main store
        assertEquals(List.of("S2", "S1"), purchases.rows().stream().map(r -> r.purchaseNo()).toList());
        assertEquals(List.of("二店", "Main store"), stores(purchases));

        // a store renamed keeps what was made there, under its name now
        context.app().stores().rename(second.id(), "西店");
        purchases.refresh();
        assertEquals(List.of("西店", "Main store"), stores(purchases));
    }
}
