package org.memberdesk.common;

/**
 * A count with its noun in English, for the text that is always English (the operation log's summaries, the
 * command line's lines): "1 member", "2 members", "0 members". Text shown in the windows goes through the bundles'
 * choice formats instead.
 */
public final class Counted {
    private Counted() {
    }

    /** A noun whose plural adds "s" (member, coupon, row, day, card, session). */
    public static String of(long count, String one) {
        return of(count, one, one + "s");
    }

    public static String of(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
