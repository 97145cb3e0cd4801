package org.memberdesk.ui.analytics;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.common.Messages;
import org.memberdesk.tags.RuleException;
import org.memberdesk.tags.RuleService;

/**
 * One step of a custom funnel being edited: its rule as typed, and what the rule engine's parser says
 * about it (empty when it is a rule), checked at every keystroke. A step nobody has typed in yet shows no
 * message (a new, empty step is not a mistake): its message shows once the person types or asks to compute
 * or save ({@link #reveal()}).
 */
public final class FunnelStep {
    /** input */
    private final StringProperty rule = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean revealed;

    FunnelStep(String text, RuleService rules, Messages messages) {
        rule.set(text);
        problem.set(check(text, rules, messages));
        // a step that comes with a rule (the first step, a saved funnel) says at once what is wrong with it
        revealed = text != null && !text.isBlank();
        rule.addListener((obs, old, now) -> {
            problem.set(check(now, rules, messages));
            revealed = true;
            show();
        });
        show();
    }

    private static String check(String text, RuleService rules, Messages messages) {
        if (text == null || text.isBlank()) {
            return messages.get("analytics.funnels.stepEmpty");
        }
        try {
            rules.parse(text.strip());
            return "";
        } catch (RuleException e) {
            return e.describe(messages);
        }
    }

    private void show() {
        error.set(revealed ? problem.get() : "");
    }

    /** The step's message shows from now on (the person asked to compute or save the funnel). */
    void reveal() {
        revealed = true;
        show();
    }

    /** input: the rule as typed. */
    public StringProperty ruleProperty() {
        return rule;
    }

    /** The parser's message in the person's language, or empty for a valid rule (or one not typed in yet). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True when the step is a rule (whether or not its message shows yet). */
    public boolean valid() {
        return problem.get().isEmpty();
    }
}
