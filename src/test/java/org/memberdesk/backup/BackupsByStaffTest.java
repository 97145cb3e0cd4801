package org.memberdesk.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.LoggedActions;
import org.memberdesk.TestDatabase;
import org.memberdesk.db.Backup;
import org.memberdesk.db.BackupReason;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.staff.AuditChain;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/**
 * Issue 18, findings 1 and 2: anyone at the computer could restore a backup over the data, and nothing said who.
 * Now backups and restores are the owner's, refused to a cashier or manager before anything is copied, and each is
 * an operation log entry; a restore's entry goes into the restored database, whose chain still verifies.
 */
@org.memberdesk.BothEngines
class BackupsByStaffTest {
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void shop() {
        app = TestDatabase.open(folder.resolve("shop"));
        app.members().add(TestDatabase.member("M1", "王芳", "13812345678"));
    }

    private int members() {
        return app.members().count(MemberQuery.all());
    }

    @Test
    void finding2_aRestoreIsLoggedInTheRestoredDatabaseAndItsChainVerifies() {
        var first = app.backupService().take();                             // log: 1 backup (after it was copied)
        var backup = app.backupService().take();                            // holds entry 1; log: 2 backup
        app.members().add(TestDatabase.member("M2", "李雷", "13987654321"));
        app.backupService().setKeep(20);                                    // log: 3 settings

        app.backupService().restore(backup.file());                         // the backup's log (1) + 2 restore

        assertEquals(1, members(), "the data of the backup");
        String who = app.session().current().name();
        String name = backup.file().getFileName().toString();
        List<String> log = LoggedActions.of(app.database(), "backup", "restore", "settings");
        assertEquals(2, log.size(), log.toString());
        assertEquals(who + "|backup|" + first.file().getFileName() + "|" + first.bytes() + " bytes", log.get(0));
        assertTrue(log.get(1).startsWith(who + "|restore|" + name + "|restored " + backup.file()
                + "; the data before is in "), log.get(1));
        AuditChain.Verification verified = app.operationLog().verify();
        assertTrue(verified.intact(), "broken at " + verified.brokenAt());
        // M1 added (member-add), the first backup, the restore: the backup held the first two
        assertEquals(3, verified.entries());
    }

    @Test
    void finding1_aCashierOrManagerMayNotBackUpOrRestoreAndNothingChanges() {
        Backup backup = app.backups().take(BackupReason.MANUAL); // the owner's, straight (not logged)
        app.members().add(TestDatabase.member("M2", "李雷", "13987654321"));
        for (Role role : List.of(Role.CASHIER, Role.MANAGER)) {
            LoggedActions.become(app, "员工", role);

            assertThrows(NotAllowedException.class, () -> app.backupService().take());
            assertThrows(NotAllowedException.class, () -> app.backupService().restore(backup.file()));
            assertThrows(NotAllowedException.class, () -> app.backupService().setKeep(3));
        }

        assertEquals(2, members(), "not restored");
        assertEquals(List.of(backup), app.backups().list(), "no backup taken, not even the one before a restore");
        assertEquals(10, app.backups().keep());
        assertEquals(List.of(), LoggedActions.of(app.database(), "backup", "restore", "settings"));
    }
}
