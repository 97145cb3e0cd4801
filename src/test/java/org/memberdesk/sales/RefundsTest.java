package org.memberdesk.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;
import org.memberdesk.purchases.PurchaseLine;

/** What a return gives back (issue 15, item 2): what was paid for the returned units, to the cent. */
class RefundsTest {

    /** The line after a return: its units and cents counted as returned. */
    private static SoldLine after(SoldLine sold, ReturnedLine returned) {
        return new SoldLine(sold.lineNo(), sold.item(), sold.quantity(), sold.paidCents(),
                sold.returnedQuantity() + returned.quantity(), sold.refundedCents() + returned.refundCents());
    }

    private static List<Long> refunds(SoldLine sold, int... quantities) {
        List<Long> refunds = new ArrayList<>();
        for (int quantity : quantities) {
            ReturnedLine returned = Refunds.line(sold, quantity);
            refunds.add(returned.refundCents());
            sold = after(sold, returned);
        }
        return refunds;
    }

    @Test
    void finding2_threeUnitsPaid2850AfterDiscountsComeBackAt950Each() {
        SoldLine sold = new SoldLine(1, "杯子", 3, 2_850, 0, 0);
        // 3 × ¥10.00 listed, ¥28.50 paid after the tier and coupon shares
        // 1st: floor(2850 × 1 / 3) − 0 = 950; 2nd: floor(2850 × 2 / 3) − 950 = 1900 − 950 = 950;
        // 3rd (all that is left): 2850 − 1900 = 950
        assertEquals(List.of(950L, 950L, 950L), refunds(sold, 1, 1, 1));
    }

    @Test
    void finding2_unevenCentsGoToTheLastUnitSoTheRefundsAddUpToWhatWasPaid() {
        SoldLine sold = new SoldLine(1, "杯子", 3, 1_000, 0, 0);
        // floor(1000 / 3) = 333; floor(2000 / 3) − 333 = 666 − 333 = 333; 1000 − 666 = 334; sum 1000
        assertEquals(List.of(333L, 333L, 334L), refunds(sold, 1, 1, 1));
        // 1 then 2: 333, then all that is left 1000 − 333 = 667
        assertEquals(List.of(333L, 667L), refunds(sold, 1, 2));
        // 2 then 1: floor(2000 / 3) = 666, then 1000 − 666 = 334
        assertEquals(List.of(666L, 334L), refunds(sold, 2, 1));
    }

    @Test
    void finding2_returningMoreThanIsLeftIsRefused() {
        SoldLine partly = new SoldLine(2, "杯子", 3, 1_000, 2, 666);
        ReturnRefused tooMany = assertThrows(ReturnRefused.class, () -> Refunds.line(partly, 2));
        assertEquals("sale.return.moreThanBought", tooMany.problem().key());
        // 3 bought, 2 returned, 1 left, 2 asked
        assertEquals(List.of(2, "杯子", 3, 2, 1, 2), tooMany.problem().args());
        String english = tooMany.problem().describe(Messages.english());
        assertTrue(english.contains("at most 1") && english.contains("not 2"), english);

        SoldLine all = new SoldLine(2, "杯子", 3, 1_000, 3, 1_000);
        assertEquals("sale.return.alreadyReturned",
                assertThrows(ReturnRefused.class, () -> Refunds.line(all, 1)).problem().key());
        assertEquals("sale.return.quantity",
                assertThrows(ReturnRefused.class, () -> Refunds.line(partly, 0)).problem().key());
        SoldLine fresh = new SoldLine(1, "杯子", 3, 1_000, 0, 0);
        assertEquals("sale.return.moreThanBought",
                assertThrows(ReturnRefused.class, () -> Refunds.line(fresh, 4)).problem().key());
    }

    @Test
    void finding2_theWholePurchaseAfterAPartialReturnGivesBackOnlyTheRest() {
        List<SoldLine> purchase = List.of(
                new SoldLine(1, "杯子", 3, 2_850, 1, 950),    // one of three came back already
                new SoldLine(2, "茶叶", 1, 1_200, 0, 0),
                new SoldLine(3, "勺子", 2, 500, 2, 500));     // all came back already: not in the return
        List<ReturnedLine> returned = Refunds.whole(purchase);
        // line 1: the 2 left, 2850 − 950 = 1900; line 2: 1 for 1200; line 3 skipped
        assertEquals(List.of(new ReturnedLine(1, "杯子", 2, 1_900), new ReturnedLine(2, "茶叶", 1, 1_200)), returned);
        // with what came back before: 950 + 1900 + 1200 + 500 = 4550 = 2850 + 1200 + 500, all that was paid

        List<SoldLine> allBack = List.of(new SoldLine(1, "杯子", 3, 2_850, 3, 2_850));
        assertEquals("sale.return.allReturned",
                assertThrows(ReturnRefused.class, () -> Refunds.whole(allBack)).problem().key());
    }

    @Test
    void finding2_someLinesByTheirReceiptNumbers() {
        List<SoldLine> purchase = List.of(new SoldLine(1, "杯子", 3, 1_000, 0, 0),
                new SoldLine(2, "茶叶", 4, 1_999, 0, 0));
        Map<Integer, Integer> asked = new LinkedHashMap<>();
        asked.put(2, 3);
        asked.put(1, 1);
        // in receipt order: line 1, 1 of 3: floor(1000 / 3) = 333; line 2, 3 of 4: floor(1999 × 3 / 4) = 1499.25 → 1499
        assertEquals(List.of(new ReturnedLine(1, "杯子", 1, 333), new ReturnedLine(2, "茶叶", 3, 1_499)),
                Refunds.lines(purchase, asked));

        ReturnRefused noLine = assertThrows(ReturnRefused.class, () -> Refunds.lines(purchase, Map.of(3, 1)));
        assertEquals("sale.return.noSuchLine", noLine.problem().key());
        assertEquals(List.of(3, 2), noLine.problem().args());
        // one line refused refuses the whole return
        Map<Integer, Integer> oneTooMany = Map.of(1, 1, 2, 5);
        assertThrows(ReturnRefused.class, () -> Refunds.lines(purchase, oneTooMany));
    }

    @Test
    void finding2_aLineDiscountedToNothingRefundsNothing() {
        // a 100 % tier: paid 0 for 2 units
        assertEquals(List.of(0L, 0L), refunds(new SoldLine(1, "A", 2, 0, 0, 0), 1, 1));
    }

    @Test
    void finding2_anEarlierImportedReturnThatGaveTooMuchNeverMakesARefundNegative() {
        // paid 1000 for 4; an import returned 1 unit for 600 (the rule would have given 250)
        SoldLine sold = new SoldLine(1, "A", 4, 1_000, 1, 600);
        // 1 more: floor(1000 × 2 / 4) − 600 = 500 − 600 = −100 → 0; then 1 more: 750 − 600 = 150;
        // then the last: 1000 − 750 = 250; total back 600 + 0 + 150 + 250 = 1000
        assertEquals(List.of(0L, 150L, 250L), refunds(sold, 1, 1, 1));
    }

    /** Any sequence of partial returns gives back exactly what was paid, never a negative refund. */
    @Test
    void finding2_randomPartialReturnsAlwaysAddUpToWhatWasPaid() {
        Random random = new Random(2);
        for (int run = 0; run < 5_000; run++) {
            int quantity = 1 + random.nextInt(random.nextBoolean() ? 5 : 10_000);
            long paid = random.nextInt(4) == 0 ? random.nextInt(10) : (long) random.nextInt(Integer.MAX_VALUE) * 4;
            SoldLine sold = new SoldLine(1, "A", quantity, paid, 0, 0);
            long back = 0;
            while (sold.quantityLeft() > 0) {
                int take = 1 + random.nextInt(sold.quantityLeft());
                ReturnedLine returned = Refunds.line(sold, take);
                assertTrue(returned.refundCents() >= 0);
                // less than a cent above the units' proportion: refund < paid × take / quantity + 1
                assertTrue(returned.refundCents() * quantity < paid * take + quantity);
                back += returned.refundCents();
                sold = after(sold, returned);
            }
            assertEquals(paid, back, quantity + " units paid " + paid);
        }
    }

    @Test
    void finding2_refundsOfPricedLinesAddUpToWhatThePricingCharged() {
        Priced priced = Pricing.price(List.of(new PurchaseLine("杯子", 3, 3_000), new PurchaseLine("茶叶", 1, 1_999)),
                "金卡", 5, null);
        List<SoldLine> purchase = new ArrayList<>();
        for (int i = 0; i < priced.paidLines().size(); i++) {
            PurchaseLine line = priced.paidLines().get(i);
            purchase.add(new SoldLine(i + 1, line.item(), line.quantity(), line.amountCents(), 0, 0));
        }
        long refunded = Refunds.whole(purchase).stream().mapToLong(ReturnedLine::refundCents).sum();
        // 4999 × 5 / 100 = 249.95 → 249 off; paid 4750, and a whole return gives back 4750
        assertEquals(4_750, priced.paidCents());
        assertEquals(4_750, refunded);
    }
}
