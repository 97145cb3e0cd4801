package org.memberdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignDraft;
import org.memberdesk.coupons.CampaignResults;
import org.memberdesk.coupons.CampaignReports;
import org.memberdesk.coupons.CheckoutService;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponCodes;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.RedemptionRefused;
import org.memberdesk.coupons.Target;
import org.memberdesk.coupons.Validity;
import org.memberdesk.coupons.print.CouponPrinter;
import org.memberdesk.coupons.print.Paper;
import org.memberdesk.common.Progress;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Coupon campaigns on the command line: create, issue, report, print, and redeem at the counter. */
final class CouponCommands {
    /** Exit code of a refused redemption (the reason is on stderr). */
    static final int REFUSED = 3;
    /** The purchase line `redeem` records when no --item is given. */
    static final String COUNTER_ITEM = CheckoutService.COUNTER_ITEM;

    private CouponCommands() {
    }

    private static long yuan(CommandSpec spec, String option, String text) {
        try {
            return Money.parseYuan(text);
        } catch (IllegalArgumentException e) {
            throw Cli.usage(spec, option + ": " + e.getMessage());
        }
    }

    @Command(name = "campaign", description = "Coupon campaigns: create, issue, report.",
            subcommands = {CampaignCreate.class, CampaignIssue.class, CampaignReport.class})
    static final class CampaignCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw Cli.usage(spec, "a campaign command is needed: create, issue or report");
        }
    }

    @Command(name = "create", description = "Create a campaign: its coupon, its target and the control group.")
    static final class CampaignCreate implements Callable<Integer> {
        @ParentCommand
        CampaignCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, paramLabel = "N")
        String name;

        @Option(names = "--type", required = true, paramLabel = "cash|threshold|discount|gift")
        String type;

        @Option(names = "--value", required = true, paramLabel = "V",
                description = "Yuan off (cash, threshold), the gift's value, or percent off (discount: 20 = 8折).")
        String value;

        @Option(names = "--min-spend", paramLabel = "V", description = "Minimum spend in yuan (threshold: required).")
        String minSpend;

        @Option(names = "--cap", paramLabel = "V", description = "Discount: the most it takes off, in yuan.")
        String cap;

        @Option(names = "--item", paramLabel = "NAME", description = "An item the coupon applies to (repeatable; a gift names its item).")
        List<String> items = new ArrayList<>();

        @Option(names = "--valid-days", paramLabel = "N", description = "Days from issue the coupon is good for (default 30).")
        Integer validDays;

        @Option(names = "--valid-from", paramLabel = "YYYY-MM-DD", description = "Fixed validity: first day.")
        String validFrom;

        @Option(names = "--valid-to", paramLabel = "YYYY-MM-DD", description = "Fixed validity: last day.")
        String validTo;

        @Option(names = "--target", required = true, paramLabel = "RULE",
                description = "all, tier:NAME, list:M001,138…, tag:NAME, segment:NAME, lifecycle:STAGE, or a rule.")
        String target;

        @Option(names = "--skip-days", paramLabel = "N", description = "Skip members who got a coupon in the last N days.")
        Integer skipDays;

        @Option(names = "--control", paramLabel = "PCT", defaultValue = "0", description = "Percent held back as control.")
        int control;

        @Option(names = "--seed", paramLabel = "S", description = "Seed of the control split (default: random, recorded).")
        Long seed;

        @Override
        public Integer call() {
            CouponKind kind;
            Target chosen;
            try {
                kind = CouponKind.parse(type);
                chosen = Target.parse(target);
            } catch (IllegalArgumentException e) {
                throw Cli.usage(spec, e.getMessage());
            }
            long valueCents = 0;
            Integer percent = null;
            if (kind == CouponKind.DISCOUNT) {
                try {
                    percent = Integer.parseInt(value.strip().replace("%", ""));
                } catch (NumberFormatException e) {
                    throw Cli.usage(spec, "--value of a discount is a whole percent off, like 20, not '" + value + "'");
                }
            } else {
                valueCents = yuan(spec, "--value", value);
            }
            Coupon coupon = new Coupon(0, name, kind, valueCents, percent,
                    cap == null ? null : yuan(spec, "--cap", cap),
                    minSpend == null ? 0 : yuan(spec, "--min-spend", minSpend), items, validity());
            Campaign campaign = parent.cli.context().campaigns().create(new CampaignDraft(name, null, coupon, chosen,
                    skipDays, control, seed));
            Map<String, Object> out = Cli.object();
            out.put("campaign", campaign.id());
            out.put("targeted", campaign.targeted());
            out.put("control", campaign.control());
            parent.cli.print(out);
            return 0;
        }

        private Validity validity() {
            try {
                if (validTo != null) {
                    if (validDays != null) {
                        throw Cli.usage(spec, "give --valid-days or --valid-to, not both");
                    }
                    return Validity.fixed(validFrom == null ? null : LocalDate.parse(validFrom), LocalDate.parse(validTo));
                }
                if (validFrom != null) {
                    throw Cli.usage(spec, "--valid-from needs --valid-to");
                }
                return Validity.days(validDays == null ? 30 : validDays);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw Cli.usage(spec, e.getMessage());
            }
        }
    }

    @Command(name = "issue", description = "Issue the campaign's coupons: one unique code per member, in one transaction.")
    static final class CampaignIssue implements Callable<Integer> {
        @ParentCommand
        CampaignCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            int issued = parent.cli.context().campaigns().issue(id);
            Map<String, Object> out = Cli.object();
            out.put("issued", issued);
            parent.cli.print(out);
            return 0;
        }
    }

    @Command(name = "report", description = "A campaign's results, treatment against control.")
    static final class CampaignReport implements Callable<Integer> {
        @ParentCommand
        CampaignCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Option(names = "--csv", paramLabel = "FILE", description = "Also write the results to this CSV file.")
        Path csv;

        @Option(names = "--chart", paramLabel = "FILE.png", description = "Also draw the funnel chart to this PNG.")
        Path chart;

        @Override
        public Integer call() throws IOException {
            CampaignReports reports = parent.cli.context().campaignReports();
            // both files are checked before either is written: a refusal leaves nothing touched
            for (Path file : new Path[] {csv, chart}) {
                if (file != null) {
                    parent.cli.context().checkOutputFile(file);
                }
            }
            CampaignResults results = reports.results(id);
            if (csv != null) {
                reports.exportCsv(results, csv);
            }
            if (chart != null) {
                reports.saveFunnelPng(results, Messages.chinese(), chart);
            }
            parent.cli.print(results.figures());
            return 0;
        }
    }

    @Command(name = "coupons", description = "Coupon printouts.", subcommands = {CouponsPrint.class})
    static final class CouponsCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw Cli.usage(spec, "a coupons command is needed: print");
        }
    }

    @Command(name = "print", description = "Print a campaign's coupon list (or slips) to PDF.")
    static final class CouponsPrint implements Callable<Integer> {
        @ParentCommand
        CouponsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Option(names = "--pdf", required = true, paramLabel = "FILE")
        Path pdf;

        @Option(names = "--paper", paramLabel = "a4|80mm", defaultValue = "a4")
        String paper;

        @Option(names = "--slips", description = "One slip per member with a QR code, instead of the staff list.")
        boolean slips;

        @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "Language of the printout.")
        String lang;

        @Override
        public Integer call() throws IOException {
            Paper chosen;
            try {
                chosen = Paper.parse(paper);
            } catch (IllegalArgumentException e) {
                throw Cli.usage(spec, e.getMessage());
            }
            Messages messages = switch (lang) {
                case "zh" -> Messages.chinese();
                case "en" -> Messages.english();
                default -> throw Cli.usage(spec, "--lang must be zh or en, not '" + lang + "'");
            };
            int printed = parent.cli.context().couponPrinter().print(id,
                    slips ? CouponPrinter.Kind.SLIPS : CouponPrinter.Kind.LIST, chosen, pdf, messages,
                    Progress.NONE);
            Map<String, Object> out = Cli.object();
            out.put("printed", printed);
            out.put("file", pdf.toAbsolutePath().toString());
            parent.cli.print(out);
            return 0;
        }
    }

    @Command(name = "redeem", description = "Record a purchase with a coupon at the counter, after the member's"
            + " tier discount (exit 3 when refused).")
    static final class Redeem implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CODE")
        String code;

        @Option(names = "--member", required = true, paramLabel = "MEMBER_NO")
        String member;

        @Option(names = "--amount", required = true, paramLabel = "YUAN", description = "The purchase before any discount (tier, coupon).")
        String amount;

        @Option(names = "--item", paramLabel = "NAME", defaultValue = COUNTER_ITEM,
                description = "What was bought (default: " + COUNTER_ITEM + ").")
        String item;

        @Override
        public Integer call() {
            long cents = yuan(spec, "--amount", amount);
            if (cents <= 0) {
                throw Cli.usage(spec, "--amount must be above zero");
            }
            Member found = cli.context().members().byNumberOrPhone(member)
                    .orElseThrow(() -> new CliFailure(1, "no such member: " + member));
            if (code.isBlank()) {
                // the sale would go through without a coupon: refused, as an empty code always was
                throw new CliFailure(REFUSED, cli.messages().get("coupon.refused.malformed", code.strip(),
                        CouponCodes.LENGTH));
            }
            // the counter's sale: the member's tier discount first, then the coupon on what is left
            CounterSales.Sale sale;
            try {
                sale = cli.context().counterSales().sell(found.id(), List.of(new PurchaseLine(item, 1, cents)), code);
            } catch (RedemptionRefused refused) {
                throw new CliFailure(REFUSED, refused.problem().describe(cli.messages()));
            }
            Map<String, Object> out = Cli.object();
            out.put("ok", true);
            out.put("discount_cents", sale.priced().couponDiscountCents());
            out.put("tier_discount_cents", sale.priced().tierDiscountCents());
            cli.print(out);
            return 0;
        }
    }
}
