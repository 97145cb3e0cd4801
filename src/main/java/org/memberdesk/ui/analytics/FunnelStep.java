package org.memberdesk.ui.analytics;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.tags.RuleException;
import org.memberdesk.tags.RuleService;
import org.memberdesk.common.Messages;

/**
 * One step of a custom funnel being edited: its rule as typed, and what the rule engine's parser says
 * about it (empty when it is a rule), checked at every keystroke.
 */
public final class FunnelStep {
    private final StringProperty rule = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    FunnelStep(String text, RuleService rules, Messages messages) {
        rule.addListener((obs, old, now) -> error.set(check(now, rules, messages)));
        rule.set(text);
        error.set(check(text, rules, messages));
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

    public StringProperty ruleProperty() {
        return rule;
    }

    /** The parser's message in the person's language, or empty for a valid rule. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean valid() {
        return error.get().isEmpty();
    }
}
