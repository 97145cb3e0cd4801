package org.memberdesk.db;

import org.memberdesk.common.Explained;
import org.memberdesk.common.Messages;

/**
 * A database failure, with a message a person can read; the SQL cause stays attached for the log. It explains
 * itself ({@link Explained}), so the windows show it without knowing {@code db}'s classes; a failure with words of
 * its own in the bundles overrides {@link #explain}.
 */
public class DataException extends RuntimeException implements Explained {
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataException(String message) {
        super(message);
    }

    @Override
    public String explain(Messages messages) {
        return messages.get("error.database", getMessage());
    }
}
