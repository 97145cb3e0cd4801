package org.memberdesk.io;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.io.MemberImporter.Rejection;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberListener;
import org.memberdesk.members.MemberService;
import org.memberdesk.members.MemberStore;

/**
 * {@code import-members --update}: a row that names a member already stored (by member number; a row without one,
 * by phone — as the import tells duplicates) gives that member the file's values. A cell left empty keeps the
 * stored value; custom columns add to or replace the member's own, one by one. The change goes through
 * {@link MemberService#change}, the path of the member form, so whatever hangs off a member's fields (rule tags)
 * hears of it in the same transaction.
 */
final class MemberUpdates {
    enum Outcome { UPDATED, UNCHANGED, REJECTED }

    private final MemberService members;
    private final MemberStore store;

    MemberUpdates(MemberService members, MemberStore store) {
        this.members = members;
        this.store = store;
    }

    /** The stored member the row names, or null when it names none (then it is a new member, as without --update). */
    Member existing(Connection connection, MemberDetails given) throws SQLException {
        return stored(store, connection, members.normalized(given));
    }

    /**
     * The stored member a normalized row names, as the import tells duplicates: by member number; a row without one,
     * by phone. Null when it names none. One rule for {@code --update} and the wizard's check.
     */
    static Member stored(MemberStore store, Connection connection, MemberDetails normalized) throws SQLException {
        if (normalized.memberNo() != null) {
            return store.findByNumber(connection, normalized.memberNo()).orElse(null);
        }
        return normalized.phone() == null ? null : store.findByPhone(connection, normalized.phone()).orElse(null);
    }

    /** Gives {@code stored} the row's values; a row whose values cannot be stored is rejected with its reasons. */
    Outcome apply(Connection connection, MemberListener.Session session, Member stored, MemberDetails given,
                  ImportRow row, List<Rejection> rejections) throws SQLException {
        MemberDetails member = members.normalized(overlay(stored.details(), given));
        List<Problem> problems = members.check(member);
        if (problems.isEmpty()) {
            try {
                return members.change(connection, session, stored, member) ? Outcome.UPDATED : Outcome.UNCHANGED;
            } catch (ValidationException e) {
                problems = e.problems().stream().map(p -> "phone".equals(p.field())
                        ? Problem.of("phone", "import.member.updatePhoneTaken", member.phone(), p.args().get(0),
                                stored.memberNo())
                        : p).toList();
            }
        }
        for (Problem problem : problems) {
            rejections.add(new Rejection(row.line(), problem.field(), problem, row.values()));
        }
        return Outcome.REJECTED;
    }

    /** The stored member with every value the row gives; the member number stays the stored one. */
    private static MemberDetails overlay(MemberDetails stored, MemberDetails given) {
        Map<String, String> custom = new LinkedHashMap<>(stored.customFields());
        custom.putAll(given.customFields()); // only the row's non-empty custom cells are in it
        return new MemberDetails(stored.memberNo(), or(given.name(), stored.name()), or(given.phone(), stored.phone()),
                or(given.gender(), stored.gender()), or(given.birthday(), stored.birthday()),
                or(given.joinDate(), stored.joinDate()), or(given.channel(), stored.channel()),
                or(given.referrerNo(), stored.referrerNo()), or(given.notes(), stored.notes()), custom);
    }

    private static <T> T or(T given, T stored) {
        return given != null ? given : stored;
    }
}
