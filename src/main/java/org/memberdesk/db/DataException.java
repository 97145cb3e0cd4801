package org.memberdesk.db;

/** A database failure, with a message a person can read; the SQL cause stays attached for the log. */
public class DataException extends RuntimeException {
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataException(String message) {
        super(message);
    }
}
