package org.memberdesk.coupons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ControlGroupTest {
    private static final long[] MEMBERS = LongStream.rangeClosed(1, 1_000).toArray();

    @Test
    void theSameSeedGivesTheSameSplitWhateverTheInputOrder() {
        long[] reversed = LongStream.rangeClosed(1, 1_000).map(i -> 1_001 - i).toArray();
        ControlGroup.Split first = ControlGroup.split(MEMBERS, 10, 99);
        ControlGroup.Split again = ControlGroup.split(reversed, 10, 99);
        assertArrayEquals(first.control(), again.control());
        assertArrayEquals(first.treatment(), again.treatment());
        ControlGroup.Split other = ControlGroup.split(MEMBERS, 10, 100);
        assertFalse(Arrays.equals(first.control(), other.control()), "another seed, another group");
    }

    @Test
    void sizesAreThePercentageRoundedHalfUp() {
        assertEquals(100, ControlGroup.split(MEMBERS, 10, 1).control().length);   // 1000 × 10 % = 100
        assertEquals(2, ControlGroup.size(15, 10));    // 1.5 → 2
        assertEquals(1, ControlGroup.size(14, 10));    // 1.4 → 1
        assertEquals(0, ControlGroup.size(4, 10));     // 0.4 → 0
        assertEquals(0, ControlGroup.size(1_000, 0));
        assertEquals(333, ControlGroup.size(1_111, 30));   // 333.3 → 333
    }

    @Test
    void everyMemberIsOnExactlyOneSide() {
        ControlGroup.Split split = ControlGroup.split(MEMBERS, 25, 5);
        Set<Long> seen = new HashSet<>();
        for (long id : split.control()) {
            seen.add(id);
        }
        for (long id : split.treatment()) {
            assertFalse(seen.contains(id));
            seen.add(id);
        }
        assertEquals(1_000, seen.size());
        assertEquals(250, split.control().length);
    }

    @Test
    void theControlGroupIsSpreadAcrossTheList() {
        // a shuffle, not the first N: with 50 % held back, both halves of the id range are about half control
        ControlGroup.Split split = ControlGroup.split(MEMBERS, 50, 11);
        long low = Arrays.stream(split.control()).filter(id -> id <= 500).count();
        assertEquals(250, low, 40);
    }
}
