package org.memberdesk.ui.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

class MemberFormViewModelTest {
    @TempDir
    Path folder;
    private UiContext context;
    private final List<Member> saved = new ArrayList<>();

    @BeforeEach
    void setUp() {
        context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
    }

    @Test
    void problemsShowOnceAFieldIsEditedOrSaveIsTried() {
        MemberFormViewModel form = MemberFormDialog.model(context, null);
        assertEquals(Optional.empty(), form.problem("name"));
        form.phoneProperty().set("1381234");
        assertEquals(Optional.of("Not a valid mobile number: 1381234"), form.problem("phone"));
        assertEquals(Optional.empty(), form.problem("name"));
        form.save(saved::add);
        assertEquals(Optional.of("Name is missing"), form.problem("name"));
        assertTrue(saved.isEmpty());
        assertEquals(0, context.app().members().count(MemberQuery.all()));
    }

    @Test
    void aValidMemberIsStoredWithAGeneratedNumber() {
        MemberFormViewModel form = MemberFormDialog.model(context, null);
        form.nameProperty().set(" 张伟 ");
        form.phoneProperty().set("138 0000 1111");
        form.save(saved::add);
        assertEquals(1, saved.size());
        assertEquals("张伟", saved.get(0).name());
        assertEquals("13800001111", saved.get(0).phone());
        assertEquals("M00000001", saved.get(0).memberNo());
        assertEquals(TestContext.NOW.toLocalDate(), saved.get(0).details().joinDate());
    }

    @Test
    void aTakenPhoneIsReportedOnThePhoneField() {
        MemberFormViewModel first = MemberFormDialog.model(context, null);
        first.nameProperty().set("王芳");
        first.phoneProperty().set("13800001111");
        first.save(saved::add);
        MemberFormViewModel second = MemberFormDialog.model(context, null);
        second.nameProperty().set("李娜");
        second.phoneProperty().set("13800001111");
        second.save(saved::add);
        assertEquals(1, saved.size());
        assertEquals(Optional.of("This phone number belongs to member M00000001 (王芳)"), second.problem("phone"));
        // editing the phone clears the stored problem until the next save
        second.phoneProperty().set("13800002222");
        assertEquals(Optional.empty(), second.problem("phone"));
        second.save(saved::add);
        assertEquals(2, saved.size());
    }

    @Test
    void editingKeepsTheNumberAndChangesTheFields() {
        MemberFormViewModel add = MemberFormDialog.model(context, null);
        add.nameProperty().set("王芳");
        add.save(saved::add);
        MemberFormViewModel edit = MemberFormDialog.model(context, saved.get(0));
        edit.nameProperty().set("王芳芳");
        edit.save(saved::add);
        assertEquals("王芳芳", context.app().members().byNumber("M00000001").orElseThrow().name());
    }
}
