package org.memberdesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.Optional;
import org.memberdesk.backup.BackupFolders;
import org.memberdesk.backup.RestoredBackup;
import org.memberdesk.backup.TakenBackup;
import org.memberdesk.common.Messages;
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

    @Command(name = "backup", description = "Back the database up now (SQLite online backup) into its backups folder,"
            + " and a copy into the chosen backup folder (backups --copy-to DIR) or DIR of --to.")
    static final class BackupNow implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Option(names = "--to", paramLabel = "DIR", description = "Also copy this backup into DIR (a USB drive,"
                + " another disk), this once, instead of the chosen backup folder. DIR must exist.")
        Path to;

        @Override
        public Integer call() {
            TakenBackup taken = cli.rescuableContext().backupService().take(Optional.ofNullable(to));
            Map<String, Object> out = Cli.object();
            out.put("backup", taken.file().toString());
            out.put("bytes", taken.bytes());
            taken.copiedTo().ifPresent(copy -> out.put("copy", copy.toString()));
            // the backup beside the database is whole: a copy left out is said, not an error (exit 0)
            taken.copyMissed().ifPresent(missed -> out.put("copy_problem", missed.describe(Messages.english())));
            cli.print(out);
            taken.copyMissed().ifPresent(missed -> {
                cli.err().println("warning: " + missed.describe(Messages.english()));
                cli.err().flush();
            });
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
            out.put("previous_state", restored.previousState().toString());
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "backups", description = "List the backups (newest first); --keep N changes how many are kept;"
            + " --copy-to DIR copies each daily and manual backup into DIR too (--copy-to none: no more copies).")
    static final class ListBackups implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Option(names = "--keep", paramLabel = "N", description = "Keep the newest N backups (1-1000).")
        Integer keep;

        @Option(names = "--copy-to", paramLabel = "DIR", description = "The backup folder for a second copy of the"
                + " daily and manual backups (a USB drive, another disk; it must exist), or none.")
        String copyTo;

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
            if (copyTo != null) {
                cli.rescuableContext().backupService().setCopyFolder(copyTo.equals("none") || copyTo.isBlank()
                        ? Optional.empty() : Optional.of(Path.of(copyTo)));
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
            BackupFolders folders = cli.rescuableContext().backupService().folders();
            out.put("copy_to", folders.chosen().map(Path::toString).orElse(null));
            if (folders.chosen().isPresent()) {
                out.put("copy_to_present", folders.chosenReachable());
            }
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
