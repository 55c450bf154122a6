package com.consumer360.analytics.clv;

import java.util.List;
import java.util.TreeMap;

import org.hipparchus.special.Gamma;

/**
 * Gamma-Gamma log-likelihood (Fader, Hardie and Lee 2005, "The Gamma-Gamma model of monetary value",
 * as implemented by lifetimes) of θ = (ln p, ln q, ln v), for repeat buyers' mean spend.
 *
 * <p>The spends are divided by {@code scale} (the caller passes their median): the model is scale
 * equivariant (v scales with the amounts, p and q do not), and unit-free data keep the optimiser's
 * starting points and step sizes meaningful whether amounts are in cents or in millions.
 */
final class GammaGammaLikelihood implements LogLikelihood {

    private final int[] x;
    private final double[] m;
    private final int[] distinctX;
    private final double[] countOfX;
    private final double[] sumLogMOfX;

    GammaGammaLikelihood(List<CustomerSummary> repeatBuyers, double scale) {
        int n = repeatBuyers.size();
        x = new int[n];
        m = new double[n];
        TreeMap<Integer, double[]> byX = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            x[i] = repeatBuyers.get(i).frequency();
            m[i] = repeatBuyers.get(i).monetaryValue() / scale;
            double[] acc = byX.computeIfAbsent(x[i], k -> new double[2]);
            acc[0]++;
            acc[1] += Math.log(m[i]);
        }
        distinctX = byX.keySet().stream().mapToInt(Integer::intValue).toArray();
        countOfX = byX.values().stream().mapToDouble(acc -> acc[0]).toArray();
        sumLogMOfX = byX.values().stream().mapToDouble(acc -> acc[1]).toArray();
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        double p = Math.exp(theta[0]);
        double q = Math.exp(theta[1]);
        double v = Math.exp(theta[2]);
        double logV = theta[2];
        double lgQ = Gamma.logGamma(q);
        double psiQ = Gamma.digamma(q);
        double ll = 0;
        double dp = 0;
        double dq = 0;
        double dv = 0;
        // ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln v + (px-1) ln m + px ln x: per distinct x.
        for (int k = 0; k < distinctX.length; k++) {
            int xk = distinctX[k];
            double n = countOfX[k];
            double px = p * xk;
            double psiPxq = Gamma.digamma(px + q);
            double logX = Math.log(xk);
            ll += n * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - lgQ + q * logV + px * logX)
                    + (px - 1) * sumLogMOfX[k];
            dp += n * xk * (psiPxq - Gamma.digamma(px) + logX) + xk * sumLogMOfX[k];
            dq += n * (psiPxq - psiQ + logV);
            dv += n * q / v;
        }
        // -(px+q) ln(x m + v): per customer.
        for (int i = 0; i < x.length; i++) {
            double xmv = x[i] * m[i] + v;
            double logXmv = Math.log(xmv);
            ll -= (p * x[i] + q) * logXmv;
            dp -= x[i] * logXmv;
            dq -= logXmv;
            dv -= (p * x[i] + q) / xmv;
        }
        gradient[0] = dp * p;
        gradient[1] = dq * q;
        gradient[2] = dv * v;
        return ll;
    }
}
