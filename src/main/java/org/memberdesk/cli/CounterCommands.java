package org.memberdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Money;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.Payment;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.sales.Priced;
import org.memberdesk.tiers.Ladder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The counter on the command line: sell (tier discount, then the coupon, then points on what was paid), return
 * a past sale or some of its lines, and void a sale keyed by mistake. All go through {@link CounterSales}, the
 * same service the desktop counter uses. A refusal (a coupon, a limit, more than was bought, not today …) is
 * exit 3 with the reason on stderr, and nothing was stored.
 */
final class CounterCommands {
    /** Exit code of a refused sale, return or void (the reason is on stderr; nothing changed). */
    static final int REFUSED = 3;

    private CounterCommands() {
    }

    /** The service's refusal as exit 3 and its problems in the shop's words, without the field names. */
    static CliFailure refused(Cli cli, ValidationException e) {
        return new CliFailure(REFUSED, e.problems().stream().map(problem -> problem.describe(cli.messages()))
                .collect(Collectors.joining("; ")));
    }

    /** The name the member's tier goes by: no tier stored yet is the ladder's entry tier, as `points` prints it. */
    static String tierName(Cli cli, String stored) {
        Ladder ladder = cli.context().tiers().ladder();
        return ladder.at(ladder.rankOf(stored)).name();
    }

    /**
     * {@code NAME:QTY:YUAN}, YUAN being the line's total: split at the last two colons (':' or '：'), so a name
     * may hold one. Anything else is a usage error naming the line.
     */
    static PurchaseLine saleLine(CommandSpec spec, String text) {
        int amountColon = lastColon(text, text.length() - 1);
        int quantityColon = amountColon <= 0 ? -1 : lastColon(text, amountColon - 1);
        if (quantityColon <= 0 || text.substring(0, quantityColon).isBlank()) {
            throw Cli.usage(spec, "--line must be NAME:QTY:YUAN (the line's total, e.g. 私教课:2:600), not '"
                    + text + "'");
        }
        String item = text.substring(0, quantityColon).strip();
        int quantity = count(spec, text, text.substring(quantityColon + 1, amountColon), "QTY");
        long cents;
        try {
            cents = Money.parseYuan(text.substring(amountColon + 1));
        } catch (IllegalArgumentException e) {
            throw Cli.usage(spec, "--line '" + text + "': YUAN is the line's total in yuan, like 600 or 600.50 ("
                    + e.getMessage() + ")");
        }
        if (cents <= 0) {
            throw Cli.usage(spec, "--line '" + text + "': the line's total must be above zero");
        }
        return new PurchaseLine(item, quantity, cents);
    }

    /** The last colon at or before {@code from}: ':' or the full-width '：' a Chinese input method types. */
    private static int lastColon(String text, int from) {
        return Math.max(text.lastIndexOf(':', from), text.lastIndexOf('：', from));
    }

    /** {@code LINE_NO:QTY}, both whole numbers from 1. */
    static CounterSales.LineReturn returnLine(CommandSpec spec, String text) {
        int colon = lastColon(text, text.length() - 1);
        if (colon < 0) {
            throw Cli.usage(spec, "--line must be LINE_NO:QTY (the line as numbered on the receipt, from 1), not '"
                    + text + "'");
        }
        return new CounterSales.LineReturn(count(spec, text, text.substring(0, colon), "LINE_NO"),
                count(spec, text, text.substring(colon + 1), "QTY"));
    }

    private static int count(CommandSpec spec, String line, String text, String what) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw Cli.usage(spec, "--line '" + line + "': " + what + " must be a whole number, not '" + text + "'");
        }
        if (value < 1) {
            throw Cli.usage(spec, "--line '" + line + "': " + what + " must be 1 or more");
        }
        return value;
    }

    @Command(name = "sell", description = "Record a sale at the counter: the member's tier discount, then the"
            + " coupon, then points on what was paid (exit 3 when refused; nothing is recorded then).")
    static final class Sell implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MEMBER_NO")
        String memberNo;

        @Option(names = "--line", required = true, paramLabel = "NAME:QTY:YUAN",
                description = "A line of the sale; YUAN is the line's total at list price (repeatable).")
        List<String> lines = new ArrayList<>();

        @Option(names = "--code", paramLabel = "COUPON", description = "A coupon code of the member's to use.")
        String code;

        @Option(names = "--pay", paramLabel = "METHOD", description = "cash (default), wechat, alipay, bank-card,"
                + " stored-value, or stored-value+METHOD (stored value first, the rest by METHOD).")
        String pay;

        @Override
        public Integer call() {
            List<PurchaseLine> typed = lines.stream().map(line -> saleLine(spec, line)).toList();
            if (code != null && code.isBlank()) {
                throw Cli.usage(spec, "--code is empty");
            }
            Pay how = CardCommands.pay(spec, pay);
            Member member = PointsCommands.member(cli, memberNo);
            CounterSales.Sale sale;
            try {
                sale = cli.context().counterSales().sell(member.id(), typed, code, how);
            } catch (ValidationException e) {
                throw refused(cli, e);
            }
            Priced priced = sale.priced();
            String tier = tierName(cli, sale.tier());
            Map<String, Object> out = Cli.object();
            out.put("purchase", sale.purchase().purchaseNo());
            out.put("total_cents", priced.listCents());
            out.put("tier_discount_cents", priced.tierDiscountCents());
            out.put("coupon_discount_cents", priced.couponDiscountCents());
            // what was really paid (cash + principal, the purchase's total); stored value's bonus part on its own
            Payment payment = sale.payment();
            out.put("paid_cents", payment.paidCents());
            out.put("points_earned", sale.pointsEarned());
            out.put("points_balance", sale.pointsBalance());
            out.put("tier", tier);
            if (payment.fromStoredValue()) {
                out.put("stored_value_principal_cents", payment.storedPrincipalCents());
                out.put("stored_value_bonus_cents", payment.storedBonusCents());
            }
            if (cli.json()) {
                cli.print(out);
            } else {
                cli.out().println(sale.purchase().purchaseNo() + ": " + Money.display(priced.listCents())
                        + (priced.tierDiscountCents() == 0 ? "" : " − " + priced.tierName() + " "
                                + Money.display(priced.tierDiscountCents()))
                        + (priced.couponDiscountCents() == 0 ? "" : " − coupon "
                                + Money.display(priced.couponDiscountCents()))
                        + ", paid " + Money.display(payment.paidCents())
                        + (payment.fromStoredValue() ? " (stored value " + Money.display(payment.storedPrincipalCents())
                                + " + bonus " + Money.display(payment.storedBonusCents()) + ")" : "")
                        + "; +" + sale.pointsEarned()
                        + " points, balance " + sale.pointsBalance() + ", tier " + tier);
                cli.out().flush();
            }
            return 0;
        }
    }

    @Command(name = "return", description = "Return a past sale, or some of its lines: the refund is what was paid"
            + " for them, and the points they earned are taken back (exit 3 when refused; nothing changes then).")
    static final class Return implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PURCHASE_NO")
        String purchaseNo;

        @Option(names = "--line", paramLabel = "LINE_NO:QTY",
                description = "A line to return, as numbered on the receipt from 1, and how many (repeatable;"
                        + " default: everything not yet returned).")
        List<String> lines = new ArrayList<>();

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why it comes back.")
        String reason;

        @Override
        public Integer call() {
            List<CounterSales.LineReturn> back = lines.stream().map(line -> returnLine(spec, line)).toList();
            CounterSales.Returned returned;
            try {
                returned = cli.context().counterSales().giveBack(purchaseNo, back, reason);
            } catch (ValidationException e) {
                throw refused(cli, e);
            }
            Map<String, Object> out = Cli.object();
            out.put("return", returned.purchase().purchaseNo());
            out.put("refund_cents", returned.refundCents());
            out.put("points_taken", returned.pointsTaken());
            out.put("points_balance", returned.pointsBalance());
            if (cli.json()) {
                cli.print(out);
            } else {
                cli.out().println(returned.purchase().purchaseNo() + ": returned from " + returned.saleNo()
                        + ", refund " + Money.display(returned.refundCents()) + "; " + returned.pointsTaken()
                        + " points taken back, balance " + returned.pointsBalance());
                cli.out().flush();
            }
            return 0;
        }
    }

    @Command(name = "void", description = "Void a sale keyed by mistake: only today's, the member's latest, nothing of"
            + " it returned and its points unused; it then counts for nothing but stays visible, marked (exit 3"
            + " when refused).")
    static final class VoidSale implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PURCHASE_NO")
        String purchaseNo;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the sale is voided.")
        String reason;

        @Override
        public Integer call() {
            try {
                // no staff accounts yet: the person logged in to the computer voided it
                cli.context().counterSales().voidSale(purchaseNo, reason);
            } catch (ValidationException e) {
                throw refused(cli, e);
            }
            String number = purchaseNo.strip();
            Map<String, Object> out = Cli.object();
            out.put("voided", number);
            if (cli.json()) {
                cli.print(out);
            } else {
                cli.out().println(number + " voided");
                cli.out().flush();
            }
            return 0;
        }
    }
}
