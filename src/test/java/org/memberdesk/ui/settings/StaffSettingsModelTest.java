package org.memberdesk.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.Role;
import org.memberdesk.staff.Staff;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/** Settings → Staff without a screen: the owner's commands, and a refusal said in words wherever it lands. */
class StaffSettingsModelTest {
    @TempDir
    Path folder;
    private UiContext context;
    private RecordingDialogs dialogs;
    private final List<Integer> idleLocks = new ArrayList<>();
    private StaffSettingsModel model;

    @BeforeEach
    void setUp() {
        dialogs = new RecordingDialogs(Messages.english());
        context = TestContext.create(folder, dialogs);
        context.app().staff().add("林", Role.OWNER, "2468");
        context.app().staff().switchTo("林", "2468");
        model = new StaffSettingsModel(context.app().staff(), context.app().stores(), context.tasks(), context.messages(), idleLocks::add);
        model.load();
    }

    @Test
    void finding1_theOwnerAddsACashierChangesTheRoleAndReplacesThePin() {
        assertEquals(List.of("林"), names());
        assertEquals("5", model.idleMinutesProperty().get());
        assertEquals("500", model.pointsLimitProperty().get());

        model.newNameProperty().set("小王");
        model.newRoleProperty().set(Role.CASHIER);
        model.newPinProperty().set("1357");
        model.newPinAgainProperty().set("1375");
        model.add();
        assertTrue(model.refusedProperty().get());
        assertEquals("The two PINs differ. Type the same PIN twice.", model.statusProperty().get());
        assertEquals(List.of("林"), names(), "nothing added");

        model.newPinAgainProperty().set("1357");
        model.add();
        assertFalse(model.refusedProperty().get(), model.statusProperty().get());
        assertEquals("小王 was added as Cashier. They can sign in with their PIN now.", model.statusProperty().get());
        assertEquals(List.of("林", "小王"), names());
        assertEquals("", model.newPinProperty().get(), "the PIN typed is not kept");
        Staff wang = model.staff().get(1);
        assertEquals(Role.CASHIER, context.app().staff().check("小王", "1357").role());

        model.change(wang, Role.MANAGER, true);
        assertEquals("小王 is now Manager (Works here).", model.statusProperty().get());
        assertEquals(Role.MANAGER, model.staff().get(1).role());

        model.resetPinProperty().set("9753");
        model.resetPinAgainProperty().set("9753");
        model.resetPin(model.staff().get(1));
        assertEquals("小王 has a new PIN. The old one no longer works.", model.statusProperty().get());
        assertEquals("小王", context.app().staff().check("小王", "9753").name());

        model.idleMinutesProperty().set("2");
        model.pointsLimitProperty().set("800");
        model.saveSettings();
        assertEquals(List.of(2), idleLocks, "the window's lock follows the new minutes");
        assertEquals(2, context.app().staff().idleLockMinutes());
        assertEquals(800, context.app().staff().managerPointsLimit());

        model.idleMinutesProperty().set("soon");
        model.saveSettings();
        assertEquals("Give the idle lock in minutes, 0 (never) to 1440.", model.statusProperty().get());
    }

    @Test
    void finding1_aRefusalReachingAViewIsItsSentenceNotAStackTrace() {
        long id = context.app().staff().add("小王", Role.CASHIER, "1357").id();
        context.app().session().become(new Actor(id, "小王", Role.CASHIER));

        model.idleMinutesProperty().set("1");
        model.pointsLimitProperty().set("100000");
        model.saveSettings();
        assertTrue(model.refusedProperty().get());
        assertTrue(model.statusProperty().get().startsWith("小王 (Cashier) may not change settings. Nothing was changed."),
                model.statusProperty().get());
        assertEquals(List.of(), idleLocks);

        // a task with no failure handler of its own: the common error dialog says the same sentence
        context.tasks().execute(BackgroundTask.of(() -> context.app().staff().all()));
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("小王 (Cashier) may not manage staff. Nothing was changed."),
                dialogs.errors.get(0));
        // however wrapped on its way
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> context.app().staff().all());
        assertEquals(dialogs.errors.get(0),
                ErrorText.describe(new RuntimeException(new ExecutionException(refused)), Messages.english()));
    }

    private List<String> names() {
        return model.staff().stream().map(Staff::name).toList();
    }
}
