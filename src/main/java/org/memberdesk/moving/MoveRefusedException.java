package org.memberdesk.moving;

import java.util.List;
import org.memberdesk.common.Explained;
import org.memberdesk.common.Messages;

/**
 * A move the rules refuse before anything is changed: a target that holds data already, a source this version cannot
 * copy. The message is English (command line, log); the key and arguments let the windows say it in their language.
 */
public final class MoveRefusedException extends RuntimeException implements Explained {
    private final String key;
    private final List<Object> args;

    MoveRefusedException(String key, Object... args) {
        super(Messages.english().get(key, args));
        this.key = key;
        this.args = List.of(args);
    }

    @Override
    public String explain(Messages messages) {
        return messages.get(key, args.toArray());
    }
}
