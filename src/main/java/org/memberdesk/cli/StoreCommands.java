package org.memberdesk.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memberdesk.common.ValidationException;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Stores (门店) on the command line: {@code stores} lists them and the one this computer works in;
 * {@code stores add NAME}, {@code stores rename NAME --to NEW} and {@code stores here NAME} are the owner's (each
 * logged). A name that is no store is a usage error (exit 2, as for {@code --store}); a new name that is taken or
 * not a name is refused (exit 3); a staff member acting by {@code --staff} who may not is refused (exit 4).
 */
final class StoreCommands {
    private StoreCommands() {
    }

    @Command(name = "stores", subcommands = {StoreAdd.class, StoreRename.class, StoreHereCommand.class},
            description = "The shop's stores (门店) and the one this computer works in. Prints"
                    + " {\"stores\":[{\"id\",\"name\"}…],\"here\":NAME}.")
    static final class StoresCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Override
        public Integer call() {
            StoreService stores = cli.context().stores();
            List<Map<String, Object>> listed = stores.all().stream().map(StoreCommands::row).toList();
            Map<String, Object> out = Cli.object();
            out.put("stores", listed);
            out.put("here", stores.here().name());
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "add", description = "Add a store (the owner's): a unique name of 1 to 40 characters. Prints"
            + " {\"id\":ID,\"name\":NAME}.")
    static final class StoreAdd implements Callable<Integer> {
        @ParentCommand
        StoresCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            Store added;
            try {
                added = parent.cli.context().stores().add(name);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            parent.cli.print(row(added));
            return 0;
        }
    }

    @Command(name = "rename", description = "Rename a store (the owner's); what happened there keeps belonging to it."
            + " Prints {\"id\":ID,\"name\":NEW}.")
    static final class StoreRename implements Callable<Integer> {
        @ParentCommand
        StoresCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--to", required = true, paramLabel = "NEW", description = "The store's new name.")
        String to;

        @Override
        public Integer call() {
            StoreService stores = parent.cli.context().stores();
            Store renamed;
            try {
                renamed = stores.rename(named(stores, spec, name).id(), to);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            parent.cli.print(row(renamed));
            return 0;
        }
    }

    @Command(name = "here", description = "Set the store this computer works in (the owner's; kept on this computer"
            + " beside the database). Prints {\"here\":NAME}.")
    static final class StoreHereCommand implements Callable<Integer> {
        @ParentCommand
        StoresCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            StoreService stores = parent.cli.context().stores();
            Store chosen = stores.workHere(named(stores, spec, name).id());
            Map<String, Object> out = Cli.object();
            out.put("here", chosen.name());
            parent.cli.print(out);
            return 0;
        }
    }

    /** The store a person named (or "Main store" for an unrenamed 本店); a name that is no store is exit 2. */
    private static Store named(StoreService stores, CommandSpec spec, String name) {
        try {
            return stores.find(name);
        } catch (ValidationException unknown) {
            throw Cli.usage(spec, unknown.problems().stream()
                    .map(problem -> problem.describe(org.memberdesk.common.Messages.english()))
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
    }

    private static Map<String, Object> row(Store store) {
        Map<String, Object> row = Cli.object();
        row.put("id", store.id());
        row.put("name", store.name());
        return row;
    }
}
