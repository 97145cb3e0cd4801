package org.memberdesk.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CouponCodesTest {
    @Test
    void aMillionCodesAreDistinctAndWellFormed() {
        Set<String> codes = CouponCodes.distinct(1_000_000, new SplittableRandom(42));
        assertEquals(1_000_000, codes.size());
        for (String code : codes) {
            assertEquals(CouponCodes.Check.OK, CouponCodes.check(code), code);
        }
    }

    @Test
    void theAlphabetHasNoLookAlikes() {
        assertEquals(32, CouponCodes.ALPHABET.length());
        for (char c : "0O1I".toCharArray()) {
            assertTrue(CouponCodes.ALPHABET.indexOf(c) < 0, "look-alike " + c);
        }
        assertEquals(32, CouponCodes.ALPHABET.chars().distinct().count());
    }

    @Test
    void everySingleCharacterSubstitutionIsCaught() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 2_000; n++) {
            String code = CouponCodes.next(random);
            for (int position = 0; position < code.length(); position++) {
                for (char other : CouponCodes.ALPHABET.toCharArray()) {
                    if (other == code.charAt(position)) {
                        continue;
                    }
                    String typo = code.substring(0, position) + other + code.substring(position + 1);
                    assertEquals(CouponCodes.Check.TYPO, CouponCodes.check(typo), code + " → " + typo);
                }
            }
        }
    }

    @Test
    void aKnownCodeHasItsHandComputedCheckCharacter() {
        // body "2222222": every value is 0, so the sum is 0 and the check is ALPHABET[0] = '2'
        assertEquals('2', CouponCodes.checkCharacter("2222222"));
        // body "2222223": rightmost value 1 is doubled → 2; check = (32 − 2) mod 32 = 30 → 'Y'
        assertEquals('Y', CouponCodes.checkCharacter("2222223"));
        // body "222222Z": Z = 31, doubled 62 = 1·32 + 30 → digits sum 1 + 30 = 31; check = 1 → '3'
        assertEquals('3', CouponCodes.checkCharacter("222222Z"));
    }

    @Test
    void typedCodesAreNormalizedAndMalformedOnesRefused() {
        String code = CouponCodes.next(new SplittableRandom(3));
        String typed = " " + code.substring(0, 4).toLowerCase() + "-" + code.substring(4) + " ";
        assertEquals(code, CouponCodes.normalize(typed));
        assertEquals(CouponCodes.Check.MALFORMED, CouponCodes.check("ABC"));
        assertEquals(CouponCodes.Check.MALFORMED, CouponCodes.check("ABCDEFG0"));   // 0 is never in a code
        assertEquals(CouponCodes.Check.MALFORMED, CouponCodes.check(code + "2"));
    }
}
