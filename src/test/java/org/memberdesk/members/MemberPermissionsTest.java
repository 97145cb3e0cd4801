package org.memberdesk.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.LogEntry;
import org.memberdesk.staff.LogFilter;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/** Issue 18: members are added by a cashier, edited and archived by a manager, and each is one log entry. */
@BothEngines
class MemberPermissionsTest {
    @TempDir
    Path folder;
    AppContext app;
    Actor cashier;
    Actor manager;
    final Actor owner = Actor.commandLine("boss");

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        // acting as them directly: a PIN check costs ~0.3 s and is the staff package's own test
        cashier = new Actor(app.staff().add("小王", Role.CASHIER, "1234").id(), "小王", Role.CASHIER);
        manager = new Actor(app.staff().add("李姐", Role.MANAGER, "5678").id(), "李姐", Role.MANAGER);
    }

    @Test
    void finding1_aCashierSignsAMemberUpLoggedWithTheMaskedPhoneButMayNotEditOrArchive() {
        app.session().become(cashier);
        Member wang = app.members().add(TestDatabase.member(null, "王芳", "13812341234"));

        NotAllowedException edit = assertThrows(NotAllowedException.class, () -> app.members().update(wang.id(),
                TestDatabase.member(wang.memberNo(), "王芳芳", "13912345678")));
        assertEquals("staff.refused", edit.textKey());
        assertThrows(NotAllowedException.class, () -> app.members().archive(wang.id(), true));

        app.session().become(owner);
        Member kept = app.members().byId(wang.id()).orElseThrow();
        assertEquals("王芳", kept.name());
        assertEquals("13812341234", kept.phone());
        assertFalse(kept.archived());
        List<LogEntry> log = entries();
        assertEquals(1, log.size(), "the refusals wrote nothing");
        LogEntry added = log.get(0);
        assertEquals("member-add", added.action());
        assertEquals("小王", added.staffName());
        assertEquals(wang.id(), added.memberId());
        assertEquals("M00000001", added.subject());
        assertEquals("王芳, 138****1234", added.summary());
    }

    @Test
    void finding2_aManagerEditsAndArchivesEachLoggedWithWhatChangedPhonesMasked() {
        Member wang = app.members().add(TestDatabase.member(null, "王芳", "13812341234"));
        app.session().become(manager);
        app.members().update(wang.id(), TestDatabase.member(wang.memberNo(), "王芳芳", "13912345678"));
        // the same details again change nothing and log nothing
        app.members().update(wang.id(), TestDatabase.member(wang.memberNo(), "王芳芳", "13912345678"));
        app.members().archive(wang.id(), true);
        app.members().archive(wang.id(), false);

        app.session().become(owner);
        List<LogEntry> log = entries(); // newest first
        assertEquals(List.of("member-archive", "member-archive", "member-edit", "member-add"),
                log.stream().map(LogEntry::action).toList());
        assertEquals("name: 王芳 → 王芳芳; phone: 138****1234 → 139****5678", log.get(2).summary());
        assertEquals("李姐", log.get(2).staffName());
        assertEquals("active → archived", log.get(1).summary());
        assertEquals("archived → active", log.get(0).summary());
        assertEquals("13912345678", app.members().byId(wang.id()).orElseThrow().phone());
    }

    @Test
    void finding1_nobodySignedInFindsNoOne() {
        app.members().add(TestDatabase.member(null, "王芳", "13812341234"));
        app.session().become(Actor.NOBODY);
        assertThrows(NotAllowedException.class, () -> app.members().byNumberOrPhone("13812341234"));
        assertThrows(NotAllowedException.class, () -> app.members().search(MemberQuery.all(), 0, 10));
        app.session().become(cashier);
        // a cashier finds members by the full phone they type, and the list by its search box
        assertTrue(app.members().byNumberOrPhone("13812341234").isPresent());
        assertEquals(1, app.members().search(MemberQuery.all().withText("13812341234"), 0, 10).size());
    }

    @Test
    void finding1_aPhotoIsAManagersEditOfTheMemberAndLogged() throws Exception {
        Member wang = app.members().add(TestDatabase.member(null, "王芳", "13812341234"));
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(640, 480,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path file = folder.resolve("wang.png");
        assertTrue(javax.imageio.ImageIO.write(image, "png", file.toFile()));

        app.session().become(cashier);
        assertThrows(NotAllowedException.class, () -> app.memberPhotos().set(wang.id(), file));
        app.session().become(manager);
        assertTrue(app.memberPhotos().photo(wang.id()).isEmpty(), "the refusal stored nothing");
        app.memberPhotos().set(wang.id(), file);
        assertTrue(app.memberPhotos().remove(wang.id()));

        app.session().become(owner);
        // 640 × 480 → scale 480 / 640 = 0.75 → 480 × 360
        assertEquals(List.of("photo removed", "photo set (480×360)", "王芳, 138****1234"),
                entries().stream().map(LogEntry::summary).toList());
    }

    private List<LogEntry> entries() {
        return app.operationLog().find(LogFilter.ALL, 100).stream()
                .filter(e -> e.action().startsWith("member-")).toList();
    }
}
