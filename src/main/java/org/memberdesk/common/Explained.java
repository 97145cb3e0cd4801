package org.memberdesk.common;

/**
 * A failure that says what happened, what was kept and what to do, in the person's language. Its
 * {@code getMessage()} is the English text (command line, log); the windows ask for their own language.
 */
public interface Explained {
    String explain(Messages messages);
}
