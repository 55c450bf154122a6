package com.consumer360.analytics.clv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hipparchus.special.Gamma;

/**
 * BG/NBD log-likelihood (Fader, Hardie and Lee 2005; docs/analytics-methods.md) of θ = (ln r, ln α, ln a, ln b).
 *
 * <p>Customers with the same (x, t_x, T) contribute identically, so they are grouped and weighted;
 * the gamma-function terms depend on x alone and are computed once per distinct x. Working on
 * log-parameters keeps the optimiser inside the positive orthant without constraints.
 */
final class BgNbdLikelihood implements LogLikelihood {

    private record Key(int x, double tx, double t) {
    }

    private final int[] groupX;
    private final int[] groupXIndex;
    private final int[] groupTxIndex;
    private final int[] groupTIndex;
    private final double[] groupWeight;
    /** Distinct t_x and T values: dates are whole days, so there are few and their logarithms are shared. */
    private final double[] distinctTx;
    private final double[] distinctT;
    private final int[] distinctX;
    private final double[] distinctXWeight;

    BgNbdLikelihood(List<CustomerSummary> customers) {
        Map<Key, Integer> counts = new HashMap<>();
        TreeMap<Integer, Integer> xCounts = new TreeMap<>();
        for (CustomerSummary c : customers) {
            // Without repeat purchases t_x is irrelevant; normalising it merges those groups.
            double tx = c.frequency() == 0 ? 0 : c.recency();
            counts.merge(new Key(c.frequency(), tx, c.T()), 1, Integer::sum);
            xCounts.merge(c.frequency(), 1, Integer::sum);
        }
        distinctX = xCounts.keySet().stream().mapToInt(Integer::intValue).toArray();
        distinctXWeight = xCounts.values().stream().mapToDouble(Integer::doubleValue).toArray();
        Map<Integer, Integer> xIndex = new HashMap<>();
        for (int i = 0; i < distinctX.length; i++) {
            xIndex.put(distinctX[i], i);
        }
        Map<Double, Integer> txIndex = indexOfDistinct(counts.keySet().stream().map(Key::tx).toList());
        Map<Double, Integer> tIndex = indexOfDistinct(counts.keySet().stream().map(Key::t).toList());
        distinctTx = txIndex.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        distinctT = tIndex.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        int n = counts.size();
        groupX = new int[n];
        groupXIndex = new int[n];
        groupTxIndex = new int[n];
        groupTIndex = new int[n];
        groupWeight = new double[n];
        int i = 0;
        for (Map.Entry<Key, Integer> e : counts.entrySet()) {
            groupX[i] = e.getKey().x();
            groupXIndex[i] = xIndex.get(groupX[i]);
            groupTxIndex[i] = txIndex.get(e.getKey().tx());
            groupTIndex[i] = tIndex.get(e.getKey().t());
            groupWeight[i] = e.getValue();
            i++;
        }
    }

    /** Sorted distinct values, each mapped to its position. */
    private static Map<Double, Integer> indexOfDistinct(List<Double> values) {
        TreeMap<Double, Integer> index = new TreeMap<>();
        values.forEach(v -> index.put(v, 0));
        int k = 0;
        for (Map.Entry<Double, Integer> e : index.entrySet()) {
            e.setValue(k++);
        }
        return index;
    }

    /** ln(α + t) and 1/(α + t) for each value t. */
    private static void logsAndInverses(double alpha, double[] values, double[] logs, double[] inverses) {
        for (int k = 0; k < values.length; k++) {
            logs[k] = Math.log(alpha + values[k]);
            inverses[k] = 1 / (alpha + values[k]);
        }
    }

    @Override
    public int dimension() {
        return 4;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        double r = Math.exp(theta[0]);
        double alpha = Math.exp(theta[1]);
        double a = Math.exp(theta[2]);
        double b = Math.exp(theta[3]);
        double logAlpha = theta[1];
        double logA = theta[2];
        double dr = 0;
        double dAlpha = 0;
        double da = 0;
        double db = 0;

        // Terms of x alone: ln Γ(r+x)/Γ(r) + r ln α + ln B(a, b+x)/B(a, b), the A1 A2 factors.
        double lgR = Gamma.logGamma(r);
        double lgB = Gamma.logGamma(b);
        double lgAb = Gamma.logGamma(a + b);
        double psiR = Gamma.digamma(r);
        double psiB = Gamma.digamma(b);
        double psiAb = Gamma.digamma(a + b);
        double ll = 0;
        double[] logBPlusXMinus1 = new double[distinctX.length];
        for (int k = 0; k < distinctX.length; k++) {
            int x = distinctX[k];
            double w = distinctXWeight[k];
            double psiAbx = Gamma.digamma(a + b + x);
            ll += w * (Gamma.logGamma(r + x) - lgR + r * logAlpha
                    + lgAb + Gamma.logGamma(b + x) - lgB - Gamma.logGamma(a + b + x));
            dr += w * (Gamma.digamma(r + x) - psiR + logAlpha);
            dAlpha += w * r / alpha;
            da += w * (psiAb - psiAbx);
            db += w * (psiAb + Gamma.digamma(b + x) - psiB - psiAbx);
            logBPlusXMinus1[k] = x > 0 ? Math.log(b + x - 1) : 0;
        }

        // ln[(α+T)^-(r+x) + δ(x>0) a/(b+x-1) (α+t_x)^-(r+x)], written as -(r+x) ln(α+T) + softplus(D).
        double[] logT = new double[distinctT.length];
        double[] invT = new double[distinctT.length];
        double[] logTx = new double[distinctTx.length];
        double[] invTx = new double[distinctTx.length];
        logsAndInverses(alpha, distinctT, logT, invT);
        logsAndInverses(alpha, distinctTx, logTx, invTx);
        for (int g = 0; g < groupX.length; g++) {
            int x = groupX[g];
            double w = groupWeight[g];
            double u = logT[groupTIndex[g]];
            double invAlphaT = invT[groupTIndex[g]];
            if (x == 0) {
                ll -= w * r * u;
                dr -= w * u;
                dAlpha -= w * r * invAlphaT;
                continue;
            }
            double v = logTx[groupTxIndex[g]];
            double d = logA - logBPlusXMinus1[groupXIndex[g]] + (r + x) * (u - v);
            // softplus(D) = ln(1 + e^D) and its derivative s = e^D / (1 + e^D), from one exponential. With
            // e in (0, 1], ln(1 + e) is off by at most one unit in the last place of a term of order 1: the
            // sum's precision; log1p would be exact but is not a JIT intrinsic and was a third of the fit.
            double e = Math.exp(-Math.abs(d));
            double softplus = Math.max(d, 0) + Math.log(1 + e);
            double s = d > 0 ? 1 / (1 + e) : e / (1 + e);
            ll += w * (-(r + x) * u + softplus);
            dr += w * (-(1 - s) * u - s * v);
            dAlpha -= w * (r + x) * ((1 - s) * invAlphaT + s * invTx[groupTxIndex[g]]);
            da += w * s / a;
            db -= w * s / (b + x - 1);
        }
        // Chain rule to log-parameters: d/d(ln p) = p d/dp.
        gradient[0] = dr * r;
        gradient[1] = dAlpha * alpha;
        gradient[2] = da * a;
        gradient[3] = db * b;
        return ll;
    }
}
