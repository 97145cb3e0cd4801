package org.memberdesk.tags;

import org.memberdesk.common.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.memberdesk.common.Counted;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.members.MemberStore;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * Manual tags and rule tags. A rule tag's members are exactly those its rule matches today, replaced
 * in one transaction on every refresh (on demand and after each import); members cannot be added to
 * it by hand. Manual tags are put on and taken off one member, a selection, or a whole segment.
 */
public final class TagService {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(TagService.class.getName());

    private final Database database;
    private final TagStore store;
    private final Clock clock;
    private final RuleService rules;
    private final StaffSession session;
    private final OperationLog log;

    /**
     * What a person does with tags (create, change, delete, tag members by hand) is a manager's and is written to the
     * operation log; refreshing rule tags is the app's own upkeep and is neither checked nor logged.
     */
    public TagService(Database database, TagStore store, Clock clock, RuleService rules, StaffSession session,
                      OperationLog log) {
        this.database = database;
        this.store = store;
        this.clock = clock;
        this.rules = rules;
        this.session = session;
        this.log = log;
    }

    /**
     * A rule on the prediction fields needs a model as of its date: fitted first ({@link RuleService#prepare}),
     * outside the tag's transaction (a refused fit throws its reason and nothing changes).
     */
    private void modelsFor(Rule rule, LocalDate asOf) {
        if (rule != null) {
            rules.prepare(rule, asOf);
        }
    }

    public List<Tag> list() {
        return database.read(store::all);
    }

    public List<String> tagsOf(long memberId) {
        return database.read(connection -> store.namesFor(connection, memberId));
    }

    /** The tags one member carries, by name, with their rules and counts. */
    public List<Tag> carriedBy(long memberId) {
        return database.read(connection -> store.carriedBy(connection, memberId));
    }

    /** Creates a manual tag (rule null) or a rule tag, which is filled at once. */
    public Tag create(String name, String ruleText) {
        session.require(Permission.TAGS);
        String tagName = TagNames.checkName(name);
        Rule rule = ruleText == null ? null : TagNames.checkRule(tagName, ruleText);
        modelsFor(rule, today());
        return database.write(connection -> {
            if (store.findByName(connection, tagName).isPresent()) {
                throw new ValidationException(Problem.of("name", "tag.name.taken", tagName));
            }
            if (rule != null) {
                refuseCircle(connection, tagName, rule);
            }
            long id = store.insert(connection, tagName, rule == null ? null : rule.canonical(), now());
            if (rule != null) {
                store.replace(connection, id, rules.members(connection, rule, today(), Progress.NONE), now());
            }
            Tag created = store.findByName(connection, tagName).orElseThrow();
            record(connection, null, tagName, rule == null ? "created (manual)"
                    : "created, rule " + rule.canonical() + ", " + Counted.of(created.members(), "member"));
            return created;
        });
    }

    /** Gives a rule tag a new rule (or makes it manual with null, keeping its members) and refreshes it. */
    public Tag changeRule(String name, String ruleText) {
        session.require(Permission.TAGS);
        Rule rule = ruleText == null ? null : TagNames.checkRule(name, ruleText);
        modelsFor(rule, today());
        return database.write(connection -> {
            Tag tag = existing(connection, name);
            if (rule != null) {
                refuseCircle(connection, tag.name(), rule);
            }
            store.setRule(connection, tag.id(), rule == null ? null : rule.canonical());
            if (rule != null) {
                store.replace(connection, tag.id(), rules.members(connection, rule, today(), Progress.NONE), now());
            }
            Tag changed = store.findByName(connection, name).orElseThrow();
            record(connection, null, tag.name(), "rule " + (tag.rule() == null ? "(manual)" : tag.rule()) + " → "
                    + (rule == null ? "(manual)" : rule.canonical()) + ", members " + tag.members() + " → "
                    + changed.members());
            return changed;
        });
    }

    /**
     * What deleting a tag would do, for the confirmation: how many members carry it, the rule tags whose rules
     * look at it (while there are any, it is not deleted: their members would silently change) and the coupon
     * campaigns that were sent to it (they keep their members and coupons: a campaign's members are fixed when it
     * is made).
     */
    public record Deletion(Tag tag, List<String> usedBy, long campaigns) {
    }

    public Deletion deletion(String name) {
        return database.read(connection -> {
            Tag tag = existing(connection, name);
            return new Deletion(tag, usedBy(connection, tag.name()), store.campaignsSentTo(connection, tag.name()));
        });
    }

    /**
     * Deletes a tag and takes it off its members; a rule tag's rule goes with it. Refused while another rule tag's
     * rule looks at it. Campaigns sent to it keep their members and coupons.
     */
    public void delete(String name) {
        session.require(Permission.TAGS);
        database.write(connection -> {
            Tag tag = existing(connection, name);
            List<String> users = usedBy(connection, tag.name());
            if (!users.isEmpty()) {
                throw new ValidationException(Problem.of("name", "tag.delete.used", tag.name(),
                        String.join(", ", users)));
            }
            long campaigns = store.campaignsSentTo(connection, tag.name());
            store.delete(connection, tag.id());
            record(connection, null, tag.name(), "deleted (" + Counted.of(tag.members(), "member") + ")"
                    + (tag.isRuleTag() ? ", rule " + tag.rule() : "")
                    + (campaigns > 0 ? ", campaigns sent to it keep their coupons: " + campaigns : ""));
            return null;
        });
    }

    /**
     * Gives a tag a new name (the same checks as a new tag's). The rules of rule tags that look at it are rewritten
     * to the new name in the same transaction, so they keep their members; campaigns keep the name they were sent
     * to (what was chosen then).
     */
    public Tag rename(String name, String newName) {
        session.require(Permission.TAGS);
        String wanted = TagNames.checkName(newName);
        return database.write(connection -> {
            Tag tag = existing(connection, name);
            if (tag.name().equals(wanted)) {
                return tag;
            }
            if (store.findByName(connection, wanted).isPresent()) {
                throw new ValidationException(Problem.of("name", "tag.name.taken", wanted));
            }
            store.rename(connection, tag.id(), wanted);
            List<String> rewritten = new ArrayList<>();
            for (Tag other : store.all(connection)) {
                if (other.isRuleTag() && TagDependencies.mentioned(Rule.parse(other.rule()).root())
                        .contains(tag.name())) {
                    Rule renamed = Rule.of(TagDependencies.renamed(Rule.parse(other.rule()).root(), tag.name(),
                            wanted));
                    store.setRule(connection, other.id(), renamed.canonical());
                    rewritten.add(other.name());
                }
            }
            record(connection, null, wanted, "renamed " + tag.name() + " → " + wanted
                    + (rewritten.isEmpty() ? "" : ", rules of " + String.join(", ", rewritten) + " follow"));
            return store.findByName(connection, wanted).orElseThrow();
        });
    }

    /** The rule tags (other than itself) whose rules look at the tag, by name. */
    private List<String> usedBy(Connection connection, String tagName) throws SQLException {
        return store.all(connection).stream()
                .filter(t -> t.isRuleTag() && !t.name().equals(tagName)
                        && TagDependencies.mentioned(Rule.parse(t.rule()).root()).contains(tagName))
                .map(Tag::name).toList();
    }

    /**
     * Puts a manual tag on members named by number, creating the tag when it is new. Unknown numbers
     * are refused all together, before anything changes. Returns how many members newly got the tag.
     */
    public int addByNumbers(String name, List<String> memberNos) {
        session.require(Permission.TAGS);
        return database.write(connection -> {
            long[] ids = idsOf(connection, memberNos);
            return tagged(connection, name, ids, "");
        });
    }

    public int removeByNumbers(String name, List<String> memberNos) {
        session.require(Permission.TAGS);
        return database.write(connection -> {
            long[] ids = idsOf(connection, memberNos);
            return untagged(connection, name, ids);
        });
    }

    /** Puts a manual tag on members by id (a selection on screen, or a segment's result). */
    public int add(String name, long[] memberIds) {
        session.require(Permission.TAGS);
        return database.write(connection -> tagged(connection, name, memberIds, ""));
    }

    public int remove(String name, long[] memberIds) {
        session.require(Permission.TAGS);
        return database.write(connection -> untagged(connection, name, memberIds));
    }

    /** Puts a manual tag on every member a rule matches at the date. */
    public int addSegment(String name, Rule rule, LocalDate asOf) {
        session.require(Permission.TAGS);
        modelsFor(rule, asOf);
        return database.write(connection -> tagged(connection, name, rules.members(connection, rule, asOf, Progress.NONE),
                " (segment " + rule.canonical() + " on " + asOf + ")"));
    }

    private int tagged(Connection connection, String name, long[] memberIds, String how) throws SQLException {
        Tag tag = manualTag(connection, name, true);
        int added = store.add(connection, tag.id(), memberIds, now());
        looked(connection, tag, added);
        record(connection, memberIds.length == 1 ? memberIds[0] : null, tag.name(),
                "+" + added + " of " + Counted.of(memberIds.length, "member") + how);
        return added;
    }

    private int untagged(Connection connection, String name, long[] memberIds) throws SQLException {
        Tag tag = manualTag(connection, name, false);
        int removed = store.remove(connection, tag.id(), memberIds);
        looked(connection, tag, removed);
        record(connection, memberIds.length == 1 ? memberIds[0] : null, tag.name(),
                "-" + removed + " of " + Counted.of(memberIds.length, "member"));
        return removed;
    }

    /** A manual tag that rule tags look at changed members: they are out of date until the next refresh. */
    private void looked(Connection connection, Tag tag, int changed) throws SQLException {
        if (changed > 0 && !usedBy(connection, tag.name()).isEmpty()) {
            store.markStale(connection, "tag " + tag.name() + " " + System.nanoTime());
        }
    }

    /** One operation log entry for a person's change of a tag, in the change's transaction. */
    private void record(Connection connection, Long memberId, String tagName, String summary) throws SQLException {
        log.record(connection, OperationLog.Entry.of(Operation.TAG, memberId, "tag " + tagName, summary));
    }

    /**
     * Recomputes every rule tag as of today, each in its own transaction, each after the rule tags its rule
     * looks at (through any chain), so a rule on a rule tag sees that tag fresh and the counts settle in one
     * refresh. Rule tags on a circle (saved before circles were refused) keep their members, and so do rule tags on
     * the prediction fields while no model can be fitted (too few repeat buyers): the others still refresh.
     */
    public List<Tag> refreshAll() {
        List<Tag> tags = list();
        for (String name : TagDependencies.of(tags).refreshOrder()) {
            Tag tag = tags.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
            if (tag.isRuleTag()) {
                try {
                    modelsFor(Rule.parse(tag.rule()), today());
                } catch (ValidationException refused) {
                    LOG.info("rule tag " + name + " keeps its members: " + refused.getMessage());
                    continue;
                }
            }
            refresh(name);
        }
        return list();
    }

    /** Refuses a rule that would make rule tags look at each other in a circle, naming the circle. */
    private void refuseCircle(Connection connection, String tagName, Rule rule) throws SQLException {
        var circle = TagDependencies.of(store.all(connection)).with(tagName, rule).circleThrough(tagName);
        if (circle.isPresent()) {
            throw new ValidationException(Problem.of("rule", "tag.rule.circle", tagName,
                    String.join(" → ", circle.get())));
        }
    }

    /**
     * Marks rule tags out of date inside the caller's transaction (an import batch that stored members or
     * purchases): {@link #refreshIfStale} then refreshes them, at the end of the import or, when the import was
     * killed first, at the next import or start of the desktop.
     */
    public void markStale(Connection connection, String token) throws SQLException {
        store.markStale(connection, token);
    }

    /**
     * Refreshes every rule tag when something marked them out of date since, or when one was last refreshed before
     * today: a rule on days, age or birthdays ("last purchase 30 to 60 days ago") matches other members as the
     * date moves on with nothing stored, so a count kept from yesterday is not the rule's count today. The start of
     * the desktop, the end of every import and the tags screen call it. Whether it refreshed.
     */
    public boolean refreshIfStale() {
        String token = database.read(store::staleMark);
        String todayStart = today() + " 00:00:00";
        if (token == null && !database.read(connection -> store.ruleTagRefreshedBefore(connection, todayStart))) {
            return false;
        }
        refreshAll();
        if (token != null) {
            database.write(connection -> {
                store.clearStale(connection, token);
                return null;
            });
        }
        return true;
    }

    /** Recomputes one rule tag as of today: the app's own upkeep (neither checked nor logged). */
    public Tag refresh(String name) {
        return refreshed(name, Progress.NONE, false);
    }

    /**
     * Recomputes one rule tag as of today because a person asked (Refresh now): checked and logged with the count
     * before and after. A cancel stops it and keeps the tag as it was (a CancellationException).
     */
    public Tag refreshNow(String name, Progress cancel) {
        session.require(Permission.TAGS);
        return refreshed(name, cancel, true);
    }

    private Tag refreshed(String name, Progress cancel, boolean asked) {
        Tag named = database.read(connection -> existing(connection, name));
        if (asked && !named.isRuleTag()) {
            throw new ValidationException(Problem.of("name", "tag.refresh.manual", named.name()));
        }
        if (named.isRuleTag()) {
            modelsFor(Rule.parse(named.rule()), today());
        }
        return database.write(connection -> {
            Tag tag = existing(connection, name);
            if (tag.isRuleTag()) {
                long[] members = rules.members(connection, Rule.parse(tag.rule()), today(), cancel);
                store.replace(connection, tag.id(), members, now());
            }
            Tag fresh = store.findByName(connection, tag.name()).orElseThrow();
            if (asked) {
                record(connection, null, tag.name(), "refreshed, members " + tag.members() + " → " + fresh.members());
            }
            return fresh;
        });
    }

    private Tag manualTag(Connection connection, String name, boolean createIfMissing) throws SQLException {
        String tagName = TagNames.checkName(name);
        var found = store.findByName(connection, tagName);
        if (found.isEmpty()) {
            if (!createIfMissing) {
                throw new ValidationException(Problem.of("name", "tag.unknown", tagName));
            }
            store.insert(connection, tagName, null, now());
            return store.findByName(connection, tagName).orElseThrow();
        }
        if (found.get().isRuleTag()) {
            throw new ValidationException(Problem.of("name", "tag.ruleTag.manual", tagName));
        }
        return found.get();
    }

    private Tag existing(Connection connection, String name) throws SQLException {
        return store.findByName(connection, name == null ? "" : name.strip())
                .orElseThrow(() -> new ValidationException(Problem.of("name", "tag.unknown", name)));
    }

    private long[] idsOf(Connection connection, List<String> memberNos) throws SQLException {
        long[] ids = store.memberIds(connection, memberNos.stream().map(String::strip).toList());
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                unknown.add(memberNos.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException(Problem.of("member_no", "member.unknown", String.join(", ", unknown)));
        }
        return ids;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String now() {
        return LocalDateTime.now(clock).format(MemberStore.TIME);
    }
}
