package org.memberdesk.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;

@BothEngines
class MemberServiceTest {
    @TempDir
    Path folder;
    MemberService members;

    @BeforeEach
    void open() {
        AppContext app = TestDatabase.open(folder);
        members = app.members();
    }

    static MemberDetails member(String number, String name, String phone) {
        return TestDatabase.member(number, name, phone);
    }

    @Test
    void generatesMemberNumbersAndNormalizesPhones() {
        Member first = members.add(member(null, " 王芳 ", "+86 138-1234-5678"));
        Member second = members.add(member("", "李娜", "13900001111"));
        assertEquals("M00000001", first.memberNo());
        assertEquals("M00000002", second.memberNo());
        assertEquals("王芳", first.name());
        assertEquals("13812345678", first.phone());
    }

    @Test
    void generatedNumbersSkipNumbersAlreadyTaken() {
        members.add(member("M00000001", "王芳", "13812345678"));
        assertEquals("M00000002", members.add(member(null, "李娜", "13900001111")).memberNo());
    }

    @Test
    void reportsEveryProblemPerField() {
        ValidationException e = assertThrows(ValidationException.class, () -> members.add(
                new MemberDetails(null, "", "12345", null, LocalDate.of(2030, 1, 1), LocalDate.of(2027, 1, 1),
                        null, null, null, Map.of())));
        List<String> fields = e.problems().stream().map(Problem::field).toList();
        assertEquals(List.of("name", "phone", "birthday", "join_date"), fields);
        assertEquals(0, members.count(MemberQuery.all()));
    }

    @Test
    void aPhoneBelongsToOneMember() {
        members.add(member("A1", "王芳", "13812345678"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> members.add(member("A2", "李娜", "138 1234 5678")));
        assertEquals("phone", e.problems().get(0).field());
        assertEquals("member.phone.taken", e.problems().get(0).key());
        assertEquals(1, members.count(MemberQuery.all()));
    }

    @Test
    void updateKeepsIdentityAndRefusesAnotherMembersPhone() {
        Member a = members.add(member("A1", "王芳", "13812345678"));
        members.add(member("A2", "李娜", "13900001111"));
        Member renamed = members.update(a.id(), member("A1", "王芳芳", "13812345678"));
        assertEquals("王芳芳", renamed.name());
        assertThrows(ValidationException.class, () -> members.update(a.id(), member("A1", "王芳", "13900001111")));
    }

    @Test
    void archivedMembersLeaveTheListButKeepTheirRecord() {
        Member a = members.add(member("A1", "王芳", "13812345678"));
        members.add(member("A2", "李娜", "13900001111"));
        members.archive(a.id(), true);
        assertEquals(1, members.count(MemberQuery.all()));
        assertEquals(2, members.count(MemberQuery.all().withArchived(true)));
        assertTrue(members.byId(a.id()).orElseThrow().archived());
    }

    @Test
    void searchFindsByNamePrefixNumberPrefixFullPhoneAndLastFourDigits() {
        members.add(member("A100", "王芳", "13812345678"));
        members.add(member("A200", "王小明", "13900005678"));
        members.add(member("B300", "李娜", "13700001111"));
        assertEquals(2, members.count(MemberQuery.all().withText("王")));
        assertEquals(1, members.count(MemberQuery.all().withText("王小")));
        assertEquals(2, members.count(MemberQuery.all().withText("a")), "member number prefix, any case");
        assertEquals(2, members.count(MemberQuery.all().withText("5678")), "last four digits");
        assertEquals(1, members.count(MemberQuery.all().withText("13700001111")));
        assertEquals(0, members.count(MemberQuery.all().withText("张")));
        List<Member> page = members.search(MemberQuery.all().sortedBy(MemberQuery.Sort.NAME, true), 1, 1);
        assertEquals(1, page.size());
        assertEquals("王小明", page.get(0).name(), "names sort by code point: 李 < 王小明 < 王芳");
    }

    @Test
    void filtersByChannelAndJoinDate() {
        members.add(member("A1", "王芳", "13812345678"));
        members.add(new MemberDetails("A2", "李娜", null, null, null, LocalDate.of(2025, 6, 1), "抖音", null, null,
                Map.of()));
        assertEquals(1, members.count(MemberQuery.all().withChannel("抖音")));
        assertEquals(1, members.count(MemberQuery.all().withJoined(LocalDate.of(2026, 1, 1), null)));
        assertEquals(List.of("抖音", "门店"), members.channels());
    }

    @Test
    void countersFindMembersByNumberOrPhone() {
        members.add(member("M00000042", "王芳", "13812345678"));
        assertTrue(members.byNumberOrPhone("m00000042").isPresent());
        assertTrue(members.byNumberOrPhone("138 1234 5678").isPresent());
        assertFalse(members.byNumberOrPhone("13812345679").isPresent());
    }

    @Test
    void phonesAreMaskedForLists() {
        assertEquals("138****5678", Phones.mask("13812345678"));
        assertEquals("", Phones.mask(null));
        assertTrue(Phones.normalize("12812345678").isEmpty(), "no mobile number starts with 12");
        assertTrue(Phones.normalize("1381234567").isEmpty(), "ten digits");
    }
}
