package org.memberdesk.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardEntry;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
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
 * Member cards on the command line (issue 16): the products, the top-up ladder, and {@code card} — sell, top up,
 * list, history; freeze, unfreeze and refund are {@link CardChangeCommands}, check-ins and the reports
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

    /** The person logged in to the computer: there are no staff accounts yet (as {@code void} records it). */
    static String who() {
        return System.getProperty("user.name");
    }

    // ---------------------------------------------------------------- card-product

    @Command(name = "card-product", description = "The cards the shop sells: add, list.",
            subcommands = {ProductAdd.class, ProductList.class})
    static final class ProductCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw Cli.usage(spec, "a card-product command is needed: add or list");
        }
    }

    @Command(name = "add", description = "Add a card product: stored value (pay --price, get --bonus on top), a"
            + " session card (--sessions within --days) or a pass (--days, at most --per-day entries a day).")
    static final class ProductAdd implements Callable<Integer> {
        @ParentCommand
        ProductCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--kind", required = true, paramLabel = "stored-value|sessions|period")
        String kind;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--price", required = true, paramLabel = "YUAN")
        String price;

        @Option(names = "--bonus", paramLabel = "YUAN", description = "Stored value: the shop's bonus on top.")
        String bonus;

        @Option(names = "--sessions", paramLabel = "N")
        Integer sessions;

        @Option(names = "--days", paramLabel = "N", description = "How many days the card is valid.")
        Integer days;

        @Option(names = "--per-day", paramLabel = "N", description = "A pass: at most N entries a day.")
        Integer perDay;

        @Option(names = "--max-freezes", paramLabel = "N", defaultValue = "0",
                description = "How many times the card may be frozen (with --max-freeze-days).")
        int maxFreezes;

        @Option(names = "--max-freeze-days", paramLabel = "N", defaultValue = "0",
                description = "Freeze days allowed over the card's whole life.")
        int maxFreezeDays;

        @Option(names = "--no-refund", description = "The card cannot be refunded.")
        boolean noRefund;

        @Option(names = "--tier-discount", description = "The member's tier discount applies when it is sold.")
        boolean tierDiscount;

        @Override
        public Integer call() {
            CardKind typed = CardKind.of(kind);
            if (typed == null) {
                throw Cli.usage(spec, "--kind must be stored-value, sessions or period, not '" + kind + "'");
            }
            CardProduct draft = CardProduct.draft(typed, name, yuan(spec, "--price", price),
                    bonus == null ? 0 : yuan(spec, "--bonus", bonus), sessions, days, perDay, maxFreezes,
                    maxFreezeDays, !noRefund, tierDiscount);
            long id;
            try {
                id = parent.cli.context().cards().addProduct(draft);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            Map<String, Object> out = Cli.object();
            out.put("product", id);
            parent.cli.print(out);
            return 0;
        }
    }

    @Command(name = "list", description = "The card products, archived ones included (marked).")
    static final class ProductList implements Callable<Integer> {
        @ParentCommand
        ProductCommand parent;

        @Override
        public Integer call() {
            List<Map<String, Object>> products = new ArrayList<>();
            for (CardProduct product : parent.cli.context().cards().products()) {
                Map<String, Object> row = Cli.object();
                row.put("id", product.id());
                row.put("kind", product.kind().code());
                row.put("name", product.name());
                row.put("price_cents", product.priceCents());
                row.put("bonus_cents", product.bonusCents());
                row.put("sessions", product.sessions());
                row.put("days", product.days());
                row.put("per_day", product.perDay());
                row.put("max_freezes", product.maxFreezes());
                row.put("max_freeze_days", product.maxFreezeDays());
                row.put("refundable", product.refundable());
                row.put("tier_discount", product.tierDiscount());
                row.put("archived", product.archived());
                products.add(row);
            }
            Map<String, Object> out = Cli.object();
            out.put("products", products);
            parent.cli.print(out);
            return 0;
        }
    }

    // ---------------------------------------------------------------- topup-bonus

    @Command(name = "topup-bonus", description = "The top-up bonus ladder: a top-up gets the bonus of the highest"
            + " step its amount reaches (not a sum of steps).", subcommands = {BonusSet.class, BonusList.class})
    static final class BonusCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw Cli.usage(spec, "a topup-bonus command is needed: set or list");
        }
    }

    @Command(name = "set", description = "Replace the ladder, e.g. 500:50,1000:150 (yuan: from ¥500 +¥50, from ¥1000"
            + " +¥150).")
    static final class BonusSet implements Callable<Integer> {
        @ParentCommand
        BonusCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "AMOUNT:BONUS[,AMOUNT:BONUS…]")
        String steps;

        @Override
        public Integer call() {
            Map<Long, Long> ladder = new TreeMap<>();
            for (String step : steps.split("[,，]")) {
                String[] parts = step.strip().split("[:：]");
                if (parts.length != 2) {
                    throw Cli.usage(spec, "each step is AMOUNT:BONUS in yuan, like 500:50, not '" + step.strip() + "'");
                }
                long amount = yuan(spec, "AMOUNT", parts[0]);
                if (ladder.put(amount, yuan(spec, "BONUS", parts[1])) != null) {
                    throw Cli.usage(spec, "the amount " + Money.formatYuan(amount) + " is given twice");
                }
            }
            try {
                parent.cli.context().cards().setTopupSteps(ladder);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            Map<String, Object> out = Cli.object();
            out.put("steps", ladder.size());
            parent.cli.print(out);
            return 0;
        }
    }

    @Command(name = "list", description = "The top-up bonus ladder, lowest step first.")
    static final class BonusList implements Callable<Integer> {
        @ParentCommand
        BonusCommand parent;

        @Override
        public Integer call() {
            List<Map<String, Object>> steps = new ArrayList<>();
            new TreeMap<>(parent.cli.context().cards().topupSteps()).forEach((amount, bonus) -> {
                Map<String, Object> row = Cli.object();
                row.put("amount_cents", amount);
                row.put("bonus_cents", bonus);
                steps.add(row);
            });
            Map<String, Object> out = Cli.object();
            out.put("steps", steps);
            parent.cli.print(out);
            return 0;
        }
    }

    // ---------------------------------------------------------------- card

    /**
     * {@code card …}. {@code card print} (the card-size PDF) belongs to the print work of issue 16 and is added to
     * this list there.
     */
    @Command(name = "card", description = "A member's cards: sell, top up, freeze, unfreeze, refund, list, history.",
            subcommands = {CardSell.class, CardTopup.class, CardChangeCommands.Freeze.class,
                    CardChangeCommands.Unfreeze.class, CardChangeCommands.Refund.class, CardList.class,
                    CardHistory.class})
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
