package org.memberdesk.tags;

import java.util.List;
import org.memberdesk.common.Messages;

/**
 * A rule that cannot be understood. It names the position (1-based character, as an editor counts)
 * and what was expected; the text is a bundle key so the screen shows it in Chinese and the
 * command line in English.
 */
public final class RuleException extends RuntimeException {
    private final int position;
    private final String key;
    private final List<Object> args;

    public RuleException(int position, String key, Object... args) {
        super(Messages.english().get("rule.at", position, Messages.english().get(key, args)));
        this.position = position;
        this.key = key;
        this.args = List.of(args);
    }

    /** The 1-based character position the problem starts at. */
    public int position() {
        return position;
    }

    public String key() {
        return key;
    }

    public String describe(Messages messages) {
        return messages.get("rule.at", position, messages.get(key, args.toArray()));
    }
}
