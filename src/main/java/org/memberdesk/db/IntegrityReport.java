package org.memberdesk.db;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code PRAGMA integrity_check} and {@code PRAGMA foreign_key_check} said about one file.
 * {@code problems} holds at most the first {@link IntegrityCheck#MAX_PROBLEMS} lines SQLite gave.
 */
public record IntegrityReport(Path file, boolean ok, List<String> problems) {
    public IntegrityReport {
        problems = List.copyOf(problems);
    }
}
