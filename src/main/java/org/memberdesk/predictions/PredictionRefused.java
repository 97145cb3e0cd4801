package org.memberdesk.predictions;

import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;

/**
 * A model that is not fitted or not used: too few repeat buyers to trust, or a fit that did not converge. The
 * bundle key says which, in the shop's words; nothing is stored.
 */
public final class PredictionRefused extends ValidationException {
    public PredictionRefused(String key, Object... args) {
        super(Problem.of("model", key, args));
    }
}
