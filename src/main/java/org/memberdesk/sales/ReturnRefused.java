package org.memberdesk.sales;

import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;

/**
 * The counter cannot take this back: a line the purchase does not have, more than was bought, or
 * already returned. The problem's bundle key says which; nothing is computed, so nothing is stored.
 */
public final class ReturnRefused extends ValidationException {
    public ReturnRefused(String key, Object... args) {
        super(Problem.of("line", key, args));
    }

    public Problem problem() {
        return problems().get(0);
    }
}
