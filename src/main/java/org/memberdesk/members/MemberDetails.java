package org.memberdesk.members;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a person can type or a file can bring about a member. A blank member number means
 * "generate one"; custom fields are the columns a file had beyond the standard ones. The store (门店) is where a
 * new member joins: null means this computer's store (filled in when stored); a file's store column names another.
 * It is only read when a member is added: a member's store is where they joined, no edit or update moves them.
 */
public record MemberDetails(
        String memberNo,
        String name,
        String phone,
        Gender gender,
        LocalDate birthday,
        LocalDate joinDate,
        String channel,
        String referrerNo,
        String notes,
        Map<String, String> customFields,
        Long storeId) {

    public MemberDetails {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** A member joining at this computer's store. */
    public MemberDetails(String memberNo, String name, String phone, Gender gender, LocalDate birthday,
                         LocalDate joinDate, String channel, String referrerNo, String notes,
                         Map<String, String> customFields) {
        this(memberNo, name, phone, gender, birthday, joinDate, channel, referrerNo, notes, customFields, null);
    }

    public MemberDetails withMemberNo(String number) {
        return new MemberDetails(number, name, phone, gender, birthday, joinDate, channel, referrerNo, notes,
                customFields, storeId);
    }

    public MemberDetails withPhone(String normalizedPhone) {
        return new MemberDetails(memberNo, name, normalizedPhone, gender, birthday, joinDate, channel, referrerNo,
                notes, customFields, storeId);
    }

    /** The same member joining at {@code store} (null: this computer's store). */
    public MemberDetails atStore(Long store) {
        return new MemberDetails(memberNo, name, phone, gender, birthday, joinDate, channel, referrerNo, notes,
                customFields, store);
    }
}
