package org.memberdesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memberdesk.tags.Rule;
import org.memberdesk.tags.RuleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Tags and segments on the command line: segment, rfm, lifecycle and tag. */
final class TagCommands {
    private TagCommands() {
    }

    /** A bad rule is a usage error: exit 2 with the position and what was expected. */
    static Rule rule(Object command, String text) {
        try {
            return Rule.parse(text);
        } catch (RuleException e) {
            throw new CommandLine.ParameterException(new CommandLine(command), "bad rule: " + e.getMessage());
        }
    }

    @Command(name = "segment", description = "Count (and optionally export) the members a rule matches.")
    static final class Segment implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Option(names = "--rule", required = true, paramLabel = "RULE",
                description = "e.g. \"purchases >= 3 and total_spent >= 500\"")
        String rule;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluate at this date (default: today).")
        LocalDate asOf;

        @Option(names = "--out", paramLabel = "CSV", description = "Write the matching members to this file.")
        Path out;

        @Override
        public Integer call() {
            Rule parsed = rule(this, rule);
            LocalDate date = asOf != null ? asOf : LocalDate.now(cli.clock());
            long count = out != null ? cli.context().rules().export(parsed, date, out)
                    : cli.context().rules().count(parsed, date);
            Map<String, Object> result = Cli.object();
            result.put("count", count);
            cli.print(result);
            return 0;
        }
    }
}
