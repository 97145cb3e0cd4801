package org.memberdesk.db;

import java.nio.file.Path;
import org.memberdesk.common.Messages;

/**
 * The file's record of applied database steps (migrations) does not match this version of MemberDesk: it was
 * made or changed by a different build. Nothing in the file was changed; Flyway's own wording (which talks of
 * checksums and "repair") goes to the log, the person gets what they can do about it.
 */
public final class HistoryMismatchException extends DataException {
    private final Path file;

    public HistoryMismatchException(Path file, Throwable cause) {
        super("the database " + file + " was made or changed by a different build of MemberDesk (its record of "
                + "database steps does not match this version); it was left untouched: restore one of its backups "
                + "or open another file", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public String explain(Messages messages) {
        return messages.get("error.historyMismatch", file);
    }
}
