package org.memberdesk.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.db.DataException;
import org.memberdesk.db.RestoreRefusedException;
import org.memberdesk.members.MemberQuery;

/**
 * Issue 21, item 5: on a PostgreSQL server the app's backup and restore are PostgreSQL's own pg_dump and pg_restore;
 * a restore is one transaction (a dump that fails halfway leaves the data as it was), and only a server backup is
 * restored there (a SQLite file goes onto a server with `migrate`).
 */
@BothEngines
class ServerBackupsTest {
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void shopOnAServer() {
        Assumptions.assumeTrue(TestDatabase.onServer(), "about backups of a server database");
        app = TestDatabase.open(folder);
        app.members().add(TestDatabase.member("M1", "王芳", "13812345678"));
    }

    private int members() {
        return app.members().count(MemberQuery.all());
    }

    @Test
    void aBackupIsAPgDumpAndItsRestorePutsTheDataBack() {
        var backup = app.backupService().take();
        assertTrue(backup.file().getFileName().toString().endsWith("-manual.dump"), backup.file().toString());
        app.members().add(TestDatabase.member("M2", "李雷", "13987654321"));
        assertEquals(2, members());

        var restored = app.backupService().restore(backup.file());

        assertEquals(1, members(), "the data of the backup: 王芳 only");
        assertTrue(restored.previousState().getFileName().toString().endsWith("-before-restore.dump"));
        assertTrue(app.operationLog().verify().intact(), "the restored log goes on from where the backup left it");
        // and the state before is itself a backup that puts 李雷 back
        app.backupService().restore(restored.previousState());
        assertEquals(2, members());
    }

    @Test
    void aDamagedDumpChangesNothing() throws Exception {
        var backup = app.backupService().take();
        byte[] whole = Files.readAllBytes(backup.file());
        Path damaged = folder.resolve("memberdesk-20261206-120000-000-manual.dump");
        // the header and half the data: pg_restore stops in the middle, and its one transaction is rolled back
        Files.write(damaged, java.util.Arrays.copyOf(whole, whole.length / 2));
        app.members().add(TestDatabase.member("M2", "李雷", "13987654321"));

        assertThrows(DataException.class, () -> app.backupService().restore(damaged));

        assertEquals(2, members(), "the data as it was");
        assertTrue(app.operationLog().verify().intact());
    }

    @Test
    void aSqliteFileIsNotRestoredOntoAServer() throws Exception {
        Path sqlite = Files.write(folder.resolve("shop-20261201-0300-daily.db"), new byte[] {1, 2, 3});
        RestoreRefusedException refused = assertThrows(RestoreRefusedException.class,
                () -> app.backupService().restore(sqlite));
        assertTrue(refused.getMessage().contains("use migrate"), refused.getMessage());
        assertEquals(1, members());
    }
}
