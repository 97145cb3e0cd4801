package org.memberdesk.io;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberdesk.members.MemberStore;
import org.memberdesk.members.Phones;

/** Looks up the members of a batch read ahead all at once: by number, else by phone, each with one statement. */
final class BatchMembers {
    private BatchMembers() {
    }

    /** The batch with its members looked up; a purchase whose member is not found is rejected naming it. */
    static List<CheckedPurchase> withMembers(MemberStore memberStore, Connection connection,
                                             List<CheckedPurchase> batch) throws SQLException {
        Set<String> numbers = new HashSet<>();
        for (CheckedPurchase purchase : batch) {
            if (purchase.needsMember() && purchase.memberNo != null) {
                numbers.add(purchase.memberNo);
            }
        }
        Map<String, Long> byNumber = memberStore.idsByNumber(connection, numbers);
        Set<String> phones = new HashSet<>();
        for (CheckedPurchase purchase : batch) {
            if (purchase.needsMember() && purchase.phone != null && !byNumber.containsKey(purchase.memberNo)) {
                phones.add(phoneKey(purchase.phone));
            }
        }
        Map<String, Long> byPhone = memberStore.idsByPhone(connection, phones);
        List<CheckedPurchase> resolved = new ArrayList<>(batch.size());
        for (CheckedPurchase purchase : batch) {
            if (!purchase.needsMember()) {
                resolved.add(purchase);
                continue;
            }
            Long id = purchase.memberNo == null ? null : byNumber.get(purchase.memberNo);
            if (id == null && purchase.phone != null) {
                id = byPhone.get(phoneKey(purchase.phone));
            }
            resolved.add(purchase.resolved(id == null ? -1 : id));
        }
        return resolved;
    }

    /** How a phone is stored: normalized when it can be, else as the file has it. */
    static String phoneKey(String phone) {
        return Phones.normalize(phone).orElse(phone);
    }
}
