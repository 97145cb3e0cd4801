package org.memberdesk.tags;

import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;

/** What a tag's name and a rule tag's rule must be: the same checks for a new tag, a renamed one and a new rule. */
final class TagNames {
    static final int MAX_NAME = 40;

    private TagNames() {
    }

    /** The name without surrounding spaces; refused when empty or longer than {@link #MAX_NAME}. */
    static String checkName(String name) {
        String tagName = name == null ? "" : name.strip();
        if (tagName.isEmpty()) {
            throw new ValidationException(Problem.of("name", "tag.name.missing"));
        }
        if (tagName.length() > MAX_NAME) {
            throw new ValidationException(Problem.of("name", "tag.name.tooLong", MAX_NAME));
        }
        return tagName;
    }

    /** The rule parsed; refused when it looks at the tag itself. */
    static Rule checkRule(String tagName, String ruleText) {
        Rule rule = Rule.parse(ruleText);
        if (TagDependencies.mentioned(rule.root()).contains(tagName)) {
            throw new ValidationException(Problem.of("rule", "tag.rule.self", tagName));
        }
        return rule;
    }
}
