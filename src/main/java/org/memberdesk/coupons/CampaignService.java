package org.memberdesk.coupons;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.memberdesk.common.Counted;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * Coupon templates and campaigns: who a campaign targets (with the recorded control group), and
 * issuing its coupons — one unique code per member, all in one transaction.
 */
public final class CampaignService {
    /** A pasted list's unknown entries named in the message, at most. */
    private static final int UNKNOWN_SHOWN = 5;

    private final Database database;
    private final CouponStore coupons;
    private final CampaignStore campaigns;
    private final TargetStore targets;
    private final RuleTargets ruleTargets;
    private final Clock clock;
    private final StaffSession session;
    private final OperationLog log;

    /**
     * Making coupons and campaigns is a manager's or the owner's ({@link Permission#CAMPAIGNS}); each template made,
     * campaign created and campaign issued is one operation log entry, in the transaction that makes it. Reading
     * them (a member's coupons at the counter) is anyone's.
     */
    public CampaignService(Database database, CouponStore coupons, CampaignStore campaigns, TargetStore targets,
                           RuleTargets ruleTargets, Clock clock, StaffSession session, OperationLog log) {
        this.session = session;
        this.log = log;
        this.database = database;
        this.coupons = coupons;
        this.campaigns = campaigns;
        this.targets = targets;
        this.ruleTargets = ruleTargets;
        this.clock = clock;
    }

    /** Everything wrong with a coupon template, field by field. */
    public List<Problem> check(Coupon coupon) {
        List<Problem> problems = new ArrayList<>();
        if (coupon.name() == null || coupon.name().isBlank()) {
            problems.add(Problem.of("name", "coupon.name.missing"));
        }
        switch (coupon.kind()) {
            case CASH, THRESHOLD, GIFT -> {
                if (coupon.valueCents() <= 0) {
                    problems.add(Problem.of("value", "coupon.value.missing"));
                }
            }
            case DISCOUNT -> {
                if (coupon.percentOff() == null || coupon.percentOff() < 1 || coupon.percentOff() > 99) {
                    problems.add(Problem.of("value", "coupon.percent.range", coupon.percentOff()));
                }
                if (coupon.capCents() != null && coupon.capCents() <= 0) {
                    problems.add(Problem.of("cap", "coupon.cap.invalid"));
                }
            }
        }
        if (coupon.kind() == CouponKind.THRESHOLD && coupon.minSpendCents() <= 0) {
            problems.add(Problem.of("min_spend", "coupon.minSpend.missing"));
        }
        if (coupon.minSpendCents() < 0) {
            problems.add(Problem.of("min_spend", "coupon.minSpend.negative"));
        }
        if (coupon.kind() == CouponKind.GIFT && coupon.items().isEmpty()) {
            problems.add(Problem.of("items", "coupon.gift.item"));
        }
        return problems;
    }

    public Coupon createCoupon(Coupon coupon) {
        session.require(Permission.CAMPAIGNS);
        List<Problem> problems = check(coupon);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return database.write(connection -> {
            Coupon made = coupon.withId(coupons.insertTemplate(connection, coupon, now()));
            log.record(connection, OperationLog.Entry.of(Operation.CAMPAIGN, null, made.name(),
                    "coupon template made (" + made.kind().name().toLowerCase(java.util.Locale.ROOT) + ")"));
            return made;
        });
    }

    public List<Coupon> coupons() {
        return database.read(coupons::templates);
    }

    public Optional<Coupon> coupon(long id) {
        return database.read(connection -> coupons.template(connection, id));
    }

    /** How a target splits: matched, skipped for a recent coupon, held back as control, and who gets a coupon. */
    public record Preview(int matched, int skipped, int targeted, int control) {
        public int treatment() {
            return targeted - control;
        }
    }

    public Preview preview(Target target, Integer skipDays, int controlPercent) {
        session.require(Permission.CAMPAIGNS);
        checkSplit(skipDays, controlPercent);
        ruleTargets.prepare(target);
        return database.read(connection -> {
            long[] matched = matched(connection, target);
            long[] kept = withoutRecent(connection, matched, skipDays);
            return new Preview(matched.length, matched.length - kept.length, kept.length,
                    ControlGroup.size(kept.length, controlPercent));
        });
    }

    /** Stores the campaign with its target frozen and split; its coupons are issued by {@link #issue}. */
    public Campaign create(CampaignDraft draft) {
        session.require(Permission.CAMPAIGNS);
        List<Problem> problems = new ArrayList<>();
        if (draft.name() == null || draft.name().isBlank()) {
            problems.add(Problem.of("name", "campaign.name.missing"));
        }
        if (draft.couponId() == null && draft.newCoupon() == null) {
            problems.add(Problem.of("coupon", "campaign.coupon.missing"));
        }
        if (draft.newCoupon() != null) {
            problems.addAll(check(draft.newCoupon()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        checkSplit(draft.skipDays(), draft.controlPercent());
        long seed = draft.seed() != null ? draft.seed() : new SecureRandom().nextLong();
        ruleTargets.prepare(draft.target());
        return database.write(connection -> {
            long couponId;
            if (draft.newCoupon() != null) {
                couponId = coupons.insertTemplate(connection, draft.newCoupon(), now());
            } else {
                couponId = draft.couponId();
                if (coupons.template(connection, couponId).isEmpty()) {
                    throw new ValidationException(Problem.of("coupon", "coupon.unknown", couponId));
                }
            }
            long[] kept = withoutRecent(connection, matched(connection, draft.target()), draft.skipDays());
            if (kept.length == 0) {
                throw new ValidationException(Problem.of("target", "campaign.target.empty", draft.target().text()));
            }
            ControlGroup.Split split = ControlGroup.split(kept, draft.controlPercent(), seed);
            long id = campaigns.insert(connection, draft.name().strip(), couponId, draft.target(), draft.skipDays(),
                    draft.controlPercent(), seed, kept.length, split.control().length, now());
            campaigns.insertMembers(connection, id, split.treatment(), false);
            campaigns.insertMembers(connection, id, split.control(), true);
            Campaign made = campaigns.find(connection, id).orElseThrow();
            log.record(connection, OperationLog.Entry.of(Operation.CAMPAIGN, null, made.name(), "campaign created: "
                    + Counted.of(made.targeted(), "member") + " targeted, " + made.control()
                    + " held back as control"));
            return made;
        });
    }

    /**
     * Issues one coupon to every member on the treatment side, in one transaction: either every
     * member has a code or nobody does. Returns how many coupons were issued.
     */
    public int issue(long campaignId) {
        session.require(Permission.CAMPAIGNS);
        return database.write(connection -> {
            Campaign campaign = require(connection, campaignId);
            if (campaign.issued()) {
                throw new ValidationException(Problem.of("campaign", "campaign.alreadyIssued", campaign.name(),
                        campaign.issuedAt().toLocalDate().toString()));
            }
            Coupon coupon = coupons.template(connection, campaign.couponId()).orElseThrow();
            LocalDateTime now = now();
            LocalDate today = now.toLocalDate();
            LocalDate validTo = coupon.validity().lastDay(today);
            if (validTo.isBefore(today)) {
                throw new ValidationException(Problem.of("validity", "coupon.validity.ended", validTo.toString()));
            }
            long[] members = campaigns.members(connection, campaignId, false);
            int issued = coupons.issue(connection, campaignId, members, now, coupon.validity().firstDay(today),
                    validTo, CouponCodes.secureRandom());
            campaigns.markIssued(connection, campaignId, now);
            log.record(connection, OperationLog.Entry.of(Operation.CAMPAIGN, null, campaign.name(),
                    "not issued → " + Counted.of(issued, "coupon") + " issued, valid to " + validTo));
            return issued;
        });
    }

    public Optional<Campaign> campaign(long id) {
        return database.read(connection -> campaigns.find(connection, id));
    }

    public List<Campaign> campaigns() {
        return database.read(campaigns::all);
    }

    /** A member's coupons, newest first (the member pane lists them with their states). */
    public List<IssuedCoupon> memberCoupons(long memberId) {
        return database.read(connection -> coupons.forMember(connection, memberId));
    }

    Campaign require(Connection connection, long campaignId) throws SQLException {
        return campaigns.find(connection, campaignId).orElseThrow(() ->
                new ValidationException(Problem.of("campaign", "campaign.unknown", campaignId)));
    }

    private long[] matched(Connection connection, Target target) throws SQLException {
        return switch (target.kind()) {
            case ALL -> targets.all(connection);
            case TIER -> targets.tier(connection, target.value());
            case LIST -> {
                TargetStore.ListMatch match = targets.list(connection, target.listEntries());
                if (!match.unknown().isEmpty()) {
                    List<String> shown = match.unknown().subList(0, Math.min(UNKNOWN_SHOWN, match.unknown().size()));
                    throw new ValidationException(Problem.of("target", "campaign.target.unknownMembers",
                            match.unknown().size(), String.join(", ", shown)));
                }
                yield match.memberIds();
            }
            case RULE, TAG, SEGMENT, LIFECYCLE -> ruleTargets.members(connection, target);
            // a reward's campaign targets nobody in advance: members get codes by redeeming points
            case REWARD -> new long[0];
        };
    }

    private long[] withoutRecent(Connection connection, long[] members, Integer skipDays) throws SQLException {
        if (skipDays == null || skipDays == 0) {
            return members;
        }
        Set<Long> recent = targets.couponedSince(connection, now().minusDays(skipDays));
        return recent.isEmpty() ? members : Arrays.stream(members).filter(id -> !recent.contains(id)).toArray();
    }

    private static void checkSplit(Integer skipDays, int controlPercent) {
        List<Problem> problems = new ArrayList<>();
        if (controlPercent < 0 || controlPercent > 90) {
            problems.add(Problem.of("control", "campaign.control.range", controlPercent));
        }
        if (skipDays != null && skipDays < 0) {
            problems.add(Problem.of("skip_days", "campaign.skipDays.invalid", skipDays));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
