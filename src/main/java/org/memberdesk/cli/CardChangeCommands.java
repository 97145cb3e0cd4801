package org.memberdesk.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardService;
import org.memberdesk.cards.CheckIns;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.purchases.PayMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What happens to a card after it is sold: {@code card freeze}, {@code card unfreeze}, {@code card refund}, and
 * {@code checkin} (签到/核销). A refusal is exit 3 with the reason on stderr in the shop's words — for a check-in the
 * one line the cashier reads aloud — and nothing was recorded.
 */
final class CardChangeCommands {
    private CardChangeCommands() {
    }

    @Command(name = "freeze", description = "Freeze a card (请假) for some days, within its product's allowance: it"
            + " ends that many days later.")
    static final class Freeze implements Callable<Integer> {
        @ParentCommand
        CardCommands.CardCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CARD")
        String cardNo;

        @Option(names = "--days", required = true, paramLabel = "N")
        int days;

        @Option(names = "--from", paramLabel = "DATE", description = "The first frozen day (default: today).")
        LocalDate from;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Option(names = "--at", paramLabel = "\"YYYY-MM-DD HH:MM\"", converter = CardCommands.At.class,
                description = "When it was asked for, if earlier (from a paper log).")
        LocalDateTime at;

        @Override
        public Integer call() {
            if (reason.isBlank()) {
                throw Cli.usage(spec, "--reason is empty: say why the card is frozen");
            }
            Card card;
            try {
                card = parent.cli.context().cards().freeze(cardNo, days, from, reason, at);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            Map<String, Object> out = Cli.object();
            out.put("card", card.cardNo());
            out.put("valid_to", CardCommands.day(card.validTo()));
            out.put("frozen_from", CardCommands.day(card.frozenFrom()));
            out.put("frozen_to", CardCommands.day(card.frozenTo()));
            parent.cli.print(out);
            return 0;
        }
    }

    @Command(name = "unfreeze", description = "End a card's freeze today: the days not used are given back (the card"
            + " ends that much earlier again).")
    static final class Unfreeze implements Callable<Integer> {
        @ParentCommand
        CardCommands.CardCommand parent;

        @Parameters(index = "0", paramLabel = "CARD")
        String cardNo;

        @Option(names = "--at", paramLabel = "\"YYYY-MM-DD HH:MM\"", converter = CardCommands.At.class,
                description = "When the member came back, if earlier (from a paper log).")
        LocalDateTime at;

        @Override
        public Integer call() {
            Card card;
            try {
                card = parent.cli.context().cards().unfreeze(cardNo, at);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            Map<String, Object> out = Cli.object();
            out.put("card", card.cardNo());
            out.put("valid_to", CardCommands.day(card.validTo()));
            parent.cli.print(out);
            return 0;
        }
    }

    @Command(name = "refund", description = "Refund a card (退卡): stored value pays back its principal (the bonus is"
            + " given up); a session card paid × sessions left ÷ sessions; a pass paid × days left ÷ days, as a return"
            + " of its sale (spend and points reduced).")
    static final class Refund implements Callable<Integer> {
        @ParentCommand
        CardCommands.CardCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CARD")
        String cardNo;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the card is refunded.")
        String reason;

        @Option(names = "--pay", paramLabel = "METHOD",
                description = "How stored value's principal is paid out: cash (default), wechat, alipay, bank-card"
                        + " (a session card or pass is paid back the way its sale was paid).")
        String pay;

        @Option(names = "--at", paramLabel = "\"YYYY-MM-DD HH:MM\"", converter = CardCommands.At.class,
                description = "When it was refunded, if earlier (from a paper log).")
        LocalDateTime at;

        @Override
        public Integer call() {
            if (reason.isBlank()) {
                throw Cli.usage(spec, "--reason is empty: say why the card is refunded");
            }
            PayMethod method = CardCommands.method(spec, pay);
            if (method == PayMethod.STORED_VALUE) {
                // the service would quietly pay cash instead; say so rather than record another way than was typed
                throw Cli.usage(spec, "--pay of a refund is how the money is paid out: cash, wechat, alipay or"
                        + " bank-card");
            }
            CardService.Refunded refunded;
            try {
                refunded = parent.cli.context().cards().refund(cardNo, reason, method, at);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            Map<String, Object> out = Cli.object();
            out.put("refund_cents", refunded.refundCents());
            out.put("forfeited_bonus_cents", refunded.forfeitedBonusCents());
            out.put("return", refunded.returned() == null ? null : refunded.returned().purchaseNo());
            parent.cli.print(out);
            return 0;
        }
    }

    @Command(name = "checkin", description = "Check a member in (签到/核销) by member number, card code, phone or its"
            + " last 4 digits: one session used or a pass shown, and a visit recorded (exit 3 when refused, with the"
            + " reason to read aloud on stderr; nothing is recorded then).")
    static final class Checkin implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MEMBER_NO|CARD_CODE|PHONE|LAST4")
        String who;

        @Option(names = "--card", paramLabel = "CARD", description = "The card to use (default: the one that can be"
                + " used today and ends first).")
        String card;

        @Option(names = "--at", paramLabel = "\"YYYY-MM-DD HH:MM\"", converter = CardCommands.At.class,
                description = "When the member came, if earlier (from a paper log).")
        LocalDateTime at;

        @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
                description = "The language of a refusal (default en).")
        String lang;

        @Override
        public Integer call() {
            Messages messages = AnalyticsCommands.language(spec, lang);
            CheckIns.CheckedIn checkedIn;
            try {
                checkedIn = cli.context().checkIns().checkIn(who, card, at);
            } catch (ValidationException e) {
                // the cashier reads this aloud: the shop's words in the chosen language
                throw new CliFailure(CounterCommands.REFUSED, e.problems().stream()
                        .map(problem -> problem.describe(messages)).collect(Collectors.joining("; ")));
            }
            Card used = checkedIn.card();
            Map<String, Object> out = Cli.object();
            out.put("visit", checkedIn.visitId());
            out.put("card", used.cardNo());
            out.put("sessions_left", used.sessionsLeft());
            out.put("valid_to", CardCommands.day(used.validTo()));
            if (cli.json()) {
                cli.print(out);
            } else {
                cli.out().println(checkedIn.member().name() + " · " + used.productName() + " (" + used.cardNo()
                        + "): in" + (used.sessionsLeft() == null ? "" : ", " + used.sessionsLeft() + " sessions left")
                        + ", valid to " + used.validTo());
                cli.out().flush();
            }
            return 0;
        }
    }
}
