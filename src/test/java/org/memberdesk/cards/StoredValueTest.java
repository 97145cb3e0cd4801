package org.memberdesk.cards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of stored value and refunds, worked by hand. */
class StoredValueTest {
    @Test
    void theBonusPartIsInProportionToTheBalancesRoundedDown() {
        // "pay ¥1000, get ¥1200": principal 100,000, bonus 20,000. Paying ¥100 = 10,000:
        // bonus part = floor(10,000 × 20,000 ÷ 120,000) = floor(1,666.67) = 1,666; principal 8,334
        assertEquals(1_666, StoredValue.bonusPart(10_000, 100_000, 20_000));
        // the whole balance: exactly the bonus
        assertEquals(20_000, StoredValue.bonusPart(120_000, 100_000, 20_000));
        // no bonus left: nothing of it
        assertEquals(0, StoredValue.bonusPart(5_000, 50_000, 0));
        // only bonus left: all of it
        assertEquals(700, StoredValue.bonusPart(700, 0, 700));
        assertThrows(IllegalArgumentException.class, () -> StoredValue.bonusPart(120_001, 100_000, 20_000));
        // at the ceiling (¥100,000,000 each): 10^10 × 10^10 passes 2^63, and the answer is still exact
        assertEquals(5_000_000_000L, StoredValue.bonusPart(10_000_000_000L, 10_000_000_000L, 10_000_000_000L));
    }

    @Test
    void aTopUpGetsTheBonusOfTheHighestStepItReachesNotASum() {
        // ≥¥500 +¥50, ≥¥1000 +¥150
        Map<Long, Long> ladder = Map.of(50_000L, 5_000L, 100_000L, 15_000L);
        assertEquals(0, StoredValue.topupBonus(49_999, ladder));
        assertEquals(5_000, StoredValue.topupBonus(50_000, ladder));
        assertEquals(5_000, StoredValue.topupBonus(99_999, ladder));
        assertEquals(15_000, StoredValue.topupBonus(100_000, ladder)); // not 5,000 + 15,000
        assertEquals(15_000, StoredValue.topupBonus(300_000, ladder));
        assertEquals(0, StoredValue.topupBonus(300_000, Map.of()));
    }

    @Test
    void returnsInPartsGiveBackToTheCardExactlyWhatTheSaleTook() {
        // a sale of ¥100 due, ¥16.66 of it bonus: paid 8,334 (all principal), bonus 1,666
        // return ¥41.67 (4,167 of the 8,334 paid): principal floor(8,334 × 4,167 ÷ 8,334) = 4,167,
        // bonus floor(1,666 × 4,167 ÷ 8,334) = floor(833.0) = 833
        assertArrayEquals(new long[] {4_167, 833}, StoredValue.backToCard(8_334, 8_334, 1_666, 0, 4_167));
        // the rest 4,167: principal 8,334 − 4,167 = 4,167; bonus 1,666 − 833 = 833
        assertArrayEquals(new long[] {4_167, 833}, StoredValue.backToCard(8_334, 8_334, 1_666, 4_167, 4_167));
        // split: ¥50 cash + ¥30 principal (bonus 6) paid ¥80; a return of ¥40:
        // principal floor(30 × 40 ÷ 80) = 15 back to the card, bonus floor(6 × 40 ÷ 80) = 3; the other 25 in cash
        assertArrayEquals(new long[] {15, 3}, StoredValue.backToCard(80, 30, 6, 0, 40));
    }

    @Test
    void refundsOfEachKindAreWorkedFromWhatWasPaid() {
        // 10 sessions paid ¥999.99, 3 left: floor(99,999 × 3 ÷ 10) = floor(29,999.7) = 29,999
        assertEquals(29_999, CardRefunds.sessions(99_999, 3, 10));
        assertEquals(0, CardRefunds.sessions(99_999, 0, 10));
        // a 30-day pass 1–30 Nov paid ¥300, refunded on 10 Nov: the 10th counts as used, 20 days left (11–30)
        // floor(30,000 × 20 ÷ 30) = 20,000
        LocalDate from = LocalDate.of(2026, 11, 1);
        LocalDate to = LocalDate.of(2026, 11, 30);
        assertEquals(20_000, CardRefunds.period(30_000, from, to, LocalDate.of(2026, 11, 10)));
        // on its last day nothing is left; before it starts, all of it
        assertEquals(0, CardRefunds.period(30_000, from, to, to));
        assertEquals(30_000, CardRefunds.period(30_000, from, to, LocalDate.of(2026, 10, 20)));
        // a 365-day year pass paid ¥1,000 refunded after its first day: floor(100,000 × 364 ÷ 365) = 99,726
        assertEquals(99_726, CardRefunds.period(100_000, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                LocalDate.of(2026, 1, 1)));
    }
}
