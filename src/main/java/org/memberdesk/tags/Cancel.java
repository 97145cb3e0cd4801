package org.memberdesk.tags;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets a screen stop a running count when the person types on: the live count starts a new one
 * and cancels the old, so a slow rule never queues behind stale work. One per evaluation.
 */
public final class Cancel {
    /** For callers that never cancel. */
    public static final Cancel NONE = new Cancel();

    private volatile Statement running;
    private volatile boolean cancelled;

    public void cancel() {
        if (this == NONE) {
            return;
        }
        cancelled = true;
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // already finished: nothing left to stop
            }
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    <T extends Statement> T watch(T statement) throws SQLException {
        if (this != NONE) {
            if (cancelled) {
                statement.close();
                throw new SQLException("cancelled");
            }
            running = statement;
        }
        return statement;
    }

    void done() {
        running = null;
    }
}
