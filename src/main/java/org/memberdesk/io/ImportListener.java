package org.memberdesk.io;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told before an import starts (a backup is taken there), inside each batch's transaction when the batch stored
 * something (rule tags are marked out of date there, so a crash cannot lose that), and when the import ends,
 * whatever it stored (rule tags refresh there).
 */
public interface ImportListener {
    default void beforeImport(Path file) {
    }

    default void batchStored(Connection connection, long importId) throws SQLException {
    }

    default void afterImport(String kind, ImportResult result) {
    }
}
