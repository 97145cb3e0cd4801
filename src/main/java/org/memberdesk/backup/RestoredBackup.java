package org.memberdesk.backup;

import java.nio.file.Path;

/** A restore that was done: the file put in place, and the backup of the data it replaced (to undo it). */
public record RestoredBackup(Path from, BackupFile previousState) {
}
