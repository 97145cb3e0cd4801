package org.memberdesk.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Json;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.DataException;
import org.memberdesk.db.DataFolder;
import org.memberdesk.db.Database;
import org.memberdesk.db.SqliteLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line: {@code memberdesk --db FILE COMMAND ... [--json]}. A public interface: commands,
 * flags and JSON keys stay as the issues name them. Exit codes: 0 done (bad rows are not failure),
 * 1 the work stopped (one line on stderr, never a stack trace), 2 usage error, 3 refused by the shop's rules
 * (a coupon, a return, a void, a check-in, a card change, a time in the future; nothing changed), 4 refused to
 * the staff member acting ({@code --staff}: not their role's, or their PIN refused; nothing changed).
 * {@code --help} is inherited: {@code COMMAND --help} shows that command's options.
 */
@Command(name = "memberdesk", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = Cli.Version.class,
        description = "MemberDesk 会员台: members, purchases and points in a local SQLite file.")
public final class Cli implements Callable<Integer> {
    /**
     * Every command, in the order {@code --help} lists them. picocli reads a command's annotations when
     * it is added, which for all of them costs a quarter of a second; a command line names one, so
     * only that one is added (see {@link #commandLine(String...)}).
     */
    static final List<Class<?>> COMMANDS = List.of(
            DataCommands.ImportMembers.class,
            DataCommands.ImportPurchases.class,
            CardImportCommands.ImportCards.class,
            DataCommands.ExportMembers.class,
            DataCommands.ExportPurchases.class,
            DataCommands.Demo.class,
            DataCommands.Stats.class,
            AnalyticsCommands.Report.class,
            AnalyticsCommands.FunnelCommand.class,
            AnalyticsCommands.Cohorts.class,
            AnalyticsCommands.Chart.class,
            CouponCommands.CampaignCommand.class,
            CouponCommands.CouponsCommand.class,
            CouponCommands.Redeem.class,
            CounterCommands.Sell.class,
            CounterCommands.Return.class,
            CounterCommands.VoidSale.class,
            CardProductCommands.ProductCommand.class,
            CardProductCommands.BonusCommand.class,
            CardCommands.CardCommand.class,
            CardChangeCommands.Checkin.class,
            CardReportCommands.CardsCommand.class,
            CardReportCommands.Liability.class,
            CardReportCommands.Check.class,
            RenewalForecastCommand.class,
            TagCommands.Segment.class,
            TagCommands.Rfm.class,
            TagCommands.Lifecycle.class,
            TagCommands.TagCommand.class,
            PredictCommands.Predict.class,
            PointsCommands.Points.class,
            PointsCommands.Progress.class,
            PointsCommands.Expire.class,
            PointsCommands.Review.class,
            PointsCommands.Check.class,
            PointsCommands.Adjust.class,
            PointsCommands.Redeem.class,
            PointsCommands.AddReward.class,
            PointsCommands.Template.class,
            StaffReportCommand.class,
            AuditCommands.Audit.class,
            BackupCommands.BackupNow.class,
            BackupCommands.Restore.class,
            BackupCommands.ListBackups.class,
            BackupCommands.IntegrityCheck.class,
            MoveCommand.class,
            CardPrintCommands.Photo.class,
            StaffCliCommands.StaffCommand.class,
            StoreCommands.StoresCommand.class);

    @Option(names = "--db", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The database file (default: the user's data folder), or a PostgreSQL database shared by"
                    + " several counters: postgresql://USER@HOST:PORT/DATABASE (the password from PGPASSWORD or"
                    + " ~/.pgpass).")
    String db;

    @Option(names = "--staff", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Act as this staff member, within their role (default: the owner, logged as cli:USER)."
                    + " Or MEMBERDESK_STAFF.")
    String staffName;

    @Option(names = "--pin", paramLabel = "PIN", scope = ScopeType.INHERIT,
            description = "The PIN of --staff. Better MEMBERDESK_PIN: a command line can be seen by others.")
    String pin;

    @Option(names = "--store", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The store (门店) the work happens in (default: this computer's store, else the main"
                    + " store); for a report, show this store alone (default: every store, with a column each).")
    String storeName;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print exactly one JSON object on stdout.")
    boolean json;

    private final Clock clock;
    /** The environment's variables by name (MEMBERDESK_STAFF, MEMBERDESK_PIN): the process's, or a test's. */
    private final java.util.function.UnaryOperator<String> environment;
    private PrintWriter out;
    private PrintWriter err;
    private AppContext context;
    private Database database;

    public Cli() {
        this(Clock.systemDefaultZone());
    }

    public Cli(Clock clock) {
        this(clock, System::getenv);
    }

    /** With the environment variables a test gives instead of the process's. */
    Cli(Clock clock, java.util.function.UnaryOperator<String> environment) {
        this.clock = clock;
        this.environment = environment;
    }

    public int run(String... args) {
        return run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    public int run(PrintWriter stdout, PrintWriter stderr, String... args) {
        this.out = stdout;
        this.err = stderr;
        CommandLine commandLine = commandLine(args);
        commandLine.setOut(stdout);
        commandLine.setErr(stderr);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // a staff member or file named like a command (--staff stats, --db report) is still that option's value
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            Throwable cause = e;
            int code = 1;
            String message;
            if (cause instanceof CliFailure failure) {
                code = failure.exitCode();
                message = failure.getMessage();
            } else if (cause instanceof org.memberdesk.staff.NotAllowedException refused) {
                // not this staff member's to do (or their PIN was refused): nothing changed, but the attempt is
                // kept in the log, naming them
                code = REFUSED_TO_STAFF;
                message = refused.getMessage();
                if (context != null) {
                    context.operationLog().recordRefused(refused);
                }
            } else if (cause instanceof DataException) {
                message = inWords(cause.getMessage());
            } else if (cause instanceof ValidationException || cause instanceof IllegalArgumentException
                    || cause instanceof org.memberdesk.tags.RuleException) {
                message = cause.getMessage();
            } else if (cause instanceof java.io.IOException io) {
                message = "cannot read or write a file: " + io.getMessage();
            } else {
                message = cause.toString();
            }
            cmd.getErr().println("error: " + oneLine(message));
            cmd.getErr().flush();
            return code;
        });
        commandLine.setParameterExceptionHandler((e, parseArgs) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + oneLine(e.getMessage()));
            cmd.getErr().println("usage: " + oneLine(cmd.getHelp().synopsis(0)));
            cmd.getErr().flush();
            return CommandLine.ExitCode.USAGE;
        });
        try {
            return commandLine.execute(args);
        } catch (RuntimeException | Error e) {
            // a broken installation (a missing library) or a bug: still one line, never a stack trace
            stderr.println("error: " + oneLine(e.toString()));
            return 1;
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    /**
     * This command line with the command that {@code args} name, none for {@code --version}, or every
     * command when they name none or one that does not exist (help lists them all, and a typo gets
     * picocli's suggestions).
     */
    CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(this);
        Optional<Class<?>> named = commandNamed(args);
        if (named.isPresent()) {
            add(commandLine, named.get());
        } else if (!List.of(args).contains("--version") && !List.of(args).contains("-V")) {
            COMMANDS.forEach(command -> add(commandLine, command));
            // `memberdesk help COMMAND [SUBCOMMAND]` prints what `COMMAND [SUBCOMMAND] --help` prints
            commandLine.addSubcommand(CommandHelp.class);
        }
        CommandExamples.addTo(commandLine);
        return commandLine;
    }

    private static void add(CommandLine commandLine, Class<?> command) {
        commandLine.addSubcommand(command);
        if (command == StaffCliCommands.StaffCommand.class) {
            // `staff add NAME --pin PIN` has a --pin of its own (the new PIN): added after the inherited one is gone
            StaffCliCommands.addSubcommands(commandLine.getSubcommands().get("staff"));
        }
    }

    /** The command the first word that is not an option (nor --db's value) names, if it is one. */
    static Optional<Class<?>> commandNamed(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--db") || arg.equals("--staff") || arg.equals("--pin") || arg.equals("--store")) {
                i++;
            } else if (!arg.startsWith("-")) {
                return COMMANDS.stream()
                        .filter(command -> command.getAnnotation(Command.class).name().equals(arg))
                        .findFirst();
            }
        }
        return Optional.empty();
    }

    @Override
    public Integer call() {
        throw usage(spec, "a command is needed; see --help");
    }

    /** The services of the database named by --db (opened once, on first use). */
    AppContext context() {
        if (context == null) {
            Database opened = database();
            // with --staff, opening the file has signed them in already
            if (context == null) {
                AppContext made = new AppContext(opened, clock, new org.memberdesk.db.OutputFiles(opened.file()),
                        actingFirst());
                settleStore(made);
                context = signedIn(made);
            }
        }
        return context;
    }

    /**
     * Where the work happens (--store, else this computer's store), settled before anyone signs in: a cashier or
     * manager works at their own store's computers. An unknown --store is a usage error.
     */
    private void settleStore(AppContext made) {
        try {
            made.stores().settle(Optional.ofNullable(storeName));
        } catch (ValidationException unknown) {
            throw new CliFailure(CommandLine.ExitCode.USAGE, "--" + unknown.getMessage());
        }
    }

    /**
     * A report's store: the one {@code --store} names (its figures alone), or empty for the whole chain (every
     * store, with a column each where the report has them).
     */
    Optional<org.memberdesk.stores.Store> storeFilter() {
        return storeName == null || storeName.isBlank() ? Optional.empty() : Optional.of(context().stores().here());
    }

    /** Exit code of an action the acting staff member may not do, or a refused PIN. */
    static final int REFUSED_TO_STAFF = 4;

    /** An environment variable: the process's, or the one a test gives. */
    String environment(String name) {
        return environment.apply(name);
    }

    /** Set by {@link #staffFilter()}: --staff names whose entries {@code audit} lists, not who acts. */
    private boolean staffIsAFilter;

    /**
     * {@code audit --staff NAME}: the name given to --staff, taken as the log's filter (the synopsis); for
     * that command who acts comes from MEMBERDESK_STAFF and MEMBERDESK_PIN alone. Call before {@link #context()}.
     */
    String staffFilter() {
        staffIsAFilter = true;
        return staffName == null || staffName.isBlank() ? null : staffName.strip();
    }

    private String staffName() {
        String named = staffName != null && !staffIsAFilter ? staffName : environment.apply("MEMBERDESK_STAFF");
        return named == null || named.isBlank() ? null : named.strip();
    }

    /** The owner as {@code cli:USER} without --staff; nobody until the PIN is checked with it. */
    private org.memberdesk.staff.Actor actingFirst() {
        return staffName() == null ? org.memberdesk.staff.Actor.commandLine() : org.memberdesk.staff.Actor.NOBODY;
    }

    /** With --staff (or MEMBERDESK_STAFF): that staff member, if the PIN is theirs; refused (exit 4) otherwise. */
    private AppContext signedIn(AppContext opened) {
        String name = staffName();
        if (name != null) {
            String typed = pin != null ? pin : environment.apply("MEMBERDESK_PIN");
            if (typed == null || typed.isBlank()) {
                throw new CliFailure(REFUSED_TO_STAFF, "--staff " + name + " needs a PIN: --pin PIN or MEMBERDESK_PIN");
            }
            opened.session().become(opened.staff().check(name, typed.strip()));
        }
        return opened;
    }

    /**
     * The database named by --db alone (opened once, on first use): a read-only command that needs no
     * service, like {@code stats}, does not pay for building every service and loading their classes.
     */
    Database database() {
        if (database == null) {
            SqliteLibrary.useKeptCopy(DataFolder.privateFolder().resolve("native"));
            try {
                database = onServer() ? Database.open(db) : Database.open(file());
            } catch (DataException e) {
                throw new CliFailure(1, onServer() ? clause(e.getMessage()) : clause(e.getMessage()) + "; " + WAY_OUT);
            }
            // --staff's PIN is checked before any command reads, also one that builds no service (stats)
            if (staffName() != null) {
                context();
            }
        }
        return database;
    }

    /**
     * The database for the commands that must work whatever state the file is in ({@code restore}, {@code backups},
     * {@code backup}, {@code integrity-check}, the exports): when it cannot be opened normally (its history does not
     * match, tables are missing, the disk is full or read-only …) it is opened read-only, unchanged, with a warning,
     * so the shop can still get its data out and go back to a backup.
     */
    Database rescuableDatabase() {
        if (database == null) {
            SqliteLibrary.useKeptCopy(DataFolder.privateFolder().resolve("native"));
            if (onServer()) {
                return database();
            }
            Path file = file();
            try {
                database = Database.open(file);
            } catch (DataException e) {
                if (!java.nio.file.Files.isRegularFile(file)) {
                    throw e;
                }
                database = Database.openForRescue(file);
                err.println("warning: " + clause(e.getMessage()) + "; opened read-only, unchanged, to rescue the data");
                err.flush();
            }
            if (staffName() != null) {
                rescuableContext();
            }
        }
        return database;
    }

    /** {@link #context()} on {@link #rescuableDatabase()}. */
    AppContext rescuableContext() {
        if (context == null) {
            Database opened = rescuableDatabase();
            if (context == null) {
                AppContext made = new AppContext(opened, clock, new org.memberdesk.db.OutputFiles(opened.file()),
                        actingFirst());
                // a file too damaged to list its stores is rescued (restore, backups, exports) from store 1
                try {
                    settleStore(made);
                } catch (DataException unreadable) {
                    err.println("warning: the stores could not be read (" + clause(unreadable.getMessage())
                            + "); working as the main store");
                    err.flush();
                }
                context = signedIn(made);
            }
        }
        return context;
    }

    private Path file() {
        return db != null ? Path.of(db) : DataFolder.defaultDatabase();
    }

    /** True when --db names a PostgreSQL server rather than a file. */
    boolean onServer() {
        return org.memberdesk.db.Dialect.isServerLocation(db);
    }

    /** A message on one line without its closing full stop, to go on after a semicolon. */
    private static String clause(String message) {
        return oneLine(message).replaceAll("[.\\s]+$", "");
    }

    /** What a shop can still do with a database that cannot be opened normally. */
    static final String WAY_OUT = "these still work on it: `memberdesk backups` lists its backups, `memberdesk restore"
            + " FILE` puts one back, `memberdesk export-members FILE` and `export-purchases FILE` save the data,"
            + " `memberdesk integrity-check` checks the file";

    private static final java.util.regex.Pattern MISSING = java.util.regex.Pattern.compile(
            "no such (table|column): ([\\w.]+)");

    /** SQLite's "no such table: X" as what it means for the shop. */
    static String inWords(String message) {
        java.util.regex.Matcher m = MISSING.matcher(message == null ? "" : message);
        if (m.find()) {
            return "the database has no " + m.group(1) + " " + m.group(2) + " (it is damaged or was not fully"
                    + " brought up to date), so this cannot be done; " + WAY_OUT;
        }
        return message;
    }

    Clock clock() {
        return clock;
    }

    /** The output guard of the database named by --db, also for commands that do not open it. */
    org.memberdesk.db.OutputFiles outputFiles() {
        if (context != null) {
            return context.outputFiles();
        }
        return new org.memberdesk.db.OutputFiles(onServer() ? database().file() : file());
    }

    boolean json() {
        return json;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    Messages messages() {
        return Messages.english();
    }

    /** Prints a command's result: the JSON object with --json, else "key: value" lines. */
    void print(Map<String, ?> result) {
        if (json) {
            out.println(Json.write(result));
        } else {
            result.forEach((key, value) -> out.println(key + ": " + (value instanceof Map || value instanceof
                    java.util.Collection ? Json.write(value) : value)));
        }
        out.flush();
    }

    /**
     * A usage error (exit 2) reported by the command that was given, through its own streams and with its
     * own synopsis — not a freshly built command line, which would scan the command's annotations again.
     */
    static CommandLine.ParameterException usage(CommandLine.Model.CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The version in the jar's manifest (from the pom). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"MemberDesk " + (version == null ? "dev" : version)};
        }
    }
}
