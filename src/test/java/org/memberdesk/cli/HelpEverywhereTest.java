package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberdesk.TestDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Issue 17, finding 3: {@code --help} works on every command of the tree, lists every option and shows an example. */
class HelpEverywhereTest {
    record Run(int code, String out, String err) {
    }

    Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err),
                args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** Every command and subcommand, as the words that name it. */
    private static List<List<String>> tree(CommandLine command, List<String> path, List<List<String>> into) {
        for (var sub : command.getSubcommands().entrySet()) {
            if (sub.getValue().getCommandSpec().aliases().length > 0
                    && List.of(sub.getValue().getCommandSpec().aliases()).contains(sub.getKey())) {
                continue; // an alias names a command already walked
            }
            List<String> words = new ArrayList<>(path);
            words.add(sub.getKey());
            into.add(words);
            tree(sub.getValue(), words, into);
        }
        return into;
    }

    @Test
    void finding3_everyCommandHasItsHelpWithEveryOptionAndAnExample() {
        List<List<String>> commands = tree(new Cli().commandLine(), List.of(), new ArrayList<>());
        assertTrue(commands.size() > 60, "the whole tree: " + commands.size());
        List<String> failures = new ArrayList<>();
        CommandLine root = new Cli().commandLine();
        for (List<String> words : commands) {
            CommandLine command = root;
            for (String word : words) {
                command = command.getSubcommands().get(word);
            }
            List<String> args = new ArrayList<>(words);
            args.add("--help");
            Run help = run(args);
            String name = String.join(" ", words);
            if (help.code() != 0 || !help.err().isEmpty()) {
                failures.add(name + ": exit " + help.code() + " " + help.err().strip());
                continue;
            }
            if (!help.out().startsWith("Usage: memberdesk " + name)) {
                failures.add(name + ": no usage");
            }
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (!help.out().contains(option.longestName())) {
                    failures.add(name + ": " + option.longestName() + " missing");
                }
            }
            // the example names the command (a few commands keep their own "Examples:" footer, without --db)
            if (!help.out().contains("Example") || !java.util.regex.Pattern.compile(
                    "memberdesk (--db \\S+ )?" + java.util.regex.Pattern.quote(name) + "\\b").matcher(help.out()).find()) {
                failures.add(name + ": no example naming the command");
            }
            List<String> helpWord = new ArrayList<>(List.of("help"));
            helpWord.addAll(words);
            Run viaHelp = run(helpWord);
            if (viaHelp.code() != 0 || !viaHelp.out().equals(help.out())) {
                failures.add("help " + name + ": exit " + viaHelp.code() + " " + viaHelp.err().strip());
            }
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    @Test
    void finding3_theImportCommandsNameTheDateFormatAndMembersTheUpdate() {
        for (String command : List.of("import-members", "import-purchases", "import-cards")) {
            Run help = run(List.of(command, "--help"));
            assertEquals(0, help.code(), help.err());
            assertTrue(help.out().contains("--date-format=PATTERN") && help.out().contains("M/d/yyyy"), help.out());
        }
        Run members = run(List.of("import-members", "--help"));
        assertTrue(members.out().contains("--update"), members.out());
    }
}
