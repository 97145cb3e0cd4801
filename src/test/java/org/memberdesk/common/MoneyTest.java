package org.memberdesk.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void finding11_decimalCommaRejected() {
        // 12,50 is twelve yuan fifty in much of Europe; main read it as 1250 yuan (125000 cents)
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("12,50"));
        assertTrue(e.getMessage().contains("decimal comma"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("3,5"));
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("¥12，50"));
        assertTrue(Money.hasDecimalComma("12,50"));
        assertFalse(Money.hasDecimalComma("1,250"));
        // thousands grouping by three stays: 1,250.00 = 125000 cents, 1,250 = 125000, 12,345,678.9 = 1234567890
        assertEquals(125_000, Money.parseYuan("1,250.00"));
        assertEquals(125_000, Money.parseYuan("1,250"));
        assertEquals(1_234_567_890, Money.parseYuan("12,345,678.9"));
        // a comma that groups by anything but three is not an amount
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("1,25.00"));
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("12,5000"));
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
