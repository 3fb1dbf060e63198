package dev.custograph.analytics;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood fitting of a model with positive parameters, with Hipparchus's Nelder-Mead simplex over the
 * logs of the parameters (so every step stays positive). The search is restarted from its own result until the
 * likelihood stops improving, the usual remedy for a simplex that collapsed early. A fit that runs out of
 * evaluations, ends on a non-finite likelihood or on parameters at the edge of what doubles hold is reported as not
 * converged with the reason, never returned as if it were an answer.
 */
public final class MaximumLikelihood {

    /** The outcome of a fit: the model (null if none), its log-likelihood, and whether it converged. */
    public record Fit<M>(M model, double logLikelihood, int evaluations, boolean converged, String problem) {
    }

    private static final int MAX_EVALUATIONS = 20_000;
    private static final int MAX_RESTARTS = 5;

    private MaximumLikelihood() {
    }

    /**
     * Maximises {@code logLikelihood(model(parameters))} from {@code start}; {@code model} maps positive parameters
     * to the model, {@code logLikelihood} returns the total over all customers.
     */
    static <M> Fit<M> fit(double[] start, Function<double[], M> model, ToDoubleFunction<M> logLikelihood) {
        double[] logStart = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            logStart[i] = Math.log(start[i]);
        }
        ObjectiveFunction negative = new ObjectiveFunction(logs -> {
            double value = logLikelihood.applyAsDouble(model.apply(exp(logs)));
            return Double.isFinite(value) ? -value : Double.MAX_VALUE;
        });
        SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-12, 1e-12));
        int evaluations = 0;
        double[] point = logStart;
        double best = Double.MAX_VALUE;
        try {
            for (int restart = 0; restart < MAX_RESTARTS; restart++) {
                PointValuePair optimum = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), negative,
                        GoalType.MINIMIZE, new InitialGuess(point), new NelderMeadSimplex(point.length, 0.5));
                evaluations += optimizer.getEvaluations();
                point = optimum.getPoint();
                boolean improved = best - optimum.getValue() > 1e-9 * Math.max(1, Math.abs(best));
                best = optimum.getValue();
                if (!improved) {
                    break;
                }
            }
        } catch (MathIllegalStateException e) {
            return new Fit<>(null, Double.NaN, evaluations + MAX_EVALUATIONS, false,
                    "the optimiser did not converge within " + MAX_EVALUATIONS + " evaluations");
        }
        double[] parameters = exp(point);
        for (double parameter : parameters) {
            if (!Double.isFinite(parameter) || parameter < 1e-8 || parameter > 1e8) {
                return new Fit<>(null, -best, evaluations, false, "the likelihood has no maximum inside the "
                        + "parameter space (a parameter ran to " + parameter + "): the data cannot identify the model");
            }
        }
        if (best == Double.MAX_VALUE) {
            return new Fit<>(null, Double.NaN, evaluations, false, "the likelihood is not finite anywhere searched");
        }
        return new Fit<>(model.apply(parameters), -best, evaluations, true, null);
    }

    private static double[] exp(double[] logs) {
        double[] values = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            values[i] = Math.exp(logs[i]);
        }
        return values;
    }
}
