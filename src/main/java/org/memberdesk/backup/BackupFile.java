package org.memberdesk.backup;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.memberdesk.db.Backup;

/**
 * One backup as a person sees it (Settings → Data, {@code backups}): the file, when it was taken, why (the word in
 * its name: {@code daily}, {@code manual}, {@code before-restore} …) and its size. The windows get this, not
 * {@code db}'s own record, so they know nothing of {@code db}.
 */
public record BackupFile(Path file, LocalDateTime takenAt, String reason, long bytes) {
    static BackupFile of(Backup backup) {
        return new BackupFile(backup.file(), backup.takenAt(), backup.reason().tag(), backup.bytes());
    }
}
