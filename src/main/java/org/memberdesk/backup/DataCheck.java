package org.memberdesk.backup;

import java.util.List;

/** The database file checked (SQLite's integrity_check and foreign keys): sound, or what is wrong. */
public record DataCheck(boolean ok, List<String> problems) {
    public DataCheck {
        problems = List.copyOf(problems);
    }
}
