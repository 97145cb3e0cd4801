package org.memberdesk.backup;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * One backup as a person sees it: the file, when it was taken, why ({@code reason}: {@code daily}, {@code manual},
 * {@code import}, {@code migration}, {@code before-restore}), its size, and whether it is a copy found only in the
 * chosen backup folder (a USB drive's copy of a backup no longer beside the database, or of another computer's).
 */
public record BackupEntry(Path file, LocalDateTime takenAt, String reason, long bytes, boolean onlyInChosenFolder) {
}
