package org.memberdesk.predictions;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * The one way every model here is fitted: the log-likelihood maximised over the logarithms of its positive
 * parameters by Commons Math's BOBYQA. BOBYQA models the surface quadratically, so a four-parameter fit takes a
 * few hundred evaluations where Nelder-Mead takes thousands; each evaluation passes over every buyer. A fit that
 * runs out of evaluations, ends on the search box's edge or has no finite likelihood has not converged, and is
 * refused rather than used.
 */
final class MaximumLikelihood {
    /** ln of a parameter stays within ±LOG_BOUND: 1e-9 … 1e9, far beyond any real shop's parameters. */
    private static final double LOG_BOUND = 20.7;
    private static final int MOST_EVALUATIONS = 5_000;
    /** BOBYQA's first steps, in the parameters' logarithms, from a cold start. */
    private static final double FIRST_STEP = 0.5;
    /** It stops when its steps are this small: the parameters are then known to far more digits than anyone reads. */
    private static final double STOP_STEP = 1e-10;
    /**
     * Polishing on every buyer from a fit on a sample stops at steps this small: the parameters then agree with a
     * full-precision fit to six or seven digits, in a third fewer passes over a million buyers. The sample's own fit
     * ran to {@link #STOP_STEP}, so a likelihood without a maximum (running off to the box's edge) was refused there.
     */
    private static final double POLISH_STOP_STEP = 1e-6;

    private MaximumLikelihood() {
    }

    /** The fitted parameters, the log-likelihood there and how many evaluations it took. */
    record Result(double[] parameters, double logLikelihood, int evaluations) {
    }

    /**
     * Maximises {@code logLikelihood} (of the parameters themselves, all positive) from {@code start}.
     * @throws PredictionRefused when it does not converge
     */
    static Result fit(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        return fit(logLikelihood, start, FIRST_STEP, STOP_STEP);
    }

    /**
     * The same from a start already near the maximum (a fit on a sample of the buyers): BOBYQA's first steps are
     * {@code firstStep} wide in the logarithms instead of {@link #FIRST_STEP}, so it does not wander off first.
     */
    static Result polish(ToDoubleFunction<double[]> logLikelihood, double[] start, double firstStep) {
        return fit(logLikelihood, start, firstStep, POLISH_STOP_STEP);
    }

    private static Result fit(ToDoubleFunction<double[]> logLikelihood, double[] start, double firstStep,
                              double stopStep) {
        int n = start.length;
        double[] logStart = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            logStart[i] = Math.log(start[i]);
            lower[i] = -LOG_BOUND;
            upper[i] = LOG_BOUND;
        }
        ObjectiveFunction negative = new ObjectiveFunction(logs -> {
            double value = logLikelihood.applyAsDouble(exp(logs));
            // a parameter set where the likelihood is not defined is as bad as can be, not an error
            return Double.isFinite(value) ? -value : Double.MAX_VALUE;
        });
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, firstStep, stopStep);
        PointValuePair best;
        try {
            best = optimizer.optimize(new MaxEval(MOST_EVALUATIONS), negative, GoalType.MINIMIZE,
                    new InitialGuess(logStart), new SimpleBounds(lower, upper));
        } catch (TooManyEvaluationsException e) {
            throw new PredictionRefused("predict.notConverged", MOST_EVALUATIONS);
        }
        double[] logs = best.getPoint();
        for (double value : logs) {
            if (Math.abs(value) > LOG_BOUND - 1e-3) {
                throw new PredictionRefused("predict.notConverged", optimizer.getEvaluations());
            }
        }
        if (!(best.getValue() < Double.MAX_VALUE)) {
            throw new PredictionRefused("predict.notConverged", optimizer.getEvaluations());
        }
        return new Result(exp(logs), -best.getValue(), optimizer.getEvaluations());
    }

    private static double[] exp(double[] logs) {
        double[] values = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            values[i] = Math.exp(logs[i]);
        }
        return values;
    }
}
