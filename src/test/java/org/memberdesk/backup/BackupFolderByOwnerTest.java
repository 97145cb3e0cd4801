package org.memberdesk.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.LoggedActions;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.DataException;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/**
 * Issue 19, defect 7 (smaller): the backup folder is the owner's setting, and changing it is one operation log
 * entry, kept in the same transaction as the setting (neither without the other).
 */
class BackupFolderByOwnerTest {
    @TempDir
    Path folder;
    AppContext app;
    Path usb;

    @BeforeEach
    void shop() throws Exception {
        app = TestDatabase.open(folder.resolve("shop"));
        app.members().add(TestDatabase.member("M1", "王芳", "13812345678"));
        usb = Files.createDirectories(folder.resolve("usb"));
    }

    private List<String> entries() {
        return LoggedActions.of(app.database(), "settings");
    }

    @Test
    void defect7BackupFolder_choosingAndStoppingAreEachOneEntryOfTheOwner() {
        String who = app.session().current().name();
        assertEquals(Optional.of(usb), app.backupService().setCopyFolder(Optional.of(usb)));
        app.backupService().setCopyFolder(Optional.of(usb)); // the same again: nothing changed, nothing logged
        app.backupService().setCopyFolder(Optional.empty());

        assertEquals(List.of(who + "|settings|backup folder|none → " + usb,
                who + "|settings|backup folder|" + usb + " → none"), entries());
        assertEquals(Optional.empty(), app.backupService().folders().chosen());
    }

    @Test
    void defect7BackupFolder_aCashierOrManagerMayNotChooseItAndNothingIsStored() {
        for (Role role : List.of(Role.CASHIER, Role.MANAGER)) {
            LoggedActions.become(app, "员工", role);
            assertThrows(NotAllowedException.class, () -> app.backupService().setCopyFolder(Optional.of(usb)));
        }
        assertEquals(Optional.empty(), app.backups().copies().folder());
        assertEquals(List.of(), entries());
    }

    @Test
    void defect7BackupFolder_theSettingIsNotKeptWhenItsEntryCannotBeWritten() {
        app.database().execute("CREATE TRIGGER no_log BEFORE INSERT ON operation_log"
                + " BEGIN SELECT RAISE(ABORT, 'the log cannot be written'); END");
        assertThrows(DataException.class, () -> app.backupService().setCopyFolder(Optional.of(usb)));
        assertEquals(Optional.empty(), app.backups().copies().folder(), "rolled back with its entry");
    }

    @Test
    void defect7BackupFolder_aFolderThatIsNotThereIsRefusedAndNothingIsLogged() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> app.backupService().setCopyFolder(Optional.of(folder.resolve("unplugged"))));
        assertEquals("backup.copy.refused.missing", refused.problems().get(0).key());
        assertEquals(List.of(), entries());
        assertTrue(app.backupService().list().isEmpty());
    }
}
