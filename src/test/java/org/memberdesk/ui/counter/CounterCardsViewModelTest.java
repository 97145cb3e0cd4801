package org.memberdesk.ui.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/** Issue 16's counter view models, tasks run at once; the clock is fixed at 2026-03-15 14:30. */
class CounterCardsViewModelTest {
    @TempDir
    Path folder;
    private UiContext context;
    private Member wang;

    @BeforeEach
    void setUp() {
        context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        wang = context.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
    }

    private long product(CardKind kind, String name, long price, long bonus, Integer sessions, Integer days,
                         Integer perDay) {
        return context.app().cardProducts().addProduct(CardProduct.draft(kind, name, price, bonus, sessions, days, perDay,
                0, 0, true, false));
    }

    @Test
    void issue16_checkInAdmitsInGreenThenRefusesInOneLineAndEmptiesTheField() {
        long tenTimes = product(CardKind.SESSIONS, "私教 10 次", 100_000, 0, 10, 90, null);
        context.app().cards().sell(wang.id(), tenTimes, Pay.CASH, null, null);
        List<Long> told = new ArrayList<>();
        CheckInViewModel checkIn = new CheckInViewModel(context.app().checkIns(),
                context.app().memberPhotos(), context.tasks(), context.messages(), context.changes(), told::add);

        checkIn.whoProperty().set(" 1234 ");
        checkIn.enter();
        CheckInViewModel.Result admitted = checkIn.resultProperty().get();
        assertTrue(admitted.admitted());
        assertEquals("王芳 — welcome", admitted.headline());
        // 10 sold − 1 used = 9; 90 days from 2026-03-15, both ends included: 2026-06-12
        assertEquals("私教 10 次: 9 of 10 sessions left · valid to 2026-06-12", admitted.detail());
        assertEquals("", checkIn.whoProperty().get());
        assertEquals(List.of(wang.id()), told);
        assertNull(checkIn.photoProperty().get());

        checkIn.whoProperty().set("9999");
        checkIn.enter();
        CheckInViewModel.Result refused = checkIn.resultProperty().get();
        assertFalse(refused.admitted());
        assertEquals("No member or card 9999.", refused.headline());
        assertEquals("Not let in: 9999", refused.detail());
        assertEquals(1, context.app().cards().visits(wang.id(), 10).size());
    }

    @Test
    void issue16_theMembersPhotoIsShownWithAGreenCheckIn() throws Exception {
        long month = product(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, null);
        context.app().cards().sell(wang.id(), month, Pay.CASH, null, null);
        java.nio.file.Path picture = folder.resolve("wang.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(60, 80,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", picture.toFile());
        context.app().memberPhotos().set(wang.id(), picture);
        CheckInViewModel checkIn = new CheckInViewModel(context.app().checkIns(),
                context.app().memberPhotos(), context.tasks(), context.messages(), context.changes(), id -> { });
        checkIn.whoProperty().set("1234");
        checkIn.enter();
        assertTrue(checkIn.resultProperty().get().admitted());
        byte[] shown = checkIn.photoProperty().get();
        assertEquals(60, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(shown)).getWidth());
    }

    @Test
    void issue16_topUpPreviewShowsTheHighestStepsBonusNotASum() {
        context.app().cardProducts().setTopupSteps(Map.of(50_000L, 5_000L, 100_000L, 15_000L));
        long package1 = product(CardKind.STORED_VALUE, "储值", 10_000, 2_000, null, null, null);
        Card card = context.app().cards().sell(wang.id(), package1, Pay.CASH, null, null).card();   // ¥100 + ¥20
        TopUpViewModel topUp = TopUpDialog.model(context, card);
        topUp.start();
        topUp.amountProperty().set("499.99");
        // below the first step: no bonus; ¥120 + ¥499.99 = ¥619.99
        assertEquals("Pays in ¥499.99, bonus ¥0.00: ¥499.99 onto the card; balance after ¥619.99",
                topUp.previewProperty().get());
        topUp.amountProperty().set("1200");
        // ≥ ¥1,000 reached: +¥150 (not ¥50 + ¥150); ¥120 + ¥1,350 = ¥1,470
        assertEquals("Pays in ¥1,200.00, bonus ¥150.00: ¥1,350.00 onto the card; balance after ¥1,470.00",
                topUp.previewProperty().get());
        topUp.methodProperty().set(PayMethod.ALIPAY);
        boolean[] closed = {false};
        topUp.topUp(() -> closed[0] = true);
        assertTrue(closed[0]);
        Card after = context.app().cards().card(card.cardNo());
        assertEquals(130_000, after.principalCents());     // 10,000 + 120,000
        assertEquals(17_000, after.bonusCents());          // 2,000 + 15,000

        topUp.amountProperty().set("abc");
        topUp.topUp(() -> { });
        assertEquals("Type the amount paid in, e.g. 500.", topUp.problemProperty().get());
    }

    @Test
    void issue16_storedValuePaymentShowsItsPartsAndAShortBalanceIsRefusedBeforeSaving() {
        long package1 = product(CardKind.STORED_VALUE, "储值", 30_000, 6_000, null, null, null);   // ¥300 + ¥60
        context.app().cards().sell(wang.id(), package1, Pay.CASH, null, null);
        CounterViewModel counter = CounterScreen.model(context);
        counter.choose(wang);
        assertEquals(1, counter.cards().held().size());
        counter.itemProperty().set("毛巾");
        counter.amountProperty().set("100");
        counter.cards().payProperty().set(new Pay(PayMethod.STORED_VALUE, null));
        // bonus part floor(10,000 × 6,000 ÷ 36,000) = 1,666; principal 10,000 − 1,666 = 8,334
        assertEquals("Stored value ¥360.00 · "
                + "this sale takes ¥100.00: principal ¥83.34 + bonus ¥16.66", counter.cards().planProperty().get());
        assertFalse(counter.cards().refusedProperty().get());

        counter.amountProperty().set("400");
        assertTrue(counter.cards().refusedProperty().get());
        assertEquals("Stored value holds 360.00, the sale is 400.00. Nothing was recorded; pay the rest another way"
                + " (stored value + cash).", counter.cards().planProperty().get());
        counter.save();
        assertTrue(context.app().purchases().history(wang.id(), 5).isEmpty());

        counter.cards().payProperty().set(new Pay(PayMethod.STORED_VALUE, PayMethod.WECHAT));
        // all ¥360 from the card (bonus 6,000, principal 30,000), ¥40 by WeChat
        assertEquals("Stored value ¥360.00 · "
                        + "this sale takes ¥360.00: principal ¥300.00 + bonus ¥60.00; the rest ¥40.00 by WeChat",
                counter.cards().planProperty().get());
        counter.save();
        // what was really paid: ¥40 + ¥300 = ¥340
        assertEquals(34_000, context.app().purchases().history(wang.id(), 5).get(0).totalCents());
        assertTrue(counter.statusProperty().get().endsWith("Stored value paid ¥360.00 (principal ¥300.00, bonus"
                + " ¥60.00)."));
        assertEquals(Pay.CASH, counter.cards().payProperty().get());
        assertEquals(0, counter.cards().storedValue().orElseThrow().balanceCents());
    }

    @Test
    void issue16_aPassBoughtWhileAnotherIsValidIsQuotedFromTheDayAfterItEnds() {
        long month = product(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, null);
        // bought 2026-03-01: valid 03-01 … 03-30
        context.app().cards().sell(wang.id(), month, Pay.CASH, null, LocalDateTime.of(2026, 3, 1, 10, 0));
        List<Card> held = context.app().cards().cards(wang.id());
        CardSaleViewModel sale = CardSaleDialog.model(context, wang, held, false);
        sale.start();
        assertEquals(month, sale.productProperty().get().id());
        // the renewal starts 03-31 and runs 30 days: 03-31 … 04-29
        assertEquals("30 days, valid 2026-03-31 to 2026-04-29\nTo pay: ¥300.00", sale.quoteProperty().get());
        sale.payProperty().set(new Pay(PayMethod.WECHAT, null));
        sale.sell(() -> { });
        CardSaleViewModel.Sold sold = sale.soldProperty().get();
        assertEquals(LocalDate.of(2026, 4, 29), sold.sold().card().validTo());
        // a pass is a purchase: ¥300 at 1 point a yuan, twice now
        assertEquals("+300 points · points balance: 600", sold.points());

        CardSaleViewModel storedOnly = CardSaleDialog.model(context, wang, held, true);
        storedOnly.start();
        assertEquals("No cards are on sale yet: add them in Settings → Member cards.",
                storedOnly.problemProperty().get());
    }
}
