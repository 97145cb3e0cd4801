package org.memberdesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memberdesk.backup.BackupFile;
import org.memberdesk.backup.RestoredBackup;
import org.memberdesk.db.Backup;
import org.memberdesk.db.Backups;
import org.memberdesk.db.DatabaseLock;
import org.memberdesk.db.IntegrityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Backups on the command line. Ordinary commands may run while a window has the database open
 * (SQLite's locks keep writers apart and every write is one transaction); only {@code restore} is
 * refused then, because it would pull the data out from under the screens that show it.
 */
final class BackupCommands {
    private BackupCommands() {
    }

    @Command(name = "backup", description = "Back the database up now (SQLite online backup) into its backups folder.")
    static final class BackupNow implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Override
        public Integer call() {
            BackupFile backup = cli.rescuableContext().backupService().take();
            Map<String, Object> out = Cli.object();
            out.put("backup", backup.file().toString());
            out.put("bytes", backup.bytes());
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "restore", description = "Replace the data with a backup FILE; the current state is backed up first."
            + " A damaged or foreign file is refused and nothing changes.")
    static final class Restore implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Parameters(index = "0", paramLabel = "FILE", description = "A MemberDesk backup or database file.")
        Path file;

        @Override
        public Integer call() {
            cli.rescuableContext().session().require(org.memberdesk.staff.Permission.RESTORE); // before the lock check
            if (DatabaseLock.isHeld(cli.rescuableContext().database().file())) {
                throw new CliFailure(1, "the database is open in a MemberDesk window: restore it there"
                        + " (Settings → Data) or close the window first");
            }
            RestoredBackup restored = cli.rescuableContext().backupService().restore(file);
            Map<String, Object> out = Cli.object();
            out.put("restored", restored.from().toString());
            out.put("previous_state", restored.previousState().file().toString());
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "backups", description = "List the backups (newest first); --keep N changes how many are kept.")
    static final class ListBackups implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Option(names = "--keep", paramLabel = "N", description = "Keep the newest N backups (1-1000).")
        Integer keep;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Backups backups = cli.rescuableContext().backups();
            if (keep != null) {
                if (keep < 1 || keep > Backups.MAX_KEEP) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--keep must be between 1 and " + Backups.MAX_KEEP);
                }
                cli.rescuableContext().backupService().setKeep(keep);
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (Backup backup : backups.list()) {
                Map<String, Object> row = Cli.object();
                row.put("file", backup.file().toString());
                row.put("taken_at", backup.takenAt().withNano(0).toString().replace('T', ' '));
                row.put("reason", backup.reason().tag());
                row.put("bytes", backup.bytes());
                list.add(row);
            }
            Map<String, Object> out = Cli.object();
            out.put("folder", backups.folder().toString());
            out.put("keep", backups.keep());
            out.put("backups", list);
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "integrity-check", description = "Check the database file (SQLite integrity_check and foreign keys).")
    static final class IntegrityCheck implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Override
        public Integer call() {
            IntegrityReport report = cli.rescuableContext().backups().checkIntegrity();
            Map<String, Object> out = Cli.object();
            out.put("ok", report.ok());
            out.put("problems", report.problems());
            cli.print(out);
            if (!report.ok()) {
                throw new CliFailure(1, "the database is damaged: " + report.problems().get(0)
                        + "; restore a backup (memberdesk restore FILE)");
            }
            return 0;
        }
    }
}
