package dev.custograph.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When the probabilistic value models cannot be trusted, said in words a user can act on. A maximum-likelihood fit
 * always returns numbers; on some data they describe nothing real:
 * <ul>
 *   <li><b>Drop-out of about zero.</b> BG/NBD's chance that a customer leaves after a purchase is Beta(a, b), of mean
 *       a / (a + b). When the history shows too few customers lapsing (few customers, or a short history), the fit
 *       drives a towards 0: nobody ever leaves, and P(alive) is about 1 for everyone, however long ago they bought
 *       (Northwind: a of about 1.8e-6, P(alive) about 1 for all 89 customers).</li>
 *   <li><b>A parameter at the edge</b> of what the optimiser tries (below 1e-4 or above 1e4): the likelihood went on
 *       improving towards a limit, so the value stands for "as far as it would go", not an estimate.</li>
 *   <li><b>Lapsed customers held alive.</b> Most repeat customers whose last purchase is more than a year old still
 *       have P(alive) above 0.95.</li>
 *   <li><b>Gamma-Gamma's q of 1 or less</b>: the mean spend it implies, p v / (q - 1), does not exist.</li>
 * </ul>
 * A model that did not converge is reported too. The run still writes its values: the warnings go with it (the CLI's
 * report, {@code AnalyticsRun.warnings} in GraphQL, the dashboard), so nobody reads a P(alive) of 1.0 as good news.
 */
public final class FitWarnings {

    /** A mean drop-out chance a / (a + b) below this is "nobody ever leaves". */
    static final double NEGLIGIBLE_DROP_OUT = 1e-3;
    static final double EDGE_LOW = 1e-4;
    static final double EDGE_HIGH = 1e4;
    /** Repeat customers this many days past their last purchase count as lapsed for the P(alive) check. */
    static final int LAPSED_DAYS = 365;

    private FitWarnings() {
    }

    /**
     * The warnings for one run: its fits, and each customer's orders, days since the last order and P(alive) (same
     * order, NaN where not computed).
     */
    static List<String> of(AnalyticsReport.BgNbdReport bgnbd, AnalyticsReport.GammaGammaReport gammaGamma,
                           int[] orders, int[] recencyDays, double[] probabilityAlive) {
        List<String> warnings = new ArrayList<>();
        if (!bgnbd.converged()) {
            warnings.add("BG/NBD did not fit (" + bgnbd.problem() + "): P(alive), expected purchases and BG/NBD CLV"
                    + " are not computed; RFM, the simple and retention CLVs and churn risk (custograph churn) are.");
        } else {
            double dropOut = bgnbd.a() / (bgnbd.a() + bgnbd.b());
            boolean degenerate = dropOut < NEGLIGIBLE_DROP_OUT;
            if (degenerate) {
                warnings.add(String.format(Locale.ROOT, "BG/NBD's fit is degenerate: a = %.2g and b = %.3g put the"
                        + " chance of leaving after a purchase at %.2g, so P(alive) is about 1 for every customer,"
                        + " however long ago they bought. The history shows too few customers lapsing for the model"
                        + " to see drop-out. Do not act on P(alive) or BG/NBD CLV here: use RFM recency, churn risk"
                        + " (custograph churn) or the simple and retention CLVs, or fit on a longer history.",
                        bgnbd.a(), bgnbd.b(), dropOut));
            }
            String edge = edges(new String[] {"r", "alpha", "a", "b"},
                    new double[] {bgnbd.r(), bgnbd.alpha(), bgnbd.a(), bgnbd.b()}, degenerate ? "a" : null);
            if (edge != null) {
                warnings.add("BG/NBD's " + edge + " at the edge of what the optimiser tries: the likelihood kept"
                        + " improving towards a limit, so the value is not an estimate; treat P(alive), expected"
                        + " purchases and BG/NBD CLV with care.");
            }
            String lapsed = lapsedButAlive(orders, recencyDays, probabilityAlive);
            if (lapsed != null && !degenerate) {
                warnings.add(lapsed);
            }
        }
        if (!gammaGamma.converged()) {
            warnings.add("Gamma-Gamma did not fit (" + gammaGamma.problem() + "): expected spend and BG/NBD CLV are"
                    + " not computed.");
        } else {
            if (gammaGamma.q() <= 1) {
                warnings.add(String.format(Locale.ROOT, "Gamma-Gamma's q = %.3g is 1 or less: the mean spend it"
                        + " implies does not exist, and expected spends and CLVs are unreliable. A few very large"
                        + " average orders usually cause it; look at them before trusting CLV.", gammaGamma.q()));
            }
            String edge = edges(new String[] {"p", "q", "gamma"},
                    new double[] {gammaGamma.p(), gammaGamma.q(), gammaGamma.v()}, null);
            if (edge != null) {
                warnings.add("Gamma-Gamma's " + edge + " at the edge of what the optimiser tries: expected spends"
                        + " and CLVs rest on a value that is not an estimate.");
            }
        }
        return List.copyOf(warnings);
    }

    /** "a = 1.8e-06 is", "r = 2.1e+04 and b = 3.0e-05 are", or null; {@code skip} is already reported. */
    private static String edges(String[] names, double[] values, String skip) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(skip) && (values[i] < EDGE_LOW || values[i] > EDGE_HIGH)) {
                found.add(String.format(Locale.ROOT, "%s = %.2g", names[i], values[i]));
            }
        }
        return found.isEmpty() ? null : String.join(" and ", found) + (found.size() == 1 ? " is" : " are");
    }

    private static String lapsedButAlive(int[] orders, int[] recencyDays, double[] probabilityAlive) {
        int lapsed = 0;
        int heldAlive = 0;
        for (int i = 0; i < orders.length; i++) {
            if (orders[i] >= 2 && recencyDays[i] > LAPSED_DAYS && !Double.isNaN(probabilityAlive[i])) {
                lapsed++;
                heldAlive += probabilityAlive[i] > 0.95 ? 1 : 0;
            }
        }
        if (lapsed < 5 || heldAlive * 2 < lapsed) {
            return null;
        }
        return String.format(Locale.ROOT, "P(alive) is above 0.95 for %d of the %d repeat customers whose last"
                + " purchase is more than %d days old: the model sees little drop-out in this history. Check"
                + " P(alive) against recency before acting on it.", heldAlive, lapsed, LAPSED_DAYS);
    }
}
