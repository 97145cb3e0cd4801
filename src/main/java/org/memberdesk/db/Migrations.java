package org.memberdesk.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Versioned schema migrations (Flyway, scripts in {@code db/migration}). Starting Flyway costs a
 * few hundred milliseconds, so when the history table already records {@link #LATEST_VERSION}
 * we skip it: the command line answers {@code stats} in well under half a second.
 */
public final class Migrations {
    /** The highest V{n}__ script in src/main/resources/db/migration; a test keeps the two equal. */
    public static final int LATEST_VERSION = 15;

    /**
     * Held so the level set below stays: Flyway's INFO lines would clutter the command line's stderr, and its
     * SEVERE lines too (a restore's trial migration that fails is expected, and refused in words). Every failure
     * Flyway has reaches the person through our own exceptions, and the log through them.
     */
    private static final java.util.logging.Logger FLYWAY_LOG = quiet(java.util.logging.Logger.getLogger("org.flywaydb"));

    private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    private Migrations() {
    }

    /** Where each engine's scripts are: the PostgreSQL ones are ports of the SQLite ones, version for version. */
    static String scripts(Dialect dialect) {
        return dialect.pick("classpath:db/migration", "classpath:db/postgresql");
    }

    static void migrate(Database database) {
        migrate(database, LATEST_VERSION, scripts(database.dialect()));
    }

    /** {@link #migrate(Database)} with other scripts: a test upgrades a filled database with it. */
    static void migrate(Database database, int latestVersion, String... locations) {
        int[] state = appliedState(database);
        int applied = state[0];
        // every version up to the newest applied, not only the newest: features number their scripts by branch,
        // so a database can hold V7 and V8 before V6 exists (then Flyway applies V6 out of order, below)
        if (applied == latestVersion && state[1] == latestVersion) {
            return;
        }
        try {
            if (applied > 0) {
                // a history this build cannot continue is refused before the backup below: else every attempt to
                // open such a file would add a backup and push a good one out of the newest N
                org.flywaydb.core.api.output.ValidateResult check = Flyway.configure()
                        .configuration(flyway(database, locations).getConfiguration())
                        .ignoreMigrationPatterns("*:pending", "*:future").load().validateWithResult();
                if (!check.validationSuccessful) {
                    throw new org.flywaydb.core.api.exception.FlywayValidateException(check.errorDetails,
                            check.getAllErrorMessages());
                }
                // an existing shop's data is about to change shape: keep the state before it, so a
                // failed or unwanted upgrade can be undone from Settings → Data or `restore`. (On PostgreSQL each
                // script runs in one transaction, and the server's own backups keep the state before: docs/multi-store.md)
                if (database.dialect() == Dialect.SQLITE) {
                    new Backups(database, java.time.Clock.systemDefaultZone()).takeIfWorthKeeping(BackupReason.MIGRATION);
                }
            }
            flyway(database, locations).migrate();
        } catch (org.flywaydb.core.api.exception.FlywayValidateException e) {
            // Flyway's own words are for the log file (the windows' log keeps INFO; the command line shows WARNING up)
            java.util.logging.Logger.getLogger(Migrations.class.getName()).info(() -> "migration history of "
                    + database.file() + " does not match: " + e.getMessage());
            throw new HistoryMismatchException(database.file(), e);
        } catch (FlywayException e) {
            throw StorageFault.of(e, database.file()).map(DataException.class::cast).orElseGet(() ->
                    new DataException("Cannot bring the database " + database.describeLocation()
                            + " up to date: " + Database.describe(new SQLException(e.getMessage(), e)), e));
        }
    }

    /** Flyway on the file {@code url} names, configured as every MemberDesk database is migrated. */
    static Flyway flyway(String url) {
        return flyway(url, "classpath:db/migration");
    }

    private static Flyway flyway(Database database, String... locations) {
        if (database.dialect() == Dialect.POSTGRESQL) {
            return settings(Flyway.configure().dataSource(database.serverDataSource()), locations).load();
        }
        return flyway(database.url(), locations);
    }

    private static Flyway flyway(String url, String... locations) {
        return settings(Flyway.configure().dataSource(url, "", ""), locations).load();
    }

    /** How every MemberDesk database is migrated, whatever its engine. */
    private static org.flywaydb.core.api.configuration.FluentConfiguration settings(
            org.flywaydb.core.api.configuration.FluentConfiguration configuration, String... locations) {
        return configuration
                .locations(locations)
                .failOnMissingLocations(true)
                .outOfOrder(true);
    }

    /** The newest applied migration, 0 for a new file, -1 when it cannot be told. */
    public static int appliedVersion(Database database) {
        return appliedState(database)[0];
    }

    /** {newest applied version, how many distinct versions are applied}; {0, 0} for a new file. */
    private static int[] appliedState(Database database) {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            try (ResultSet tables = statement.executeQuery(database.dialect().pick(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'",
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                            + " AND table_name = 'flyway_schema_history'"))) {
                if (tables.next() && tables.getInt(1) == 0) {
                    return new int[] {0, 0};
                }
            }
            try (ResultSet rs = statement.executeQuery("""
                    SELECT max(CAST(version AS INTEGER)), count(DISTINCT CAST(version AS INTEGER))
                    FROM flyway_schema_history WHERE success AND version IS NOT NULL""")) {
                return rs.next() ? new int[] {rs.getInt(1), rs.getInt(2)} : new int[] {0, 0};
            }
        } catch (SQLException e) {
            if (database.dialect() == Dialect.POSTGRESQL) {
                throw new DataException(ServerWrites.describe(database.server().orElseThrow(), e), e);
            }
            throw StorageFault.of(e, database.file()).map(DataException.class::cast)
                    .orElseGet(() -> new DataException(Database.describe(e), e));
        }
    }
}
