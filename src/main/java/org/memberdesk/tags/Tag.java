package org.memberdesk.tags;

/**
 * A tag: manual (put on members by hand) or a rule tag (holds exactly the members its rule matches at
 * its last refresh). {@code refreshedAt} is null for a manual tag and for a rule tag never refreshed.
 */
public record Tag(long id, String name, String rule, String createdAt, String refreshedAt, long members) {
    public boolean isRuleTag() {
        return rule != null;
    }
}
