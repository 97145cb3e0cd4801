package org.memberdesk.backup;

import java.nio.file.Path;
import java.util.Optional;
import org.memberdesk.common.Problem;

/**
 * A backup taken by hand: the file beside the database, and its copy in the chosen folder ({@code copiedTo}), or,
 * when that folder was not there or could not be written, why not ({@code copyMissed}, in the shop's words). Both
 * empty: no folder chosen.
 */
public record TakenBackup(BackupEntry backup, Optional<Path> copiedTo, Optional<Problem> copyMissed) {
    public Path file() {
        return backup.file();
    }

    public long bytes() {
        return backup.bytes();
    }
}
