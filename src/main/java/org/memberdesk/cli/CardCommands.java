package org.memberdesk.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardEntry;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardService;
import org.memberdesk.cards.Freeze;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Money;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.Payment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Member cards on the command line (issue 16): {@code card} — sell, top up, list, history — and what the card
 * commands share ({@code --at}, {@code --pay}, amounts). The products and the top-up ladder are
 * {@link CardProductCommands}; freeze, unfreeze, refund and check-ins {@link CardChangeCommands}; the reports
 * {@link CardReportCommands}. Every command calls {@link CardService}, the service the counter uses; a refusal
 * (a freeze beyond the allowance, a short balance, an {@code --at} in the future …) is exit 3 with the reason on
 * stderr, and nothing changed.
 */
final class CardCommands {
    private CardCommands() {
    }

    // ---------------------------------------------------------------- shared by the card commands

    /**
     * {@code --at "YYYY-MM-DD HH:MM"}: when it really happened (a paper log after a power cut). A malformed time is a
     * usage error (exit 2); one in the future is refused by the service (exit 3).
     */
    static final class At implements CommandLine.ITypeConverter<LocalDateTime> {
        private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
        private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

        @Override
        public LocalDateTime convert(String text) {
            String typed = text.strip().replace('T', ' ');
            for (DateTimeFormatter format : List.of(MINUTES, SECONDS)) {
                try {
                    return LocalDateTime.parse(typed, format.withResolverStyle(java.time.format.ResolverStyle.STRICT));
                } catch (DateTimeParseException e) {
                    // try the next form
                }
            }
            throw new CommandLine.TypeConversionException("'" + text + "' is not a time like \"2026-11-20 18:30\"");
        }
    }

    /** {@code cash}, {@code wechat}, … {@code stored-value+cash} ({@link Pay#of}); anything else is a usage error. */
    static Pay pay(CommandSpec spec, String text) {
        if (text == null) {
            return Pay.CASH;
        }
        Pay pay = Pay.of(text);
        if (pay == null) {
            throw Cli.usage(spec, "--pay must be cash, wechat, alipay, bank-card, stored-value or stored-value+METHOD"
                    + " (the rest paid by METHOD), not '" + text + "'");
        }
        return pay;
    }

    /** One way to pay (a top-up, a refund paid out): {@code cash} when not given; an unknown word is a usage error. */
    static PayMethod method(CommandSpec spec, String text) {
        if (text == null) {
            return PayMethod.CASH;
        }
        PayMethod method = PayMethod.of(text);
        if (method == null) {
            throw Cli.usage(spec, "--pay must be cash, wechat, alipay, bank-card or stored-value, not '" + text + "'");
        }
        return method;
    }

    static long yuan(CommandSpec spec, String option, String text) {
        try {
            return Money.parseYuan(text);
        } catch (IllegalArgumentException e) {
            throw Cli.usage(spec, option + " is an amount in yuan, like 300 or 99.50, not '" + text + "' ("
                    + e.getMessage() + ")");
        }
    }

    static String day(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** As times are stored and shown everywhere: {@code YYYY-MM-DD HH:MM:SS}. */
    static String time(LocalDateTime time) {
        return time == null ? null : time.format(STORED_TIME);
    }

    private static final DateTimeFormatter STORED_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    // ---------------------------------------------------------------- card

    /**
     * {@code card …}. {@code card print} (the card-size PDF) belongs to the print work of issue 16 and is added to
     * this list there.
     */
    @Command(name = "card", description = "A member's cards: sell, top up, freeze, unfreeze, refund, list, history, print.",
            subcommands = {CardSell.class, CardTopup.class, CardChangeCommands.Freeze.class,
                    CardChangeCommands.Unfreeze.class, CardChangeCommands.Refund.class, CardList.class,
                    CardHistory.class, CardPrintCommands.CardPrint.class})
    static final class CardCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw Cli.usage(spec, "a card command is needed: sell, topup, freeze, unfreeze, refund, list or history");
        }
    }

    @Command(name = "sell", description = "Sell a card: a session card or pass is a purchase (spend, points, tier);"
            + " stored value is money received. A pass bought while another is valid starts the day after it ends.")
    static final class CardSell implements Callable<Integer> {
        @ParentCommand
        CardCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MEMBER_NO")
        String memberNo;

        @Option(names = "--product", required = true, paramLabel = "ID")
        long product;

        @Option(names = "--pay", paramLabel = "METHOD",
                description = "cash (default), wechat, alipay, bank-card, stored-value, stored-value+cash …")
        String pay;

        @Option(names = "--start", paramLabel = "DATE", description = "The first valid day (YYYY-MM-DD).")
        LocalDate start;

        @Option(names = "--at", paramLabel = "\"YYYY-MM-DD HH:MM\"", converter = At.class,
                description = "When it was sold, if earlier (from a paper log).")
        LocalDateTime at;

        @Override
        public Integer call() {
            Pay how = pay(spec, pay);
            Member member = PointsCommands.member(parent.cli, memberNo);
            CardService.Sold sold;
            try {
                sold = parent.cli.context().cards().sell(member.id(), product, how, start, at);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            Card card = sold.card();
            boolean storedValue = card.kind() == CardKind.STORED_VALUE;
            Map<String, Object> out = Cli.object();
            out.put("card", card.cardNo());
            out.put("purchase", sold.purchase() == null ? null : sold.purchase().purchaseNo());
            out.put("valid_from", day(card.validFrom()));
            out.put("valid_to", day(card.validTo()));
            out.put("sessions", card.sessionsSold());
            out.put("principal_cents", storedValue ? card.principalCents() : null);
            out.put("bonus_cents", storedValue ? card.bonusCents() : null);
            putPayment(out, sold.payment());
            parent.cli.print(out);
            return 0;
        }
    }

    /** {@code paid_cents} (cash + principal), and what stored value paid when it did. */
    static void putPayment(Map<String, Object> out, Payment payment) {
        out.put("paid_cents", payment.paidCents());
        if (payment.fromStoredValue()) {
            out.put("stored_value_principal_cents", payment.storedPrincipalCents());
            out.put("stored_value_bonus_cents", payment.storedBonusCents());
        }
    }

    @Command(name = "topup", description = "Top up a stored-value card: money received, not a purchase; the ladder's"
            + " bonus is added and kept apart.")
    static final class CardTopup implements Callable<Integer> {
        @ParentCommand
        CardCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CARD")
        String cardNo;

        @Option(names = "--amount", required = true, paramLabel = "YUAN")
        String amount;

        @Option(names = "--pay", paramLabel = "METHOD", description = "cash (default), wechat, alipay or bank-card.")
        String pay;

        @Option(names = "--at", paramLabel = "\"YYYY-MM-DD HH:MM\"", converter = At.class,
                description = "When it was paid in, if earlier (from a paper log).")
        LocalDateTime at;

        @Override
        public Integer call() {
            long cents = yuan(spec, "--amount", amount);
            PayMethod how = method(spec, pay);
            CardService.ToppedUp topped;
            try {
                topped = parent.cli.context().cards().topup(cardNo, cents, how, at);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            Map<String, Object> out = Cli.object();
            out.put("principal_cents", topped.principalCents());
            out.put("bonus_cents", topped.bonusCents());
            out.put("balance_principal_cents", topped.card().principalCents());
            out.put("balance_bonus_cents", topped.card().bonusCents());
            parent.cli.print(out);
            return 0;
        }
    }

    @Command(name = "list", description = "A member's cards with their balances, sessions left and dates.")
    static final class CardList implements Callable<Integer> {
        @ParentCommand
        CardCommand parent;

        @Parameters(index = "0", paramLabel = "MEMBER_NO")
        String memberNo;

        @Override
        public Integer call() {
            Member member = PointsCommands.member(parent.cli, memberNo);
            List<Map<String, Object>> cards = new ArrayList<>();
            for (Card card : parent.cli.context().cards().cards(member.id())) {
                Map<String, Object> row = Cli.object();
                row.put("card", card.cardNo());
                row.put("product", card.productName());
                row.put("kind", card.kind().code());
                row.put("valid_from", day(card.validFrom()));
                row.put("valid_to", day(card.validTo()));
                row.put("sessions_left", card.sessionsLeft());
                boolean storedValue = card.kind() == CardKind.STORED_VALUE;
                row.put("principal_cents", storedValue ? card.principalCents() : null);
                row.put("bonus_cents", storedValue ? card.bonusCents() : null);
                row.put("frozen_from", day(card.frozenFrom()));
                row.put("frozen_to", day(card.frozenTo()));
                row.put("refunded", card.refunded());
                cards.add(row);
            }
            Map<String, Object> out = Cli.object();
            out.put("cards", cards);
            parent.cli.print(out);
            return 0;
        }
    }

    @Command(name = "history", description = "A card's history: every entry of its ledger, and its freezes.")
    static final class CardHistory implements Callable<Integer> {
        @ParentCommand
        CardCommand parent;

        @Parameters(index = "0", paramLabel = "CARD")
        String cardNo;

        @Override
        public Integer call() {
            CardService.History history;
            try {
                history = parent.cli.context().cards().history(cardNo);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            List<Map<String, Object>> entries = new ArrayList<>();
            for (CardEntry entry : history.entries()) {
                Map<String, Object> row = Cli.object();
                row.put("time", time(entry.time()));
                row.put("kind", entry.kind());
                row.put("principal_cents", entry.principalCents());
                row.put("bonus_cents", entry.bonusCents());
                row.put("sessions", entry.sessions());
                row.put("purchase", entry.purchaseNo());
                row.put("note", entry.note());
                entries.add(row);
            }
            List<Map<String, Object>> freezes = new ArrayList<>();
            for (Freeze freeze : history.freezes()) {
                Map<String, Object> row = Cli.object();
                row.put("from", day(freeze.from()));
                row.put("days", freeze.days());
                // a freeze cancelled before it began froze no day: it has no last day
                row.put("to", freeze.days() == 0 ? null : day(freeze.lastDay()));
                row.put("reason", freeze.reason());
                row.put("recorded_at", time(freeze.createdAt()));
                row.put("ended_at", time(freeze.endedAt()));
                freezes.add(row);
            }
            Map<String, Object> out = Cli.object();
            out.put("card", history.card().cardNo());
            out.put("entries", entries);
            out.put("freezes", freezes);
            parent.cli.print(out);
            return 0;
        }
    }
}
