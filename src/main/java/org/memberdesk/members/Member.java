package org.memberdesk.members;

/**
 * A stored member: its row id, what was entered about it, whether it is archived, its purchase
 * statistics, and its points balance and current tier (null before the first tier review).
 */
public record Member(long id, MemberDetails details, boolean archived, MemberStats stats, long points, String tier) {

    public String memberNo() {
        return details.memberNo();
    }

    public String name() {
        return details.name();
    }

    public String phone() {
        return details.phone();
    }
}
