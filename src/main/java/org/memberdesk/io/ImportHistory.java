package org.memberdesk.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.memberdesk.db.Database;

/** The import history as a person sees it: what became of the last import of a file (known by its bytes). */
public final class ImportHistory {
    private final Database database;

    public ImportHistory(Database database) {
        this.database = database;
    }

    /**
     * One import run. {@code finished} false: it was interrupted (killed, or stopped by an error) after storing
     * {@code imported} members (rows) or purchases; importing the same file again finishes it.
     */
    public record Run(String startedAt, boolean finished, long imported, long duplicates, long rejected) {
    }

    /** The last import of this file (the same bytes, under any name) as {@code kind}: members or purchases. */
    public Optional<Run> lastRun(String kind, Path file) throws IOException {
        String hash = ImportedRows.hashOf(file);
        return database.read(connection -> ImportLogStore.lastRun(connection, kind, hash));
    }
}
