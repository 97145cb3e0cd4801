package org.memberdesk.db;

/**
 * The engine a database runs on. SQLite is the default (one computer, one file); PostgreSQL serves several counters
 * and stores at once (docs/multi-store.md). Most of the app's SQL is the same on both (the PostgreSQL schema defines
 * SQLite's date functions, db/postgresql/V1); a statement that cannot be is chosen here, once, by its store:
 * {@code database.dialect().pick(sqliteSql, postgresqlSql)}.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    /** The variant of a statement (or of anything else) for this engine. */
    public <T> T pick(T sqlite, T postgresql) {
        return this == SQLITE ? sqlite : postgresql;
    }

    /** The engine of a connection (for a store given only a connection): SQLite's own class, else the server's. */
    public static Dialect of(java.sql.Connection connection) {
        return connection instanceof org.sqlite.SQLiteConnection ? SQLITE : POSTGRESQL;
    }

    /** True for a location the command line or the open dialog may name as a PostgreSQL server. */
    public static boolean isServerLocation(String location) {
        return location != null && (location.startsWith("postgresql://") || location.startsWith("postgres://"));
    }
}
