package org.memberdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memberdesk.demo.Business;
import org.memberdesk.demo.DemoData;
import org.memberdesk.demo.DemoLoader;
import org.memberdesk.io.Dates;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.io.ImportResult;
import org.memberdesk.io.TextEncoding;
import org.memberdesk.purchases.PurchaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The foundation's commands: import, export, demo data and totals. */
final class DataCommands {
    private DataCommands() {
    }

    /** Options every import takes. */
    abstract static class ImportCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The file to import: CSV (comma, semicolon or tab) or Excel .xlsx.")
        Path file;

        @Option(names = "--map", paramLabel = "field=Column,...", split = ",",
                description = "The file's own column names, e.g. --map phone=手机号,name=姓名")
        Map<String, String> map = new LinkedHashMap<>();

        @Option(names = "--encoding", paramLabel = "auto|utf-8|gbk", defaultValue = "auto",
                description = "The file's encoding (default: auto).")
        String encoding;

        @Option(names = "--date-format", paramLabel = "PATTERN",
                description = "How the file writes its dates, when they put the year last (12/1/2010): M/d/yyyy"
                        + " (month first, US exports), d/M/yyyy, d.M.yyyy, yyyyMMdd, or mdy, dmy, ymd. A time after"
                        + " the date (8:26, 08:26:00) is read too. Default: 2024-03-05, 2024/3/5, 2024.3.5,"
                        + " 20240305, 2024年3月5日, each with or without a time.")
        String dateFormat;

        @Option(names = "--sheet", paramLabel = "NAME",
                description = "The sheet of an Excel workbook (.xlsx) to read (default: the first).")
        String sheet;

        ImportOptions options() {
            ImportOptions options;
            try {
                Dates.of(dateFormat); // a pattern that reads no date is a usage error, before anything is read
                options = ImportOptions.defaults().withColumns(map).withEncoding(TextEncoding.parse(encoding))
                        .withDateFormat(dateFormat).withSheet(sheet);
            } catch (IllegalArgumentException e) {
                throw Cli.usage(spec, e.getMessage());
            }
            if (!Files.isRegularFile(file)) {
                throw new CliFailure(1, "no such file: " + file);
            }
            return options;
        }

        int print(ImportResult result) {
            return print(result, false);
        }

        /** The result as JSON; {@code withUpdated}: the command can change members already stored. */
        int print(ImportResult result, boolean withUpdated) {
            Map<String, Object> out = Cli.object();
            out.put("imported", result.imported());
            out.put("duplicates", result.duplicates());
            out.put("rejected", result.rejected());
            out.put("report", result.report().toString());
            // rows an earlier run of this same file had stored (skipped, and counted in duplicates), and whether
            // that run had been interrupted, so this one finished it
            out.put("already_imported_rows", result.alreadyImportedRows());
            out.put("resumed", result.resumed());
            if (withUpdated) {
                out.put("updated", result.updated());
            }
            // why rows were rejected: each reason without any one row's value → the report's rows it covers
            out.put("rejected_by_reason", result.rejectedCountsByReason());
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "import-members", description = "Import members from a CSV or Excel (.xlsx) file.")
    static final class ImportMembers extends ImportCommand {
        @Option(names = "--update", description = "Members already stored (same member_no; without one, same phone)"
                + " take the file's values: join dates, names, phones and the other fields. Empty cells leave the"
                + " stored value alone. Counted as \"updated\", not as duplicates.")
        boolean update;

        @Override
        public Integer call() throws IOException {
            ImportOptions options = options().withUpdate(update);
            return print(cli.context().memberImporter().importFile(file, options, Progress.NONE,
                    cli.messages()), true);
        }
    }

    @Command(name = "import-purchases", description = "Import purchases (and returns) from a CSV or Excel (.xlsx) file.")
    static final class ImportPurchases extends ImportCommand {
        @Option(names = "--allow-returns", description = "Store lines with a negative quantity or amount as returns instead of rejecting them.")
        boolean allowReturns;

        @Option(names = "--create-members", description = "Create members the file names but the database lacks; each joins on the date of its "
                + "earliest row in the file.")
        boolean createMembers;

        @Override
        public Integer call() throws IOException {
            ImportOptions options = options().withReturns(allowReturns).withCreateMembers(createMembers);
            return print(cli.context().purchaseImporter().importFile(file, options, Progress.NONE,
                    cli.messages()));
        }
    }

    @Command(name = "export-members", description = "Export members with their spend summary to CSV,"
            + " or to an Excel workbook when the file name ends with .xlsx.")
    static final class ExportMembers implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Parameters(index = "0", paramLabel = "CSV")
        Path file;

        @Override
        public Integer call() {
            long rows = cli.rescuableContext().exporter().exportMembers(file, Progress.NONE);
            Map<String, Object> out = Cli.object();
            out.put("exported", rows);
            out.put("file", file.toAbsolutePath().toString());
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "export-purchases", description = "Export purchases (one row per line) to CSV,"
            + " or to an Excel workbook when the file name ends with .xlsx.")
    static final class ExportPurchases implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Parameters(index = "0", paramLabel = "CSV")
        Path file;

        @Override
        public Integer call() {
            long rows = cli.rescuableContext().exporter().exportPurchases(file, Progress.NONE);
            Map<String, Object> out = Cli.object();
            out.put("exported", rows);
            out.put("file", file.toAbsolutePath().toString());
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "demo", description = "Fill a new, empty database with realistic demo members and purchases"
            + " (refused on a database that holds data), or with --csv-dir write them as import files.")
    static final class Demo implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Option(names = "--members", required = true, paramLabel = "N")
        int members;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1")
        long seed;

        @Option(names = "--business", paramLabel = "scenic|gym|shop", defaultValue = "scenic")
        String business;

        @Option(names = "--csv-dir", paramLabel = "DIR", description = "Only write members.csv and purchases.csv here.")
        Path csvDir;

        @Option(names = "--stores", paramLabel = "N", defaultValue = "1",
                description = "A chain of N stores (本店, 二店, 三店 …, at most 10): members and purchases are spread"
                        + " among them. Default 1: a single shop.")
        int stores;

        @Override
        public Integer call() throws IOException {
            if (members < 1) {
                throw Cli.usage(spec, "--members must be at least 1");
            }
            if (stores < 1 || stores > DemoData.MAX_STORES) {
                throw Cli.usage(spec, "--stores must be 1 to " + DemoData.MAX_STORES);
            }
            Business kind;
            try {
                kind = Business.parse(business);
            } catch (IllegalArgumentException e) {
                throw Cli.usage(spec, e.getMessage());
            }
            DemoData demo = new DemoData(seed, kind, LocalDate.now(cli.clock()), stores);
            Map<String, Object> out = Cli.object();
            if (csvDir != null) {
                // no database is opened for this, but its files are still never written over
                DemoData.Files files = demo.write(csvDir, members, cli.outputFiles());
                out.put("members", files.memberCount());
                out.put("purchase_rows", files.purchaseRows());
                out.put("members_csv", files.members().toAbsolutePath().toString());
                out.put("purchases_csv", files.purchases().toAbsolutePath().toString());
                cli.print(out);
                return 0;
            }
            // demo members would be matched to a shop's own by their generated numbers, and demo purchases added
            // to real members: demo data goes only into a database that holds nothing yet
            if (cli.context().shopProfile().state().holdsData()) {
                throw new CliFailure(1, "refused: " + cli.database().file() + " already holds data (members,"
                        + " purchases or other work); demo data goes only into a new, empty database: give another"
                        + " --db FILE. Nothing was changed.");
            }
            // the one way a demo is made, the windows' too: the kind of business recorded, a chain's stores
            // (本店, 二店 …) made before its files are imported, the members, purchases and cards
            DemoLoader.Loaded loaded;
            try {
                loaded = cli.context().demoLoader(cli.clock()).load(kind, members, stores, seed, Progress.NONE,
                        cli.messages());
            } catch (DemoLoader.StoresOfItsOwn e) {
                throw new CliFailure(1, "refused: " + cli.database().file() + " already has its own stores;"
                        + " a demo chain goes only into a new database with its one store 本店. Nothing was"
                        + " changed.");
            }
            // one row of kept totals (the card sales included)
            PurchaseStore.Totals totals = cli.database().read(new PurchaseStore()::totals);
            out.put("members", loaded.members());
            out.put("purchases", totals.purchases());
            out.put("returns", totals.returns());
            out.put("rejected", loaded.rejected());
            out.put("cards", loaded.cards().cards());
            out.put("renewals", loaded.cards().renewals());
            out.put("visits", loaded.cards().visits());
            if (stores > 1) {
                out.put("stores", stores); // a single shop's answer is what it always was
            }
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "stats", description = "Totals: members, purchases, returns and revenue.")
    static final class Stats implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Override
        public Integer call() {
            // one row of kept totals: no service needed, so none is built
            PurchaseStore.Totals totals = cli.database().read(new PurchaseStore()::totals);
            Map<String, Object> out = Cli.object();
            out.put("members", totals.members());
            out.put("purchases", totals.purchases());
            out.put("returns", totals.returns());
            out.put("revenue_cents", totals.revenueCents());
            cli.print(out);
            return 0;
        }
    }
}
