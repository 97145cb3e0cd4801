package org.memberdesk.predictions;

import java.util.List;

/**
 * The renewal forecast of a period pass (sBG): the cohorts it was fitted on, the fitted model and its
 * log-likelihood, and on the scale of {@code survivors}: {@code survival} = S(0 … n + 5) of the model and
 * {@code projected} = the expected holders of the next {@value #PERIODS_AHEAD} periods, survivors[0] · S(n + 1 …
 * n + 5), n = survivors.length − 1. For a product {@code survivors} is the cohort observed for the most periods
 * (the larger, then the earlier, of equally long ones): a real group of members, so the projection continues its
 * own curve; for a series given by hand it is that series, and {@code productId} and {@code product} are null.
 */
public record RenewalForecast(Long productId, String product, List<long[]> cohorts, long[] survivors,
                              ShiftedBetaGeometric model, double logLikelihood, double[] survival,
                              double[] projected) {
    /** How many periods after the observed ones are projected. */
    public static final int PERIODS_AHEAD = 5;

    /** The number of whole periods observed in {@code survivors}. */
    public int periods() {
        return survivors.length - 1;
    }
}
