package org.memberdesk.cli;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import org.memberdesk.points.LedgerCheck;
import org.memberdesk.points.PointsService;
import org.memberdesk.points.PointsSummary;
import org.memberdesk.points.PointsTemplate;
import org.memberdesk.points.Reward;
import org.memberdesk.tiers.ReviewResult;
import org.memberdesk.tiers.TierProgress;
import org.memberdesk.tiers.TierService;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The growth system's commands: points, expiry, tier review, the ledger check, adjust and redeem. */
final class PointsCommands {
    /** Exit code of a redemption refused for too few points (the "clear message, nothing changes"). */
    static final int REFUSED = 3;

    private PointsCommands() {
    }

    static Member member(Cli cli, String memberNo) {
        return cli.context().members().byNumberOrPhone(memberNo)
                .orElseThrow(() -> new CliFailure(1, "no such member: " + memberNo));
    }

    @Command(name = "points", description = "A member's points balance, tier and points expiring within 30 days.")
    static final class Points implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Parameters(index = "0", paramLabel = "MEMBER_NO")
        String memberNo;

        @Override
        public Integer call() {
            Map<String, Object> out = Cli.object();
            // one read around both: the balance and the tier are of the same moment
            cli.database().read(connection -> {
                Member member = member(cli, memberNo);
                PointsSummary summary = cli.context().points().summary(member.id());
                TierProgress progress = cli.context().tiers().progress(member.id());
                out.put("balance", summary.balance());
                out.put("tier", progress.current().name());
                out.put("expiring_30d", summary.expiringIn30Days());
                return null;
            });
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "tier-progress", description = "A member's tier and what is still needed for the next one.")
    static final class Progress implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Parameters(index = "0", paramLabel = "MEMBER_NO")
        String memberNo;

        @Override
        public Integer call() {
            TierProgress progress = cli.context().tiers().progress(member(cli, memberNo).id());
            Map<String, Object> out = Cli.object();
            out.put("tier", progress.current().name());
            out.put("next", progress.next() == null ? null : progress.next().name());
            out.put("basis", progress.basis().code());
            out.put("measured", progress.measured());
            out.put("needed", progress.needed());
            out.put("text", TierService.nextStep(progress, cli.messages()));
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "expire-points", description = "Expire every points batch due on the as-of date (idempotent).")
    static final class Expire implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Option(names = "--as-of", paramLabel = "DATE", description = "YYYY-MM-DD (default: today).")
        LocalDate asOf;

        @Override
        public Integer call() {
            PointsService.Change change = cli.context().points().expire(asOf != null ? asOf
                    : LocalDate.now(cli.clock()));
            Map<String, Object> out = Cli.object();
            out.put("entries", change.entries());
            out.put("points", change.points());
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "review-tiers", description = "Review every member's tier as of a date: upgrades, and downgrades"
            + " after the protection period.")
    static final class Review implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Option(names = "--as-of", paramLabel = "DATE", description = "YYYY-MM-DD (default: today).")
        LocalDate asOf;

        @Override
        public Integer call() {
            ReviewResult result = cli.context().tiers().review(asOf != null ? asOf : LocalDate.now(cli.clock()));
            Map<String, Object> out = Cli.object();
            out.put("upgraded", result.upgraded());
            out.put("downgraded", result.downgraded());
            out.put("tiers", result.tiers());
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "check-ledger", description = "Prove for every member: ledger sum = cached balance, batches left"
            + " = the balance (0 when below zero), and a balance below zero is points owed from returns."
            + " Exit 1 when any member fails.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Override
        public Integer call() {
            LedgerCheck check = cli.context().points().checkLedger();
            Map<String, Object> out = Cli.object();
            out.put("members", check.members());
            out.put("bad", check.bad());
            out.put("owing", check.owing());
            out.put("points_owed", check.pointsOwed());
            cli.print(out);
            if (check.bad() > 0) {
                cli.err().println("error: " + check.bad() + " members' points do not add up, e.g. "
                        + String.join(", ", check.firstBad()));
                cli.err().flush();
                return 1;
            }
            return 0;
        }
    }

    @Command(name = "adjust-points", description = "Add or take away points by hand, with a reason and who did it.")
    static final class Adjust implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Parameters(index = "0", paramLabel = "MEMBER_NO")
        String memberNo;

        @Option(names = "--points", required = true, paramLabel = "N", description = "Positive adds, negative takes.")
        long points;

        @Option(names = "--reason", required = true)
        String reason;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who made the adjustment.")
        String operator;

        @Override
        public Integer call() {
            Member member = member(cli, memberNo);
            long balance = cli.context().points().adjust(member.id(), points, reason, operator);
            Map<String, Object> out = Cli.object();
            out.put("member_no", member.memberNo());
            out.put("points", points);
            out.put("balance", balance);
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "redeem-points", description = "Redeem points for a reward (or a number of points with a reason)."
            + " Exit 3 when the member has too few points; nothing changes then.")
    static final class Redeem implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Parameters(index = "0", paramLabel = "MEMBER_NO")
        String memberNo;

        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;

        static final class What {
            @Option(names = "--reward", paramLabel = "NAME", description = "A reward from the reward list.")
            String reward;

            @Option(names = "--points", paramLabel = "N", description = "Points to redeem; needs --reason.")
            Long points;
        }

        @Option(names = "--reason", description = "What the points were redeemed for (with --points).")
        String reason;

        @Option(names = "--by", paramLabel = "NAME", description = "Who served the member.")
        String operator;

        @Override
        public Integer call() {
            Member member = member(cli, memberNo);
            PointsService points = cli.context().points();
            long before = points.summary(member.id()).balance();
            long balance;
            PointsService.Redemption redemption = null;
            try {
                if (what.reward != null) {
                    redemption = points.redeemReward(member.id(), what.reward, operator);
                    balance = redemption.balance();
                } else {
                    balance = points.redeemPoints(member.id(), what.points, reason, operator);
                }
            } catch (ValidationException e) {
                for (Problem problem : e.problems()) {
                    if ("points.redeem.notEnough".equals(problem.key()) || "points.redeem.owed".equals(problem.key())) {
                        throw new CliFailure(REFUSED, problem.describe(cli.messages()));
                    }
                }
                throw e;
            }
            Map<String, Object> out = Cli.object();
            out.put("member_no", member.memberNo());
            out.put("redeemed", Math.max(0, before - balance));
            out.put("balance", balance);
            if (redemption != null && redemption.couponCode() != null) {
                out.put("coupon_code", redemption.couponCode());
                out.put("coupon_valid_to", redemption.couponValidTo().toString());
            }
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "add-reward", description = "Add or change a reward points can be redeemed for.")
    static final class AddReward implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--kind", defaultValue = "gift", paramLabel = "gift|cash|coupon")
        String kind;

        @Option(names = "--coupon", paramLabel = "ID", description = "A coupon reward: the coupon template it gives.")
        Long couponTemplate;

        @Option(names = "--campaign", paramLabel = "ID",
                description = "A coupon reward: the campaign whose coupon it gives (instead of --coupon).")
        Long campaign;

        @Option(names = "--cost", required = true, paramLabel = "POINTS")
        long cost;

        @Option(names = "--value", paramLabel = "YUAN", description = "What a cash reward takes off, e.g. 10.00.")
        String value;

        @Override
        public Integer call() {
            Reward.Kind rewardKind;
            long cents;
            try {
                rewardKind = Reward.Kind.fromCode(kind);
                cents = value == null ? 0 : Money.parseYuan(value);
            } catch (IllegalArgumentException e) {
                throw Cli.usage(spec, e.getMessage());
            }
            if (rewardKind == Reward.Kind.COUPON && (couponTemplate == null) == (campaign == null)) {
                throw Cli.usage(spec, "a coupon reward needs exactly one of --coupon ID or --campaign ID");
            }
            if (rewardKind != Reward.Kind.COUPON && (couponTemplate != null || campaign != null)) {
                throw Cli.usage(spec, "--coupon and --campaign are for --kind coupon");
            }
            Reward reward = cli.context().points().saveReward(new Reward(0, name, rewardKind, cost, cents, true,
                    couponTemplate, campaign));
            Map<String, Object> out = Cli.object();
            out.put("reward", reward.name());
            out.put("kind", reward.kind().code());
            out.put("cost", reward.costPoints());
            out.put("value", Money.formatYuan(reward.valueCents()));
            if (reward.kind() == Reward.Kind.COUPON) {
                out.put("coupon", reward.couponTemplateId());
                out.put("campaign", reward.campaignId());
            }
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "growth-template", description = "Set the points rules and tier ladder from a template:"
            + " scenic (景区) or gym (健身房).")
    static final class Template implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "scenic|gym")
        String code;

        @Override
        public Integer call() {
            PointsTemplate template;
            try {
                template = PointsTemplate.of(code);
            } catch (IllegalArgumentException e) {
                throw Cli.usage(spec, e.getMessage());
            }
            cli.context().growthTemplates().apply(template);
            Map<String, Object> out = Cli.object();
            out.put("template", template.code());
            out.put("tiers", cli.context().tiers().ladder().tiers().stream().map(t -> t.name()).toList());
            cli.print(out);
            return 0;
        }
    }
}
