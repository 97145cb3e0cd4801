package org.memberdesk.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memberdesk.common.ValidationException;
import org.memberdesk.staff.PinHashing;
import org.memberdesk.staff.Role;
import org.memberdesk.staff.Staff;
import org.memberdesk.stores.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Staff (员工) on the command line: {@code staff add NAME --role ROLE --pin PIN [--store NAME]} (the inherited --store:
 * where the work happens, so the new staff member works there; default this computer's store) and {@code staff list}
 * (the owner's:
 * a staff member acting by {@code --staff} who may not is refused, exit 4). Never prints a PIN or its hash.
 */
final class StaffCliCommands {
    private StaffCliCommands() {
    }

    /**
     * Adds {@code add} and {@code list} under {@code staff}. The command line's --pin (the PIN of --staff) is inherited
     * by every command, and {@code staff add NAME --role ROLE --pin PIN} (the words) has a --pin of its own,
     * the new staff member's: picocli refuses two options of one name, so the inherited one is taken off
     * {@code staff} first. The acting staff's PIN then goes before {@code staff} or in MEMBERDESK_PIN.
     */
    static void addSubcommands(CommandLine staff) {
        CommandSpec spec = staff.getCommandSpec();
        OptionSpec inherited = spec.findOption("--pin");
        if (inherited != null) {
            spec.remove(inherited);
        }
        staff.addSubcommand(StaffAdd.class);
        staff.addSubcommand(StaffList.class);
    }

    @Command(name = "staff", description = "Staff (员工): add one with a role and a PIN, or list them (the owner).")
    static final class StaffCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw Cli.usage(spec, "a staff command is needed: add or list");
        }
    }

    @Command(name = "add", description = "Add a staff member: cashier (收银员), manager (店长) or owner (店主), with a"
            + " 4–6 digit PIN they sign in with, working in this computer's store or the one --store names (a cashier"
            + " or manager signs in only at that store's computers). Prints {\"staff\":NAME,\"role\":ROLE}.")
    static final class StaffAdd implements Callable<Integer> {
        @ParentCommand
        StaffCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "cashier|manager|owner")
        String role;

        /**
         * The new staff member's PIN. It shadows the command line's own --pin (of --staff) after {@code add}; the
         * acting staff's PIN goes before the command or in MEMBERDESK_PIN.
         */
        @Option(names = "--pin", required = true, paramLabel = "PIN",
                description = "The new staff member's PIN, 4 to 6 digits. (The PIN of --staff goes before `staff`,"
                        + " or in MEMBERDESK_PIN.)")
        String pin;

        @Override
        public Integer call() {
            Role chosen;
            try {
                chosen = Role.of(role);
            } catch (IllegalArgumentException e) {
                throw Cli.usage(spec, "--role must be cashier, manager or owner, not '" + role + "'");
            }
            if (!PinHashing.isValidPin(pin)) {
                throw Cli.usage(spec, "--pin must be 4 to 6 digits (0–9)");
            }
            Staff added;
            try {
                added = parent.cli.context().staff().add(name, chosen, pin);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            Map<String, Object> out = Cli.object();
            out.put("staff", added.name());
            out.put("role", added.role().code());
            parent.cli.print(out);
            return 0;
        }
    }

    @Command(name = "list", description = "Every staff member: name, role, whether they still work here (never a PIN),"
            + " and when the shop has several stores the store they work in. Prints"
            + " {\"staff\":[{\"name\",\"role\",\"active\"[,\"store\"]}…]}.")
    static final class StaffList implements Callable<Integer> {
        @ParentCommand
        StaffCommand parent;

        @Option(names = "--pin", paramLabel = "PIN", description = "The PIN of --staff (or MEMBERDESK_PIN).")
        String pin;

        @Override
        public Integer call() {
            if (pin != null) {
                parent.cli.pin = pin;
            }
            List<Staff> all = parent.cli.context().staff().all();
            // a single shop's list is as it always was; a chain's says where each one works
            List<Store> stores = parent.cli.context().stores().all();
            Map<Long, String> storeNames = stores.size() > 1
                    ? stores.stream().collect(java.util.stream.Collectors.toMap(Store::id, Store::name))
                    : Map.of();
            List<Map<String, Object>> staff = all.stream().map(member -> {
                Map<String, Object> row = Cli.object();
                row.put("name", member.name());
                row.put("role", member.role().code());
                row.put("active", member.active());
                if (!storeNames.isEmpty()) {
                    row.put("store", storeNames.get(member.storeId()));
                }
                return row;
            }).toList();
            Map<String, Object> out = Cli.object();
            out.put("staff", staff);
            parent.cli.print(out);
            return 0;
        }
    }
}
