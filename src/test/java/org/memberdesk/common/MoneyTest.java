package org.memberdesk.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void parsesYuanAsShopsWriteIt() {
        assertEquals(1250, Money.parseYuan("12.50"));
        assertEquals(1250, Money.parseYuan("12.5"));
        assertEquals(1200, Money.parseYuan("12"));
        assertEquals(5, Money.parseYuan("0.05"));
        assertEquals(-320, Money.parseYuan("-3.20"));
        assertEquals(128_000, Money.parseYuan("¥1,280.00"));
        assertEquals(50, Money.parseYuan(".5"));
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("abc"));
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("1.234"));
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan(""));
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("-"));
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("1e3"));
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("12.5.0"));
    }

    @Test
    void formatsSoThatItParsesBack() {
        assertEquals("12.50", Money.formatYuan(1250));
        assertEquals("-0.05", Money.formatYuan(-5));
        assertEquals("0.00", Money.formatYuan(0));
        assertEquals("¥1,280.00", Money.display(128_000));
        for (long cents : new long[] {0, 1, 99, 100, 123_456_789, -1, -100_001}) {
            assertEquals(cents, Money.parseYuan(Money.formatYuan(cents)));
        }
    }
}
