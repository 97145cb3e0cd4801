package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationBackupTest {
    @TempDir
    Path folder;

    @Test
    void anUpgradeOfAFilledDatabaseIsBackedUpFirst() throws Exception {
        Database database = TestDatabases.open(folder, "shop.db");
        TestDatabases.addMembers(database, 1, 25);

        Migrations.migrate(database, 99, "classpath:db/migration", "classpath:db/upgrade-test");

        List<Backup> backups = new Backups(database, Clock.systemUTC()).list();
        assertEquals(1, backups.size());
        assertEquals(BackupReason.MIGRATION, backups.get(0).reason());
        assertEquals(99, Migrations.appliedVersion(database));
        // the backup is the state before the upgrade: the members, without the new table
        try (var connection = Database.open(backups.get(0).file()).connect()) {
            assertEquals(25, TestDatabases.count(connection, "members"));
            assertFalse(IntegrityCheck.hasTable(connection, "upgrade_test"));
        }
        try (var connection = database.connect()) {
            assertTrue(IntegrityCheck.hasTable(connection, "upgrade_test"));
        }
    }

    @Test
    void aNewDatabaseAndAnEmptyOneAreNotBackedUp() {
        Database database = TestDatabases.open(folder, "new.db");
        Migrations.migrate(database, 99, "classpath:db/migration", "classpath:db/upgrade-test");
        assertEquals(List.of(), new Backups(database, Clock.systemUTC()).list());
    }
}
