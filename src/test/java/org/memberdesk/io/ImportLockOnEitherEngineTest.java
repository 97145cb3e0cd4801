package org.memberdesk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Progress;
import org.memberdesk.db.Dialect;
import org.memberdesk.db.ImportLock;
import org.memberdesk.db.ImportRunningException;

/**
 * One import at a time per database, on either engine. On a server the lock must be the server's: counters on other
 * computers share the database, and a file on this one would not stop them ({@link ImportLockTest} covers a SQLite
 * file, with a second process and kill -9).
 */
@BothEngines
class ImportLockOnEitherEngineTest {
    /** The server's advisory lock key for imports, "MDIM" in ASCII, as pg_locks shows it (objid: its low 32 bits). */
    private static final long SERVER_KEY = 0x4D44494DL;

    @TempDir
    Path folder;

    @Test
    void finding4_anImportRunningRefusesAnotherAndTheServerHoldsItsLockForEveryComputerToSee() throws Exception {
        AppContext app = TestDatabase.open(folder);
        Path file = folder.resolve("members.csv");
        Files.writeString(file, "member_no,name,phone\nM1,王芳,13812345678\n");

        try (ImportLock running = ImportLock.acquire(app.database())) {
            assertTrue(ImportLock.isHeld(app.database()));
            if (app.database().dialect() == Dialect.POSTGRESQL) {
                // what a counter on another computer sees: the lock is on the server, not in a file here
                long held = app.database().read(connection -> {
                    try (Statement statement = connection.createStatement();
                         ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype ="
                                 + " 'advisory' AND objid = " + SERVER_KEY + " AND granted AND database ="
                                 + " (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                assertEquals(1, held);
            }
            assertThrows(ImportRunningException.class, () -> app.memberImporter().importFile(file,
                    ImportOptions.defaults(), Progress.NONE, Messages.english()));
            assertThrows(ImportRunningException.class, () -> ImportLock.acquire(app.database()));
        }
        assertFalse(ImportLock.isHeld(app.database()), "let go when the import ends");
        assertEquals(1, app.memberImporter().importFile(file, ImportOptions.defaults(), Progress.NONE,
                Messages.english()).imported());
        assertFalse(ImportLock.isHeld(app.database()));
    }
}
