package org.memberdesk.db;

import java.nio.file.Path;
import java.time.LocalDateTime;

/** One backup file in the backups folder. */
public record Backup(Path file, LocalDateTime takenAt, BackupReason reason, long bytes) {
}
