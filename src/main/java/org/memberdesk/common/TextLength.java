package org.memberdesk.common;

/**
 * How long a text is as people count it: in characters (Unicode code points), not in Java's UTF-16
 * units. An emoji such as 😀 is one character to the shop but two {@code char}s to Java, so a name of
 * 26 emoji is 26 characters here, not 52. (Grapheme clusters would count a family emoji joined by
 * zero-width joiners as one; JDK 17's BreakIterator does not know those sequences, so code points are
 * the honest floor: never more than a person would count for ordinary text.)
 */
public final class TextLength {
    private TextLength() {
    }

    public static int characters(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /** Whether the text, stripped of surrounding spaces, has more than {@code limit} characters. */
    public static boolean longerThan(String text, int limit) {
        if (text == null) {
            return false;
        }
        String s = text.strip();
        // a text of at most limit chars has at most limit code points: no need to count
        return s.length() > limit && characters(s) > limit;
    }
}
