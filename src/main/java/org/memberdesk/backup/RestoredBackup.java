package org.memberdesk.backup;

import java.nio.file.Path;

/** What a restore did: the file it put in place of the data, and the backup of the data it replaced. */
public record RestoredBackup(Path from, Path previousState) {
}
