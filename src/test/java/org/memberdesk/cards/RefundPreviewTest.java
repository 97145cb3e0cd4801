package org.memberdesk.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.members.Member;

/**
 * The refund preview (shown before a refund is confirmed) equals what the refund then pays back, for each kind; the
 * clock is fixed at 2026-11-22 12:00 (TestDatabase).
 */
@BothEngines
class RefundPreviewTest {
    @TempDir
    Path folder;
    AppContext app;
    Member wang;
    CardService cards;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        cards = app.cards();
        wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
    }

    @Test
    void thePreviewIsWhatTheRefundPaysBack() {
        // a pass of 30 days paid ¥300 sold on 1 Nov (1–30 Nov); on 10 Nov 20 days are left: 30,000 × 20 ÷ 30 = 20,000
        long month = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, null, 0, 0,
                true, false));
        String pass = cards.sell(wang.id(), month, Pay.CASH, null, LocalDateTime.of(2026, 11, 1, 10, 0))
                .card().cardNo();
        assertEquals(20_000, cards.refundPreview(pass, LocalDate.of(2026, 11, 10)).refundCents());
        // today, 22 Nov: 8 days left (23–30 Nov) → floor(30,000 × 8 ÷ 30) = 8,000
        CardService.RefundPreview today = cards.refundPreview(pass, null);
        assertEquals(8_000, today.refundCents());
        assertTrue(today.refundable());
        assertEquals(today.refundCents(), cards.refund(pass, "不练了", null, "店长", null).refundCents());
        CardService.RefundPreview after = cards.refundPreview(pass, null);
        assertFalse(after.refundable());
        assertEquals(0, after.refundCents());

        // stored value ¥1,000 + ¥200 bonus: the principal back, the bonus forfeited
        long package1000 = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充1000送200", 100_000, 20_000,
                null, null, null, 0, 0, true, false));
        String value = cards.sell(wang.id(), package1000, Pay.CASH, null, null).card().cardNo();
        CardService.RefundPreview sv = cards.refundPreview(value, null);
        assertEquals(100_000, sv.refundCents());
        assertEquals(20_000, sv.forfeitedBonusCents());
        CardService.Refunded refunded = cards.refund(value, "搬家", null, "店长", null);
        assertEquals(sv.refundCents(), refunded.refundCents());
        assertEquals(sv.forfeitedBonusCents(), refunded.forfeitedBonusCents());

        // a product sold as not refundable previews nothing
        long noRefund = app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "体验3次", 9_900, 0, 3, 30, null, 0, 0,
                false, false));
        String trial = cards.sell(wang.id(), noRefund, Pay.CASH, null, null).card().cardNo();
        assertFalse(cards.refundPreview(trial, null).refundable());
    }
}
