package org.memberdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code memberdesk help COMMAND [SUBCOMMAND]}: the same help as {@code COMMAND [SUBCOMMAND] --help}. picocli's own
 * help command stops at the first word, so {@code help card sell} would show the help of {@code card}.
 */
@Command(name = "help", helpCommand = true,
        description = "Show a command's help, as COMMAND --help does: its options and an example.")
final class CommandHelp implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommand) to explain.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine command = spec.commandLine().getParent();
        for (String word : words) {
            CommandLine sub = command.getSubcommands().get(word);
            if (sub == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no command '"
                        + String.join(" ", words) + "'; `memberdesk --help` lists the commands");
            }
            command = sub;
        }
        command.usage(spec.commandLine().getOut());
        return 0;
    }
}
