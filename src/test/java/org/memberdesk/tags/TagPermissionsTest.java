package org.memberdesk.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.app.AppContext;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.LogEntry;
import org.memberdesk.staff.LogFilter;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/** Issue 18: tags are a manager's; each change of a tag is one log entry; a segment export masks for non-owners. */
@BothEngines
class TagPermissionsTest {
    @TempDir
    Path folder;

    @Test
    void finding1_aCashierMayNotTouchTagsAManagerMayAndEachChangeIsLogged() {
        TestShop shop = new TestShop(folder);
        AppContext app = shop.context();
        long wang = shop.member("M1", null, null, "2026-01-10", "门店", null);
        Actor cashier = new Actor(app.staff().add("小王", Role.CASHIER, "1234").id(), "小王", Role.CASHIER);
        Actor manager = new Actor(app.staff().add("李姐", Role.MANAGER, "5678").id(), "李姐", Role.MANAGER);

        app.session().become(cashier);
        assertThrows(NotAllowedException.class, () -> app.tags().create("VIP", null));
        assertThrows(NotAllowedException.class, () -> app.tags().add("VIP", new long[] {wang}));
        assertThrows(NotAllowedException.class, () -> app.tags().addByNumbers("VIP", List.of("M1")));
        assertThrows(NotAllowedException.class, () -> app.tags().create("常客", "purchases >= 1"));

        app.session().become(manager);
        assertTrue(app.tags().list().isEmpty(), "the refusals changed nothing");
        app.tags().create("VIP", null);
        assertEquals(1, app.tags().add("VIP", new long[] {wang}));
        app.tags().create("常客", "purchases >= 1");
        app.tags().changeRule("常客", "purchases >= 2");
        app.tags().delete("常客");

        app.session().become(Actor.commandLine("boss"));
        List<LogEntry> log = app.operationLog().find(new LogFilter(null, null, null, "tag", null), 100);
        assertEquals(List.of("deleted (0 members), rule purchases >= 2", "rule purchases >= 1 → purchases >= 2, members 0 → 0",
                        "created, rule purchases >= 1, 0 members", "+1 of 1 member", "created (manual)"),
                log.stream().map(LogEntry::summary).toList());
        assertEquals(wang, log.get(3).memberId());
        assertEquals("tag VIP", log.get(3).subject());
        assertEquals("李姐", log.get(3).staffName());
    }

    @Test
    void finding6_aManagersSegmentExportMasksPhonesTheOwnersIsFullAndLogged() throws Exception {
        TestShop shop = new TestShop(folder);
        AppContext app = shop.context();
        app.members().add(new MemberDetails("M1", "王芳", "13812341234", null, null,
                java.time.LocalDate.of(2026, 1, 10), null, null, null, null));
        Actor manager = new Actor(app.staff().add("李姐", Role.MANAGER, "5678").id(), "李姐", Role.MANAGER);
        Rule everyone = app.rules().parse("purchases >= 0");

        app.session().become(manager);
        Path masked = folder.resolve("masked.csv");
        assertEquals(1, app.rules().export(everyone, TestShop.TODAY, masked));
        String maskedText = Files.readString(masked);
        assertTrue(maskedText.contains("138****1234") && !maskedText.contains("13812341234"), maskedText);

        app.session().become(Actor.commandLine("boss"));
        Path full = folder.resolve("full.csv");
        app.rules().export(everyone, TestShop.TODAY, full);
        assertTrue(Files.readString(full).contains("13812341234"));
        List<LogEntry> log = app.operationLog().find(LogFilter.ALL, 100);
        assertEquals("export-full-phones", log.get(0).action());
        assertEquals("export", log.get(1).action());
        assertEquals("李姐", log.get(1).staffName());
    }
}
