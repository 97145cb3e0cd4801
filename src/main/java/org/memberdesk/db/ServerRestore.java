package org.memberdesk.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * A restore on a PostgreSQL server ({@link Backups#restore}): only a MemberDesk dump of a server database is taken
 * (a SQLite backup goes onto a server with {@code migrate}). The current state is dumped first (reason
 * {@code before-restore}); then {@code pg_restore} puts the chosen dump in, in one transaction; then the schema is
 * brought up to this version and the features' checks (the points ledger …) run on the result. Should the upgrade or a
 * check fail, the state before is put back the same way, and the restore is refused in words.
 */
final class ServerRestore {
    private static final Logger LOG = Logger.getLogger(ServerRestore.class.getName());

    private final Database database;
    private final Backups backups;
    private final List<RestoreCheck> checks;

    ServerRestore(Database database, Backups backups, List<RestoreCheck> checks) {
        this.database = database;
        this.backups = backups;
        this.checks = checks;
    }

    Backups.Restored run(Path file) {
        Path chosen = file.toAbsolutePath().normalize();
        String shown = chosen.toString();
        if (!Files.isRegularFile(chosen)) {
            throw new RestoreRefusedException("restore.refused.missing", shown);
        }
        if (!chosen.getFileName().toString().endsWith(".dump")) {
            throw new RestoreRefusedException("restore.refused.notServerBackup", shown);
        }
        ImportLock running;
        try {
            running = ImportLock.acquire(database.file());
        } catch (ImportRunningException e) {
            throw new RestoreRefusedException("restore.refused.importRunning", shown);
        }
        try (running) {
            Backup safety;
            try {
                safety = backups.copy(BackupReason.BEFORE_RESTORE);
            } catch (DataException e) {
                throw new DataException("The restore did not start: the current data could not be backed up first ("
                        + e.getMessage() + "). Nothing was changed.", e);
            }
            ServerDumps.restore(database.server().orElseThrow(), chosen);
            List<String> problems = upgradedAndChecked();
            if (!problems.isEmpty()) {
                ServerDumps.restore(database.server().orElseThrow(), safety.file());
                throw new RestoreRefusedException("restore.refused.check", shown, String.join("; ", problems));
            }
            backups.rotateQuietly();
            LOG.info(() -> "restored " + shown + " on " + database.describeLocation() + " (previous state in "
                    + safety.file() + ")");
            return new Backups.Restored(chosen, safety);
        }
    }

    /** Brings the restored data to this version's schema, then runs the features' checks on it. */
    private List<String> upgradedAndChecked() {
        List<String> problems = new ArrayList<>();
        try {
            Migrations.migrate(database);
            database.read(connection -> {
                for (RestoreCheck check : checks) {
                    problems.addAll(check.problems(connection));
                }
                return null;
            });
        } catch (DataException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }
}
