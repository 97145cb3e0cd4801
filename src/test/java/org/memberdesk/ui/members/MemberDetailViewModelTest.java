package org.memberdesk.ui.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

class MemberDetailViewModelTest {
    @TempDir
    Path folder;
    private RecordingDialogs dialogs;
    private UiContext context;
    private Member wang;
    private MemberDetailViewModel detail;

    @BeforeEach
    void setUp() {
        dialogs = new RecordingDialogs(Messages.english());
        context = TestContext.create(folder, dialogs);
        wang = context.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        context.app().members().add(new MemberDetails(null, "李娜", "13900005678", null, null,
                LocalDate.of(2025, 1, 1), null, wang.memberNo(), null, Map.of()));
        for (int day = 1; day <= 3; day++) {
            context.app().purchases().record(new PurchaseDraft(null, wang.id(), LocalDateTime.of(2026, 3, day, 10, 0),
                    List.of(new PurchaseLine("门票", 1, 8_800)), null), false);
        }
        detail = MembersScreen.detailModel(context);
    }

    @Test
    void showsTheMemberNewestPurchaseFirstWithThePhoneMasked() {
        detail.show(wang.id());
        assertEquals("王芳", detail.member().orElseThrow().name());
        assertEquals(3, detail.history().size());
        assertEquals(LocalDateTime.of(2026, 3, 3, 10, 0), detail.history().get(0).time());
        // three visits of 88.00 = 264.00
        assertEquals(26_400, detail.member().orElseThrow().stats().netSpentCents());
        assertEquals(1, detail.referralsProperty().get());
        assertEquals("138****1234", detail.phoneShown().get());
        detail.phoneRevealedProperty().set(true);
        assertEquals("13812341234", detail.phoneShown().get());
    }

    @Test
    void theNextMemberIsMaskedAgain() {
        detail.show(wang.id());
        detail.phoneRevealedProperty().set(true);
        Member li = context.app().members().byNumberOrPhone("13900005678").orElseThrow();
        detail.show(li.id());
        assertEquals("139****5678", detail.phoneShown().get());
    }

    @Test
    void archivingAsksFirstAndKeepsTheHistory() {
        detail.show(wang.id());
        dialogs.confirmAnswer = false;
        detail.toggleArchived(() -> { });
        assertFalse(context.app().members().byId(wang.id()).orElseThrow().archived());
        dialogs.confirmAnswer = true;
        detail.toggleArchived(() -> { });
        assertTrue(context.app().members().byId(wang.id()).orElseThrow().archived());
        assertEquals(1, context.app().members().count(MemberQuery.all()));
        assertEquals(3, context.app().purchases().history(wang.id(), 10).size());
    }
}
