package org.memberdesk.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.memberdesk.cards.CardReports;
import org.memberdesk.io.CsvCells;
import org.memberdesk.members.Phones;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What the cards add up to: the cards ending soon (续费提醒), the liability, and the ledger check. All read only. */
final class CardReportCommands {
    /** The columns of {@code cards expiring --out}: the phone masked, as on every list that leaves the counter. */
    static final List<String> EXPIRING_COLUMNS = List.of("card", "member_no", "name", "phone", "product", "valid_to",
            "sessions_left", "days_left");

    private CardReportCommands() {
    }

    @Command(name = "cards", description = "Lists of cards: expiring.", subcommands = {Expiring.class})
    static final class CardsCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw Cli.usage(spec, "a cards command is needed: expiring");
        }
    }

    @Command(name = "expiring", description = "Session cards and passes whose last day is within DAYS of the as-of"
            + " date, soonest first (a member who already holds a later card of the same kind is left out).")
    static final class Expiring implements Callable<Integer> {
        @ParentCommand
        CardsCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--within", required = true, paramLabel = "DAYS")
        int within;

        @Option(names = "--as-of", paramLabel = "DATE", description = "YYYY-MM-DD (default: today).")
        LocalDate asOf;

        @Option(names = "--out", paramLabel = "CSV", description = "Write the list to this file (phones masked).")
        Path out;

        @Option(names = "--pdf", paramLabel = "FILE",
                description = "Print the list (续费提醒, phones masked) to this PDF, A4.")
        Path pdf;

        @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "Language of the PDF.")
        String lang;

        @Override
        public Integer call() {
            if (within < 0 || within > 36_600) {
                throw Cli.usage(spec, "--within is a number of days from 0 to 36600, not " + within);
            }
            Cli cli = parent.cli;
            LocalDate day = asOf != null ? asOf : LocalDate.now(cli.clock());
            if (out != null) {
                // a list of members (names, masked phones) written to a file: an export, refused below a manager
                cli.context().session().require(org.memberdesk.staff.Permission.EXPORT);
                cli.context().outputFiles().check(out);
            }
            org.memberdesk.common.Messages messages = pdf == null ? null : AnalyticsCommands.language(spec, lang);
            if (pdf != null) {
                cli.context().outputFiles().check(pdf);
            }
            List<CardReports.Expiring> cards = cli.context().cardReports().expiring(within, day);
            if (pdf != null) {
                try {
                    cli.context().cardPrinter().printExpiring(within, day, pdf, messages);
                } catch (IOException e) {
                    throw new CliFailure(1, "cannot write " + pdf + ": " + e.getMessage());
                }
            }
            if (out != null) {
                try {
                    cli.context().outputFiles().write(out, stream -> writeCsv(cards, stream));
                } catch (IOException e) {
                    throw new CliFailure(1, "cannot write " + out + ": " + e.getMessage());
                }
                cli.context().operationLog().record(org.memberdesk.staff.OperationLog.Entry.of(
                        org.memberdesk.staff.Operation.EXPORT, null, String.valueOf(out.getFileName()),
                        cards.size() + " cards ending within " + within + " days, phones masked"));
            }
            Map<String, Object> result = Cli.object();
            result.put("count", cards.size());
            cli.print(result);
            return 0;
        }
    }

    /** The list as CSV, UTF-8, text cells made safe for a spreadsheet ({@link CsvCells}). */
    static void writeCsv(List<CardReports.Expiring> cards, java.io.OutputStream stream) throws IOException {
        CSVPrinter printer = CSVFormat.DEFAULT.print(new BufferedWriter(new OutputStreamWriter(stream,
                StandardCharsets.UTF_8)));
        printer.printRecord(CsvCells.row(EXPIRING_COLUMNS));
        for (CardReports.Expiring card : cards) {
            printer.printRecord(CsvCells.row(card.cardNo(), card.memberNo(), card.name(), Phones.mask(card.phone()),
                    card.product(), card.validTo().toString(),
                    card.sessionsLeft() == null ? "" : card.sessionsLeft().toString(), card.daysLeft()));
        }
        printer.flush();
    }

    @Command(name = "liability", description = "What the shop owes its members on a day: stored value (principal and"
            + " bonus), sessions left and their value, valid passes.")
    static final class Liability implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Option(names = "--as-of", paramLabel = "DATE", description = "YYYY-MM-DD (default: today).")
        LocalDate asOf;

        @Override
        public Integer call() {
            CardReports.Liability liability = cli.context().cardReports().liability(asOf);
            Map<String, Object> out = Cli.object();
            out.put("stored_value_principal_cents", liability.storedValuePrincipalCents());
            out.put("stored_value_bonus_cents", liability.storedValueBonusCents());
            out.put("sessions_left", liability.sessionsLeft());
            out.put("sessions_value_cents", liability.sessionsValueCents());
            out.put("valid_passes", liability.validPasses());
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "check-cards", description = "Prove every card's balance = the sum of its entries ≥ 0 and sessions"
            + " left = sold − used ≥ 0 (exit 1 when a card does not add up).")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Override
        public Integer call() {
            CardReports.CardCheck check = cli.context().cardReports().check();
            List<Map<String, Object>> problems = new ArrayList<>();
            for (CardReports.CardProblem problem : check.problems()) {
                Map<String, Object> row = Cli.object();
                row.put("card", problem.cardNo());
                row.put("what", problem.what());
                problems.add(row);
            }
            Map<String, Object> out = Cli.object();
            out.put("cards", check.cards());
            out.put("problems", problems);
            out.put("ok", check.ok());
            cli.print(out);
            if (!check.ok()) {
                cli.err().println("error: " + problems.size() + " card(s) do not add up, e.g. "
                        + check.problems().get(0).cardNo() + ": " + check.problems().get(0).what());
                cli.err().flush();
                return 1;
            }
            return 0;
        }
    }
}
