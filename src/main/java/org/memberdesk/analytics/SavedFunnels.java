package org.memberdesk.analytics;

import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.members.MemberStore;
import org.memberdesk.tags.RuleException;
import org.memberdesk.tags.RuleService;

/**
 * The shop's saved custom funnels: saved by name (saving under a name that exists replaces its
 * steps), listed, deleted. Every step must be a rule the rule engine understands, so a saved funnel
 * always opens and computes.
 */
public final class SavedFunnels {
    private final Database database;
    private final SavedFunnelStore store;
    private final RuleService rules;
    private final Clock clock;
    private final StaffSession session;
    private final OperationLog log;

    public SavedFunnels(Database database, SavedFunnelStore store, RuleService rules, Clock clock,
            StaffSession session, OperationLog log) {
        this.database = database;
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.session = session;
        this.log = log;
    }

    /** The saved funnels (a report: the manager's and the owner's). */
    public List<SavedFunnel> all() {
        session.require(Permission.REPORTS);
        return database.read(store::all);
    }

    /**
     * Saves the funnel under {@code name} (replacing the steps of a funnel of that name); the steps are
     * the rules as written, blank ones left out. Problems name the field: "name", or "step N" for a rule.
     */
    public SavedFunnel save(String name, List<String> steps) {
        session.require(Permission.REPORTS);
        String funnelName = name == null ? "" : name.strip();
        List<Problem> problems = new ArrayList<>();
        if (funnelName.isEmpty()) {
            problems.add(Problem.of("name", "analytics.funnels.nameMissing"));
        }
        List<String> rulesAsWritten = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String text = steps.get(i) == null ? "" : steps.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                rules.parse(text);
            } catch (RuleException e) {
                problems.add(Problem.of("step " + (i + 1), "analytics.funnels.badStep", i + 1, e.getMessage()));
            }
            rulesAsWritten.add(text);
        }
        if (rulesAsWritten.isEmpty()) {
            problems.add(Problem.of("steps", "analytics.funnels.noSteps"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String now = LocalDateTime.now(clock).format(MemberStore.TIME);
        long id = database.write(connection -> {
            long funnelId = store.idByName(connection, funnelName).orElse(-1L);
            boolean replaced = funnelId >= 0;
            if (!replaced) {
                funnelId = store.insert(connection, funnelName, now);
            }
            store.replaceSteps(connection, funnelId, rulesAsWritten, now);
            log.record(connection, OperationLog.Entry.of(Operation.RULES, null, "funnel " + funnelName,
                    (replaced ? "steps replaced: " : "saved: ") + String.join(" → ", rulesAsWritten)));
            return funnelId;
        });
        return new SavedFunnel(id, funnelName, rulesAsWritten);
    }

    public void delete(long id) {
        session.require(Permission.REPORTS);
        database.write(connection -> {
            String name = store.name(connection, id).orElse(null);
            store.delete(connection, id);
            if (name != null) {
                log.record(connection, OperationLog.Entry.of(Operation.RULES, null, "funnel " + name, "deleted"));
            }
            return null;
        });
    }
}
