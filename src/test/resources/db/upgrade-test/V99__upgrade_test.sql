-- Used only by MigrationBackupTest: an upgrade of a filled database, to see the backup taken first.
CREATE TABLE upgrade_test (note TEXT);
