package org.memberdesk.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection; for writes, inside one transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
