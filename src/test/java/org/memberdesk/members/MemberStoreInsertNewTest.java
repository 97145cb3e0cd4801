package org.memberdesk.members;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;

/** The import's multi-row member insert: the same members as one insert per row, in file order. */
@BothEngines
class MemberStoreInsertNewTest {
    @TempDir
    Path folder;

    @Test
    void storesNewMembersInOrderAndSkipsTakenNumbersAndPhones() {
        AppContext app = TestDatabase.open(folder);
        app.members().add(TestDatabase.member("M1", "已有", "13800000001"));
        List<MemberDetails> file = new ArrayList<>();
        file.add(TestDatabase.member("M2", "甲", "13800000002"));
        file.add(TestDatabase.member("M1", "号码已有", "13800000099"));     // number stored before
        file.add(TestDatabase.member("M3", "手机已有", "13800000001"));     // phone stored before
        file.add(TestDatabase.member("M4", "乙", null));
        file.add(TestDatabase.member("M2", "本文件重号", "13800000098"));   // number of a row above
        file.add(TestDatabase.member("M5", "本文件重机", "13800000002"));   // phone of a row above
        for (int i = 6; i < 400; i++) {                                   // past one statement's rows
            file.add(TestDatabase.member("M" + i, "会员" + i, String.format("139%08d", i)));
        }
        List<String> told = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        MemberStore store = new MemberStore();
        int stored = app.database().write(connection -> store.insertNew(connection, file, (id, member) -> {
            told.add(member.memberNo() + " " + member.name());
            ids.add(id);
        }));
        assertEquals(2 + 394, stored);
        assertEquals(stored, told.size());
        assertEquals(List.of("M2 甲", "M4 乙", "M6 会员6"), told.subList(0, 3));
        assertEquals("M399 会员399", told.get(told.size() - 1));
        for (int i = 1; i < ids.size(); i++) {
            assertEquals(ids.get(i - 1) + 1, ids.get(i), "ids follow the file's order");
        }
        assertEquals(Integer.valueOf(1 + stored), app.database().read(connection -> {
            try (var statement = connection.createStatement();
                 var rs = statement.executeQuery("SELECT count(*) FROM members")) {
                rs.next();
                return rs.getInt(1);
            }
        }));
    }
}
