package org.memberdesk.db;

import java.nio.file.Path;
import org.memberdesk.common.Messages;

/**
 * An import or a restore is already changing this database (in a window or on the command line), so another
 * import or a restore must wait. Nothing was changed. The message is English (command line, log); {@link #key()}
 * lets the windows say it in the user's language.
 */
public final class ImportRunningException extends DataException {
    public static final String KEY = "import.refused.running";

    private final Path database;
    /** What the message names: the file, or the server's database (without its password). */
    private final String location;

    public ImportRunningException(Path database) {
        this(database, String.valueOf(database));
    }

    /** On a server: {@code database} is this computer's place for it, {@code location} the server's database. */
    public ImportRunningException(Path database, String location) {
        super(Messages.english().get(KEY, location));
        this.database = database;
        this.location = location;
    }

    public String key() {
        return KEY;
    }

    public Path database() {
        return database;
    }

    @Override
    public String explain(Messages messages) {
        return messages.get(KEY, location);
    }
}
