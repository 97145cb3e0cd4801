package org.memberdesk.tags;

import java.sql.Connection;
import java.sql.SQLException;
import org.memberdesk.io.ImportListener;
import org.memberdesk.io.ImportResult;

/**
 * Keeps rule tags true after an import brought new members or purchases. Each batch that stored something marks
 * them out of date in its own transaction, and the end of every import refreshes them when marked: so a run
 * killed after its last batch (or a re-run that finds every row already stored) still ends with true tags.
 */
public final class TagRefresher implements ImportListener {
    private final TagService tags;

    public TagRefresher(TagService tags) {
        this.tags = tags;
    }

    @Override
    public void batchStored(Connection connection, long importId) throws SQLException {
        tags.markStale(connection, "import " + importId);
    }

    @Override
    public void afterImport(String kind, ImportResult result) {
        tags.refreshIfStale();
    }
}
