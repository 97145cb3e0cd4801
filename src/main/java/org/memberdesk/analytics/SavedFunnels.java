package org.memberdesk.analytics;

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

    public SavedFunnels(Database database, SavedFunnelStore store, RuleService rules, Clock clock) {
        this.database = database;
        this.store = store;
        this.rules = rules;
        this.clock = clock;
    }

    public List<SavedFunnel> all() {
        return database.read(store::all);
    }

    /**
     * Saves the funnel under {@code name} (replacing the steps of a funnel of that name); the steps are
     * the rules as written, blank ones left out. Problems name the field: "name", or "step N" for a rule.
     */
    public SavedFunnel save(String name, List<String> steps) {
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
            if (funnelId < 0) {
                funnelId = store.insert(connection, funnelName, now);
            }
            store.replaceSteps(connection, funnelId, rulesAsWritten, now);
            return funnelId;
        });
        return new SavedFunnel(id, funnelName, rulesAsWritten);
    }

    public void delete(long id) {
        database.write(connection -> {
            store.delete(connection, id);
            return null;
        });
    }
}
