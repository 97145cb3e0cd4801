package org.memberdesk.members;

import java.time.LocalDate;

/**
 * A search over members as the members screen asks it: free text (name prefix, member number
 * prefix, full phone or its last four digits), a channel, a join-date range, and an order.
 */
public record MemberQuery(
        String text,
        String channel,
        LocalDate joinedFrom,
        LocalDate joinedTo,
        boolean includeArchived,
        Sort sort,
        boolean ascending) {

    public enum Sort { MEMBER_NO, NAME, JOIN_DATE, LAST_PURCHASE, SPENT, PURCHASES }

    public static MemberQuery all() {
        return new MemberQuery(null, null, null, null, false, Sort.MEMBER_NO, true);
    }

    public MemberQuery withText(String newText) {
        return new MemberQuery(newText, channel, joinedFrom, joinedTo, includeArchived, sort, ascending);
    }

    public MemberQuery withChannel(String newChannel) {
        return new MemberQuery(text, newChannel, joinedFrom, joinedTo, includeArchived, sort, ascending);
    }

    public MemberQuery withJoined(LocalDate from, LocalDate to) {
        return new MemberQuery(text, channel, from, to, includeArchived, sort, ascending);
    }

    public MemberQuery sortedBy(Sort newSort, boolean newAscending) {
        return new MemberQuery(text, channel, joinedFrom, joinedTo, includeArchived, newSort, newAscending);
    }

    public MemberQuery withArchived(boolean include) {
        return new MemberQuery(text, channel, joinedFrom, joinedTo, include, sort, ascending);
    }
}
