package org.memberdesk.db;

import java.util.List;
import org.memberdesk.common.Messages;

/**
 * A file that cannot be restored (damaged, not a MemberDesk database, made by a newer version).
 * Nothing was changed when this is thrown. The message is English (command line, log); the key and
 * arguments let the windows show it in the user's language.
 */
public class RestoreRefusedException extends DataException {
    private final String key;
    private final List<Object> args;

    public RestoreRefusedException(String key, Object... args) {
        super(Messages.english().get(key, args));
        this.key = key;
        this.args = List.of(args);
    }

    /** The same sentence in the windows' language. */
    @Override
    public String explain(Messages messages) {
        return messages.get(key, args.toArray());
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
