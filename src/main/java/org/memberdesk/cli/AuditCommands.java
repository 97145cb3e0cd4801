package org.memberdesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memberdesk.members.MemberStore;
import org.memberdesk.staff.AuditChain;
import org.memberdesk.staff.LogEntry;
import org.memberdesk.staff.LogFilter;
import org.memberdesk.staff.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code audit}: the operation log (操作日志) — what a filter selects, its export, and the hash chain's check. */
final class AuditCommands {
    /** How many of the newest matching entries are printed (all of them are counted and exported). */
    static final int SHOWN = 100;

    private AuditCommands() {
    }

    @Command(name = "audit", subcommands = {Verify.class}, description = "The operation log: how many entries match"
            + " (--staff NAME here picks whose entries; to act as a staff member set MEMBERDESK_STAFF and"
            + " MEMBERDESK_PIN), the newest " + SHOWN + " of them, and with --out all of them to a CSV or .xlsx file"
            + " (the owner).")
    static final class Audit implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "DATE", description = "From this day, YYYY-MM-DD.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Up to this day, YYYY-MM-DD (included).")
        LocalDate to;

        @Option(names = "--action", paramLabel = "A", description = "Only this action: sale, return, void, check-in,"
                + " card-sale, top-up, freeze, card-refund, points-adjust, export, restore, staff, sign-in …")
        String action;

        @Option(names = "--out", paramLabel = "FILE", description = "Write every matching entry, oldest first, with"
                + " its hashes, to this CSV or .xlsx file (the owner only).")
        Path out;

        @Override
        public Integer call() {
            String staff = cli.staffFilter();
            if (cli.pin != null && cli.environment("MEMBERDESK_STAFF") == null) {
                throw Cli.usage(spec, "audit --staff picks whose entries to list; to act as a staff member here set"
                        + " MEMBERDESK_STAFF and MEMBERDESK_PIN");
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw Cli.usage(spec, "--to " + to + " is before --from " + from);
            }
            String code;
            try {
                code = action == null ? null : Operation.of(action).code();
            } catch (IllegalArgumentException e) {
                throw Cli.usage(spec, "no such action: " + action + " (one of: " + String.join(", ",
                        java.util.Arrays.stream(Operation.values()).map(Operation::code).toList()) + ")");
            }
            LogFilter filter = new LogFilter(from, to, staff, code, null);
            if (out != null) {
                cli.context().outputFiles().check(out);
            }
            long entries = cli.context().operationLog().count(filter);
            List<LogEntry> newest = cli.context().operationLog().find(filter, SHOWN);
            if (out != null) {
                cli.context().operationLogExport().write(filter, out);
            }
            Map<String, Object> result = Cli.object();
            result.put("entries", entries);
            if (cli.json()) {
                List<Map<String, Object>> log = new ArrayList<>();
                for (LogEntry entry : newest) {
                    log.add(json(entry));
                }
                result.put("log", log);
                cli.print(result);
            } else {
                cli.print(result);
                newest.forEach(entry -> cli.out().println(line(entry)));
                cli.out().flush();
            }
            return 0;
        }
    }

    private static Map<String, Object> json(LogEntry entry) {
        Map<String, Object> row = Cli.object();
        row.put("id", entry.id());
        row.put("at", MemberStore.timeText(entry.at()));
        row.put("staff", entry.staffName());
        row.put("action", entry.action());
        row.put("member_id", entry.memberId());
        row.put("subject", entry.subject());
        row.put("summary", entry.summary());
        row.put("reason", entry.reason());
        row.put("money", entry.money());
        return row;
    }

    /** One entry on a line: id, time, who, what, on what, before → after, why. */
    static String line(LogEntry entry) {
        StringBuilder line = new StringBuilder();
        line.append('#').append(entry.id()).append("  ").append(MemberStore.timeText(entry.at())).append("  ")
                .append(entry.staffName()).append("  ").append(entry.action());
        if (entry.subject() != null) {
            line.append("  ").append(entry.subject());
        }
        if (entry.summary() != null) {
            line.append("  ").append(entry.summary());
        }
        if (entry.reason() != null) {
            line.append("  (").append(entry.reason()).append(')');
        }
        return line.toString();
    }

    @Command(name = "verify", description = "Walk the log's hash chain: how many entries, and the first one changed,"
            + " removed or slipped in outside the app (exit 1 when the chain is broken).")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        Audit parent;

        @Override
        public Integer call() {
            Cli cli = parent.cli;
            AuditChain.Verification verification = cli.context().operationLog().verify();
            Map<String, Object> result = Cli.object();
            result.put("entries", verification.entries());
            result.put("broken_at", verification.brokenAt());
            cli.print(result);
            if (!verification.intact()) {
                cli.err().println("error: the operation log was changed outside the app: entry "
                        + verification.brokenAt() + " (of " + verification.entries() + ") was edited, removed or"
                        + " slipped in and no longer matches the chain; keep the database as it is and compare it with"
                        + " a backup");
                cli.err().flush();
                return 1;
            }
            return 0;
        }
    }
}
