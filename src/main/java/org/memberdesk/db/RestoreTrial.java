package org.memberdesk.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.SQLiteConfig;

/**
 * A restore tried on a copy first: the chosen file is copied into a private folder beside the database, its
 * migration history compared with this version's scripts (by Flyway, checksums included), brought up to this
 * version there, and checked there — SQLite's integrity and foreign keys, every table, column, index and trigger
 * this version has, and the features' own checks (the points ledger). Only a copy that passes all of it may
 * replace the data; anything else is refused with {@link RestoreRefusedException} and the data was never touched.
 */
final class RestoreTrial {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RestoreTrial.class.getName());

    private final Path folder;
    private final Path candidate;
    private final String shown;

    private RestoreTrial(Path folder, String shown) {
        this.folder = folder;
        this.candidate = folder.resolve("candidate.db");
        this.shown = shown;
    }

    /** Makes a trial copy of {@code chosen} in {@code folder} (a new, private folder) and checks it all. */
    static Path prepare(Path chosen, Path folder, String shown, List<RestoreCheck> checks) throws IOException {
        RestoreTrial trial = new RestoreTrial(folder, shown);
        trial.copy(chosen);
        // the file as it is: a SQLite file, undamaged, a MemberDesk database, not from a newer version
        IntegrityCheck.requireRestorable(trial.candidate, shown);
        List<String> gaps = trial.requireHistoryOfThisVersion();
        boolean migrated = trial.migrate(gaps);
        trial.requireSchemaOfThisVersion();
        try (Connection connection = trial.connect()) {
            if (migrated) {
                IntegrityReport report = IntegrityCheck.check(connection, trial.candidate);
                if (!report.ok()) {
                    throw new RestoreRefusedException("restore.refused.damaged", shown, first(report.problems()));
                }
            }
            for (RestoreCheck check : checks) {
                List<String> problems = check.problems(connection);
                if (!problems.isEmpty()) {
                    throw new RestoreRefusedException("restore.refused.check", shown, first(problems));
                }
            }
            // one file, no journal beside it: the copy can be put in place whole, by SQLite or by a rename
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = DELETE");
            }
        } catch (SQLException e) {
            throw new RestoreRefusedException("restore.refused.damaged", shown, Database.describe(e));
        }
        return trial.candidate;
    }

    private void copy(Path chosen) throws IOException {
        // the chosen file is not live (a backup, or a database no app has open), so a plain copy is fine; its
        // -wal, if a program left one, holds committed data that SQLite would read with it, so it comes along
        Files.copy(chosen, candidate);
        Path wal = chosen.resolveSibling(chosen.getFileName() + "-wal");
        if (Files.isRegularFile(wal)) {
            Files.copy(wal, candidate.resolveSibling(candidate.getFileName() + "-wal"));
        }
    }

    /**
     * Refuses a history this version cannot continue: a step marked failed, a step whose script differs from this
     * build's (Flyway's own checksums), a step this version does not know. Returns the steps that are missing
     * below applied ones: this version applies such a step out of order (features number scripts in advance),
     * which works when the step really never ran — the trial migration tells.
     */
    private List<String> requireHistoryOfThisVersion() {
        MigrationInfo[] all;
        try {
            all = Migrations.flyway(url()).info().all();
        } catch (FlywayException e) {
            throw new RestoreRefusedException("restore.refused.upgrade", shown, firstLine(e.getMessage()));
        }
        int newestApplied = 0;
        for (MigrationInfo info : all) {
            if (info.isVersioned() && info.isApplied() && info.getState().isApplied()
                    && !info.getState().isFailed()) {
                newestApplied = Math.max(newestApplied, info.getVersion().getMajor().intValue());
            }
        }
        List<String> gaps = new ArrayList<>();
        for (MigrationInfo info : all) {
            if (!info.isVersioned()) {
                continue;
            }
            String step = info.getVersion().getVersion() + " (" + info.getDescription() + ")";
            MigrationState state = info.getState();
            if (state.isFailed()) {
                throw new RestoreRefusedException("restore.refused.failedStep", shown, step);
            }
            if (info.isApplied() && state.isResolved() && (!info.isChecksumMatching() || !info.isTypeMatching())) {
                throw new RestoreRefusedException("restore.refused.changedStep", shown, step);
            }
            if (state == MigrationState.MISSING_SUCCESS) {
                throw new RestoreRefusedException("restore.refused.unknownStep", shown, step);
            }
            if (state == MigrationState.PENDING && info.getVersion().getMajor().intValue() < newestApplied) {
                gaps.add(step);
            }
        }
        return gaps;
    }

    /** Brings the copy up to this version; false when it already was. */
    private boolean migrate(List<String> gaps) {
        try {
            // an import killed with indexes put off left their SQL in the settings: build them, as opening would
            try (Connection connection = connect()) {
                DeferredIndexes.restore(connection);
            }
            var result = Migrations.flyway(url()).migrate();
            return result.migrationsExecuted > 0;
        } catch (FlywayException | SQLException e) {
            LOG.info(() -> "the trial copy of " + shown + " cannot be brought up to date: " + e.getMessage());
            if (!gaps.isEmpty()) {
                throw new RestoreRefusedException("restore.refused.missingStep", shown, String.join(", ", gaps));
            }
            throw new RestoreRefusedException("restore.refused.upgrade", shown, firstLine(e.getMessage()));
        }
    }

    /** Every table, column, index, view and trigger a new database of this version has must be there. */
    private void requireSchemaOfThisVersion() {
        Path reference = folder.resolve("reference.db");
        try {
            Migrations.flyway("jdbc:sqlite:" + reference).migrate();
            TreeSet<String> missing = schema(reference);
            missing.removeAll(schema(candidate));
            // a missing table first, and not each of its columns again
            List<String> named = new ArrayList<>();
            for (String kind : List.of("table ", "view ", "trigger ", "index ", "column ")) {
                for (String object : missing) {
                    if (object.startsWith(kind) && !(kind.equals("column ") && missing.contains(
                            "table " + object.substring(kind.length(), object.lastIndexOf('.'))))) {
                        named.add(object);
                    }
                }
            }
            if (!named.isEmpty()) {
                throw new RestoreRefusedException("restore.refused.incomplete", shown,
                        String.join(", ", named.stream().limit(5).toList())
                                + (named.size() > 5 ? " … (" + named.size() + ")" : ""));
            }
        } catch (FlywayException | SQLException e) {
            throw new RestoreRefusedException("restore.refused.upgrade", shown, firstLine(e.getMessage()));
        }
    }

    /** "table members", "column members.points", "index members_phone" …, without SQLite's own objects. */
    private static TreeSet<String> schema(Path file) throws SQLException {
        TreeSet<String> objects = new TreeSet<>();
        try (Connection connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    SELECT type, name FROM sqlite_schema
                    WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND type IN ('table', 'index', 'view', 'trigger')""")) {
                while (rs.next()) {
                    objects.add(rs.getString(1) + " " + rs.getString(2));
                    if ("table".equals(rs.getString(1))) {
                        tables.add(rs.getString(2));
                    }
                }
            }
            for (String table : tables) {
                try (var columns = connection.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
                    columns.setString(1, table);
                    try (ResultSet rs = columns.executeQuery()) {
                        while (rs.next()) {
                            objects.add("column " + table + "." + rs.getString(1));
                        }
                    }
                }
            }
        }
        return objects;
    }

    private Connection connect() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5_000);
        config.enforceForeignKeys(true);
        return config.createConnection(url());
    }

    private String url() {
        return "jdbc:sqlite:" + candidate;
    }

    private static String first(List<String> problems) {
        return String.join("; ", problems.subList(0, Math.min(3, problems.size())));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
