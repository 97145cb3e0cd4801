package org.memberdesk.members;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a person can type or a file can bring about a member. A blank member number means
 * "generate one"; custom fields are the columns a file had beyond the standard ones.
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
        Map<String, String> customFields) {

    public MemberDetails {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    public MemberDetails withMemberNo(String number) {
        return new MemberDetails(number, name, phone, gender, birthday, joinDate, channel, referrerNo, notes,
                customFields);
    }

    public MemberDetails withPhone(String normalizedPhone) {
        return new MemberDetails(memberNo, name, normalizedPhone, gender, birthday, joinDate, channel, referrerNo,
                notes, customFields);
    }
}
