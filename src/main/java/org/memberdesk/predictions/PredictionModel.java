package org.memberdesk.predictions;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A fitted model as stored: the BG/NBD parameters, the Gamma-Gamma ones when the spend model could be fitted
 * ({@code spend} null and {@code spendRefused} its bundle key otherwise), and the CLV horizon its scores carry.
 */
public record PredictionModel(long id, LocalDate asOf, TimeUnit unit, LocalDateTime fittedAt, long buyers,
                              long repeatBuyers, BgNbd bgnbd, double logLikelihood, int evaluations,
                              GammaGamma spend, Double spendLogLikelihood, Integer spendBuyers, String spendRefused,
                              int horizonDays, double monthlyDiscount, boolean scored) {
}
