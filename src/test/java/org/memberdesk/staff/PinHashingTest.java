package org.memberdesk.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** PINs are kept as salted slow hashes: never the PIN, a new salt each time, and a stored string checked safely. */
class PinHashingTest {
    /** The real work factor for the one test that shows it; the rest use fewer rounds to stay quick. */
    private static final PinHashing REAL = new PinHashing();
    private static final PinHashing QUICK = new PinHashing(new SecureRandom(), 1_000);

    @Test
    void aHashIsNotThePinAndNamesItsWorkFactor() {
        String stored = REAL.hash("1234");
        assertFalse(stored.contains("1234"), stored);
        String[] parts = stored.split("\\$");
        assertEquals(4, parts.length, stored);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("600000", parts[1]);
        assertTrue(REAL.matches("1234", stored));
        assertFalse(REAL.matches("1235", stored));
    }

    @Test
    void twoHashesOfOnePinDifferBecauseEachHasItsOwnSalt() {
        String first = QUICK.hash("2468");
        String second = QUICK.hash("2468");
        assertNotEquals(first, second);
        assertNotEquals(first.split("\\$")[2], second.split("\\$")[2]);
        assertTrue(QUICK.matches("2468", first));
        assertTrue(QUICK.matches("2468", second));
    }

    @Test
    void theRightPinMatchesAndEveryOtherDoesNot() {
        String stored = QUICK.hash("080808");
        assertTrue(QUICK.matches("080808", stored));
        assertFalse(QUICK.matches("80808", stored));
        assertFalse(QUICK.matches("0808080", stored));
        assertFalse(QUICK.matches("", stored));
        assertFalse(QUICK.matches(null, stored));
        // a hash made with other rounds is still checked by the rounds it names
        assertTrue(REAL.matches("080808", stored));
    }

    @Test
    void aMalformedStoredStringMatchesNothingAndThrowsNothing() {
        String good = QUICK.hash("1234");
        String[] parts = good.split("\\$");
        for (String stored : new String[] {null, "", "1234", "pbkdf2-sha256", "pbkdf2-sha256$1000$abc",
                "bcrypt$1000$" + parts[2] + "$" + parts[3],
                "pbkdf2-sha256$many$" + parts[2] + "$" + parts[3],
                "pbkdf2-sha256$0$" + parts[2] + "$" + parts[3],
                "pbkdf2-sha256$-5$" + parts[2] + "$" + parts[3],
                "pbkdf2-sha256$1000$$" + parts[3],
                "pbkdf2-sha256$1000$" + parts[2] + "$",
                "pbkdf2-sha256$1000$not*base64!$" + parts[3],
                "pbkdf2-sha256$1000$" + parts[2] + "$not*base64!",
                good + "$extra"}) {
            assertFalse(QUICK.matches("1234", stored), String.valueOf(stored));
        }
    }

    @Test
    void aPinIsFourToSixPlainDigits() {
        for (String pin : new String[] {"1234", "00000", "987654"}) {
            assertTrue(PinHashing.isValidPin(pin), pin);
        }
        for (String pin : new String[] {null, "", "123", "1234567", "12a4", "12 34", " 1234", "1234\n", "-123",
                "１２３４", "١٢٣٤", "12.4"}) {
            assertFalse(PinHashing.isValidPin(pin), String.valueOf(pin));
        }
    }
}
