package org.memberdesk.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One more thing a backup must prove, on its trial copy, before it may replace the shop's data — beyond SQLite's
 * own checks (e.g. the points ledger adds up). Given by the feature that owns the tables, so {@code db} needs no
 * feature code.
 */
@FunctionalInterface
public interface RestoreCheck {
    /** What is wrong with the copy {@code connection} reads, in the shop's words; empty when it passes. */
    List<String> problems(Connection connection) throws SQLException;
}
