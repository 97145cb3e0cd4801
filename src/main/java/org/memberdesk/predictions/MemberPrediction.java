package org.memberdesk.predictions;

/**
 * One buyer under a model: their summary (x, t_x and T in days) and what the model expects of them over a
 * horizon. {@code expectedSpendCents} and {@code clvCents} are null without a spend model.
 */
public record MemberPrediction(long memberId, int frequency, int recencyDays, int ageDays, double pAlive,
                               double expectedPurchases, Long expectedSpendCents, Long clvCents) {
}
