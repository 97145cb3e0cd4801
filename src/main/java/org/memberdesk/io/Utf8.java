package org.memberdesk.io;

/** Strict UTF-8 checks on raw bytes, as fast as a byte loop: no decoding, no allocation. */
final class Utf8 {
    /** A line of bytes: not valid UTF-8. */
    static final int INVALID = -1;
    /** A line of bytes: plain ASCII, the same text in UTF-8 and GBK. */
    static final int ASCII = 0;
    /** A line of bytes: valid UTF-8 with at least one character beyond ASCII. */
    static final int WIDE = 1;

    private Utf8() {
    }

    /**
     * What the bytes {@code [from, to)} are: {@link #INVALID}, {@link #ASCII} or {@link #WIDE}. Follows the
     * Unicode standard's table of well-formed sequences (no overlong forms, no surrogates, nothing past
     * U+10FFFF), like Java's strict decoder.
     */
    static int kind(byte[] bytes, int from, int to) {
        int kind = ASCII;
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            kind = WIDE;
            int need;
            int low = 0x80;
            int high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return INVALID;
            }
            if (i + need >= to) { // the sequence is cut off by the end of the line
                return INVALID;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < low || second > high) {
                return INVALID;
            }
            for (int k = 2; k <= need; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return INVALID;
                }
            }
            i += need + 1;
        }
        return kind;
    }
}
