package com.consumer360.analytics.clv;

import java.util.Arrays;

/** The few dense vector and matrix operations BFGS needs, for dimensions of three or four. */
final class Vectors {

    private Vectors() {
    }

    static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    static void multiply(double[][] m, double[] v, double[] out) {
        for (int i = 0; i < v.length; i++) {
            out[i] = dot(m[i], v);
        }
    }

    static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    static double maxAbsDifference(double[] u, double[] v) {
        double max = 0;
        for (int i = 0; i < u.length; i++) {
            max = Math.max(max, Math.abs(u[i] - v[i]));
        }
        return max;
    }

    static double maxAbs(double[] v) {
        return Arrays.stream(v).map(Math::abs).max().orElse(0);
    }
}
