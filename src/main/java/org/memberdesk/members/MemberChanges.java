package org.memberdesk.members;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A member's new or changed fields as the operation log says them: short, in English, "field: before → after",
 * phone numbers masked (the log is read by managers, who do not see full numbers).
 */
final class MemberChanges {
    /** Longer values (a note) are cut: the log says what changed, the member's page holds the text. */
    private static final int MOST_CHARS = 24;

    private MemberChanges() {
    }

    /** A member signed up: "王芳, 138****1234" (no phone: the name alone). */
    static String added(MemberDetails member) {
        return member.phone() == null ? member.name() : member.name() + ", " + Phones.mask(member.phone());
    }

    /** The fields that differ: "name: 王芳 → 王芳芳; phone: 138****1234 → 139****5678". */
    static String between(MemberDetails before, MemberDetails after) {
        List<String> changes = new ArrayList<>();
        field(changes, "member no", before.memberNo(), after.memberNo());
        field(changes, "name", before.name(), after.name());
        field(changes, "phone", masked(before.phone()), masked(after.phone()));
        field(changes, "gender", before.gender() == null ? null : before.gender().code(),
                after.gender() == null ? null : after.gender().code());
        field(changes, "birthday", text(before.birthday()), text(after.birthday()));
        field(changes, "join date", text(before.joinDate()), text(after.joinDate()));
        field(changes, "channel", before.channel(), after.channel());
        field(changes, "referrer", before.referrerNo(), after.referrerNo());
        field(changes, "notes", before.notes(), after.notes());
        if (!before.customFields().equals(after.customFields())) {
            changes.add("other fields changed");
        }
        return String.join("; ", changes);
    }

    private static void field(List<String> changes, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(name + ": " + shown(before) + " → " + shown(after));
        }
    }

    private static String masked(String phone) {
        return phone == null ? null : Phones.mask(phone);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String shown(String value) {
        if (value == null || value.isEmpty()) {
            return "(none)";
        }
        return value.codePointCount(0, value.length()) <= MOST_CHARS ? value
                : value.substring(0, value.offsetByCodePoints(0, MOST_CHARS)) + "…";
    }
}
