package org.memberdesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memberdesk.segments.LifecycleCounts;
import org.memberdesk.segments.LifecycleMoves;
import org.memberdesk.segments.RfmResult;
import org.memberdesk.segments.RfmSegment;
import org.memberdesk.tags.Tag;
import org.memberdesk.tags.Rule;
import org.memberdesk.tags.RuleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Tags and segments on the command line: segment, rfm, lifecycle and tag. */
final class TagCommands {
    private TagCommands() {
    }

    /** A bad rule is a usage error: exit 2 with the position and what was expected. */
    static Rule rule(CommandLine.Model.CommandSpec spec, String text) {
        try {
            return Rule.parse(text);
        } catch (RuleException e) {
            // the spec's own CommandLine, so the message goes to the stderr the Cli was given
            throw new CommandLine.ParameterException(spec.commandLine(), "bad rule: " + e.getMessage());
        }
    }

    @Command(name = "segment", description = "Count (and optionally export) the members a rule matches.")
    static final class Segment implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--rule", required = true, paramLabel = "RULE",
                description = "e.g. \"purchases >= 3 and total_spent >= 500\"")
        String rule;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluate at this date (default: today).")
        LocalDate asOf;

        @Option(names = "--out", paramLabel = "CSV", description = "Write the matching members to this file (CSV; .xlsx: an Excel workbook).")
        Path out;

        @Override
        public Integer call() {
            Rule parsed = rule(spec, rule);
            LocalDate date = asOf != null ? asOf : LocalDate.now(cli.clock());
            long count = PredictCommands.withModels(cli, asOf, List.of(parsed), () -> out != null
                    ? cli.context().rules().export(parsed, date, out) : cli.context().rules().count(parsed, date));
            Map<String, Object> result = Cli.object();
            result.put("count", count);
            cli.print(result);
            return 0;
        }
    }

    @Command(name = "rfm", description = "RFM segments and the R×F score grid at a date.")
    static final class Rfm implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluate at this date (default: today).")
        LocalDate asOf;

        @Override
        public Integer call() {
            RfmResult rfm = cli.context().rfm().compute(asOf != null ? asOf : LocalDate.now(cli.clock()));
            Map<String, Object> segments = new LinkedHashMap<>();
            for (RfmSegment segment : RfmSegment.values()) {
                segments.put(segment.key(), rfm.segments().get(segment).members());
            }
            List<List<Long>> grid = new ArrayList<>();
            for (long[] row : rfm.grid()) {
                grid.add(java.util.Arrays.stream(row).boxed().toList());
            }
            Map<String, Object> result = Cli.object();
            result.put("members", rfm.members());
            result.put("segments", segments);
            result.put("grid", grid);
            cli.print(result);
            return 0;
        }
    }

    @Command(name = "lifecycle", description = "Members per lifecycle stage at a date.")
    static final class Lifecycle implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluate at this date (default: today).")
        LocalDate asOf;

        @Option(names = "--since", paramLabel = "DATE",
                description = "Also count the members whose stage changed since this date (key \"moved\").")
        LocalDate since;

        @Override
        public Integer call() {
            LocalDate date = asOf != null ? asOf : LocalDate.now(cli.clock());
            Map<String, Object> result = Cli.object();
            // one read around both: the counts and the moves are of the same moment
            cli.database().read(connection -> {
                LifecycleCounts counts = cli.context().lifecycle().counts(date);
                counts.stages().forEach((stage, count) -> result.put(stage.key(), count));
                if (since != null) {
                    LifecycleMoves moves = cli.context().lifecycle().moves(since, date);
                    result.put("moved", moves.moved());
                }
                return null;
            });
            cli.print(result);
            return 0;
        }
    }

    @Command(name = "tag", description = "Manual tags and rule tags.",
            subcommands = {TagCreate.class, TagAdd.class, TagRemove.class, TagRefresh.class, TagList.class,
                TagDelete.class, TagRename.class})
    static final class TagCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "tag needs a subcommand: create, add, remove, refresh, list, rename or delete");
        }
    }

    @Command(name = "create", description = "Create a tag: manual, or with --rule a rule tag filled at once.")
    static final class TagCreate implements Callable<Integer> {
        @ParentCommand
        TagCommand tag;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--rule", paramLabel = "RULE")
        String rule;

        @Override
        public Integer call() {
            if (rule != null) {
                rule(spec, rule);
            }
            tag.cli.print(describe(tag.cli.context().tags().create(name, rule)));
            return 0;
        }
    }

    @Command(name = "add", description = "Put a manual tag on members (the tag is created when new).")
    static final class TagAdd implements Callable<Integer> {
        @ParentCommand
        TagCommand tag;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "MEMBER_NO")
        List<String> members;

        @Override
        public Integer call() {
            int added = tag.cli.context().tags().addByNumbers(name, members);
            Map<String, Object> result = Cli.object();
            result.put("tag", name);
            result.put("added", added);
            tag.cli.print(result);
            return 0;
        }
    }

    @Command(name = "remove", description = "Take a manual tag off members.")
    static final class TagRemove implements Callable<Integer> {
        @ParentCommand
        TagCommand tag;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "MEMBER_NO")
        List<String> members;

        @Override
        public Integer call() {
            int removed = tag.cli.context().tags().removeByNumbers(name, members);
            Map<String, Object> result = Cli.object();
            result.put("tag", name);
            result.put("removed", removed);
            tag.cli.print(result);
            return 0;
        }
    }

    @Command(name = "refresh", description = "Recompute every rule tag (or the one named) as of today.")
    static final class TagRefresh implements Callable<Integer> {
        @ParentCommand
        TagCommand tag;

        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
                description = "Only this rule tag (a manager's action, written to the operation log).")
        String name;

        @Override
        public Integer call() {
            if (name != null) {
                tag.cli.print(describe(tag.cli.context().tags().refreshNow(name, org.memberdesk.common.Progress.NONE)));
                return 0;
            }
            List<Tag> tags = tag.cli.context().tags().refreshAll();
            Map<String, Object> result = Cli.object();
            result.put("refreshed", tags.stream().filter(Tag::isRuleTag).count());
            result.put("tags", tags.stream().map(TagCommands::describe).toList());
            tag.cli.print(result);
            return 0;
        }
    }

    @Command(name = "list", description = "Every tag with its rule and member count.")
    static final class TagList implements Callable<Integer> {
        @ParentCommand
        TagCommand tag;

        @Override
        public Integer call() {
            Map<String, Object> result = Cli.object();
            result.put("tags", tag.cli.context().tags().list().stream().map(TagCommands::describe).toList());
            tag.cli.print(result);
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a tag (members keep everything else).")
    static final class TagDelete implements Callable<Integer> {
        @ParentCommand
        TagCommand tag;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            tag.cli.context().tags().delete(name);
            Map<String, Object> result = Cli.object();
            result.put("deleted", name);
            tag.cli.print(result);
            return 0;
        }
    }

    @Command(name = "rename", description = "Give a tag a new name; rules of rule tags that use it follow.")
    static final class TagRename implements Callable<Integer> {
        @ParentCommand
        TagCommand tag;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "NEW_NAME")
        String newName;

        @Override
        public Integer call() {
            Map<String, Object> result = describe(tag.cli.context().tags().rename(name, newName));
            result.put("renamed_from", name);
            tag.cli.print(result);
            return 0;
        }
    }

    static Map<String, Object> describe(Tag tag) {
        Map<String, Object> out = Cli.object();
        out.put("name", tag.name());
        out.put("rule", tag.rule());
        out.put("members", tag.members());
        out.put("refreshed_at", tag.refreshedAt());
        return out;
    }
}
