package org.memberdesk.backup;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where backups go: {@code besideDatabase} always; {@code chosen}, the folder the owner picked for a second copy
 * (empty: none), and whether it is there now ({@code chosenReachable}: false when the USB drive is unplugged).
 */
public record BackupFolders(Path besideDatabase, Optional<Path> chosen, boolean chosenReachable) {
}
