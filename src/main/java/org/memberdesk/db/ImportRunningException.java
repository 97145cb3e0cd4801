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

    public ImportRunningException(Path database) {
        super(Messages.english().get(KEY, database));
        this.database = database;
    }

    public String key() {
        return KEY;
    }

    public Path database() {
        return database;
    }

    @Override
    public String explain(Messages messages) {
        return messages.get(KEY, database);
    }
}
