package org.memberdesk.db;

import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;

/**
 * A file MemberDesk was asked to write and did not, because writing it would destroy something the
 * shop needs (its database, a backup, the file being read). Nothing was touched when this is thrown.
 * The key says what the file is; the windows show it in the person's language, the command line in English.
 */
public final class OutputRefusedException extends ValidationException {
    public OutputRefusedException(String key, Object... args) {
        super(Problem.of("file", key, args));
    }

    public String key() {
        return problems().get(0).key();
    }
}
