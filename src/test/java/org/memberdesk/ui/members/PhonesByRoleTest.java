package org.memberdesk.ui.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.Role;
import org.memberdesk.tags.RuleService;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.tags.SegmentsViewModel;

/** Issue 18 item 6: full phone numbers on screen for the owner only, whatever the view. */
class PhonesByRoleTest {
    @TempDir
    Path folder;
    private UiContext context;
    private Member wang;
    private Actor cashier;
    private Actor manager;

    @BeforeEach
    void setUp() {
        context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        wang = context.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        cashier = new Actor(context.app().staff().add("小王", Role.CASHIER, "1234").id(), "小王", Role.CASHIER);
        manager = new Actor(context.app().staff().add("李姐", Role.MANAGER, "5678").id(), "李姐", Role.MANAGER);
    }

    @Test
    void finding6_aCashierOrManagerCannotRevealThePhoneTheOwnerCan() {
        for (Actor actor : List.of(cashier, manager)) {
            context.app().session().become(actor);
            MemberDetailViewModel detail = MembersScreen.detailModel(context);
            detail.show(wang.id());
            assertFalse(detail.mayRevealPhone());
            detail.phoneRevealedProperty().set(true); // even if the toggle were reached
            assertEquals("138****1234", detail.phoneShown().get(), actor.name());
        }
        context.app().session().become(Actor.commandLine("boss"));
        MemberDetailViewModel detail = MembersScreen.detailModel(context);
        detail.show(wang.id());
        assertTrue(detail.mayRevealPhone());
        assertEquals("138****1234", detail.phoneShown().get(), "masked until revealed");
        detail.phoneRevealedProperty().set(true);
        assertEquals("13812341234", detail.phoneShown().get());
    }

    @Test
    void finding6_aManagerEditsAMemberSeeingThePhoneMaskedAndKeepsItUnlessANewOneIsTyped() {
        context.app().session().become(manager);
        List<Member> saved = new ArrayList<>();
        MemberFormViewModel form = MemberFormDialog.model(context, wang);
        assertEquals("138****1234", form.phoneProperty().get());
        form.nameProperty().set("王芳芳");
        form.save(saved::add);
        assertEquals("王芳芳", saved.get(0).name());
        assertEquals("13812341234", saved.get(0).phone(), "the stored number is kept");

        MemberFormViewModel again = MemberFormDialog.model(context, saved.get(0));
        again.phoneProperty().set("13912345678");
        again.save(saved::add);
        assertEquals("13912345678", saved.get(1).phone());
    }

    @Test
    void finding6_theSegmentPreviewShowsPhonesAsTheRoleMay() {
        SegmentsViewModel segments = org.memberdesk.ui.tags.SegmentsModels.segments(context);
        RuleService.MatchedMember row = new RuleService.MatchedMember(wang.id(), wang.memberNo(), "王芳",
                "13812341234", null, 0, 0, null);
        context.app().session().become(cashier);
        assertEquals("138****1234", segments.phoneShown(row));
        context.app().session().become(manager);
        assertEquals("138****1234", segments.phoneShown(row));
        context.app().session().become(Actor.commandLine("boss"));
        assertEquals("13812341234", segments.phoneShown(row));
    }
}
