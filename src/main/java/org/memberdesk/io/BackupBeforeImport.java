package org.memberdesk.io;

import java.nio.file.Path;
import org.memberdesk.db.BackupReason;
import org.memberdesk.db.Backups;

/**
 * Backs the database up before every import, so a wrong file (a mapping mistake, the wrong
 * shop's export) can be undone by restoring the backup. A database with nothing in it yet is not
 * backed up: there is nothing to lose.
 */
public final class BackupBeforeImport implements ImportListener {
    private final Backups backups;

    public BackupBeforeImport(Backups backups) {
        this.backups = backups;
    }

    @Override
    public void beforeImport(Path file) {
        backups.takeIfWorthKeeping(BackupReason.IMPORT);
    }
}
