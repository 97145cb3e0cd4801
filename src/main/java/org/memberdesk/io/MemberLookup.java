package org.memberdesk.io;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.memberdesk.members.MemberStore;

/** Finds members by number, then phone, remembering the last one: purchase files come grouped by member. */
final class MemberLookup {
    private final MemberStore memberStore;
    private final PreparedStatement byNumber;
    private final PreparedStatement byPhone;
    private String lastKey;
    private long lastId = -1;

    MemberLookup(MemberStore memberStore, PreparedStatement byNumber, PreparedStatement byPhone) {
        this.memberStore = memberStore;
        this.byNumber = byNumber;
        this.byPhone = byPhone;
    }

    long find(String memberNo, String phone) throws SQLException {
        String key = memberNo != null ? "#" + memberNo : "+" + phone;
        if (key.equals(lastKey) && lastId >= 0) {
            return lastId;
        }
        long id = -1;
        if (memberNo != null) {
            id = memberStore.idByNumber(byNumber, memberNo);
        }
        if (id < 0 && phone != null) {
            id = memberStore.idByNumber(byPhone, BatchMembers.phoneKey(phone));
        }
        lastKey = key;
        lastId = id;
        return id;
    }
}
