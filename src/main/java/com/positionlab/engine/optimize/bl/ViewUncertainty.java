package com.positionlab.engine.optimize.bl;

/**
 * How uncertain the views are: the K x K covariance Omega of the views' errors, in the units of the returns
 * squared (annual variance). A view with zero uncertainty is imposed exactly on the posterior.
 */
public sealed interface ViewUncertainty {

    /** Omega for {@code views} on assets of covariance {@code cov} with scaling {@code tau}. */
    double[][] omega(Views views, double[][] cov, double tau);

    /**
     * He and Litterman's default: each view as uncertain as the prior's estimate of its portfolio,
     * {@code Omega = diag(tau P Sigma P')} (off-diagonal zero).
     */
    static ViewUncertainty proportionalToPrior() {
        return new ProportionalToPrior();
    }

    /** A given Omega: K x K, symmetric, finite, with a non-negative diagonal. */
    static ViewUncertainty given(double[][] omega) {
        return new Given(omega);
    }

    /**
     * Idzorek's confidences, one per view in [0, 1] (1 = certain), by the closed form Walters gives for
     * Idzorek's method (as PyPortfolioOpt does): {@code Omega_kk = tau ((1 - c_k) / c_k) P_k Sigma P_k'}, so that
     * the posterior return of view k's portfolio moves the fraction c_k of the way from the prior {@code P_k pi}
     * towards {@code Q_k} (exactly so for a single view; several views also pull on each other through Sigma);
     * c_k = 1 gives 0 (the view is imposed), c_k = 0 gives 1e6 (the view is all but ignored).
     */
    static ViewUncertainty idzorek(double[] confidences) {
        return new Idzorek(confidences);
    }

    /** See {@link ViewUncertainty#proportionalToPrior()}. */
    record ProportionalToPrior() implements ViewUncertainty {

        @Override
        public double[][] omega(Views views, double[][] cov, double tau) {
            double[][] p = views.picking();
            double[][] omega = new double[p.length][p.length];
            for (int k = 0; k < p.length; k++) {
                omega[k][k] = tau * quadratic(p[k], cov);
            }
            return omega;
        }
    }

    /** See {@link ViewUncertainty#given(double[][])}. */
    record Given(double[][] matrix) implements ViewUncertainty {

        public Given {
            Checks.symmetric("omega", matrix, matrix.length);
            double[][] copy = new double[matrix.length][];
            for (int k = 0; k < matrix.length; k++) {
                if (matrix[k][k] < 0) {
                    throw new IllegalArgumentException("omega's diagonal must not be negative, got " + matrix[k][k]
                            + " at view " + k);
                }
                copy[k] = matrix[k].clone();
            }
            matrix = copy;
        }

        @Override
        public double[][] omega(Views views, double[][] cov, double tau) {
            if (matrix.length != views.count()) {
                throw new IllegalArgumentException("omega is " + matrix.length + " x " + matrix.length + " for "
                        + views.count() + " views");
            }
            return matrix();
        }

        @Override
        public double[][] matrix() {
            double[][] copy = new double[matrix.length][];
            for (int k = 0; k < matrix.length; k++) {
                copy[k] = matrix[k].clone();
            }
            return copy;
        }
    }

    /** See {@link ViewUncertainty#idzorek(double[])}. */
    record Idzorek(double[] confidences) implements ViewUncertainty {

        /** Omega_kk of a view held with zero confidence, as upstream: large enough to leave the prior as is. */
        public static final double NO_CONFIDENCE_OMEGA = 1e6;

        public Idzorek {
            for (int k = 0; k < confidences.length; k++) {
                if (!(confidences[k] >= 0 && confidences[k] <= 1)) {
                    throw new IllegalArgumentException("the confidence in view " + k + " must be in [0, 1], got "
                            + confidences[k]);
                }
            }
            confidences = confidences.clone();
        }

        @Override
        public double[][] omega(Views views, double[][] cov, double tau) {
            if (confidences.length != views.count()) {
                throw new IllegalArgumentException(confidences.length + " confidences for " + views.count()
                        + " views");
            }
            double[][] p = views.picking();
            double[][] omega = new double[p.length][p.length];
            for (int k = 0; k < p.length; k++) {
                double c = confidences[k];
                omega[k][k] = c == 0 ? NO_CONFIDENCE_OMEGA : tau * ((1 - c) / c) * quadratic(p[k], cov);
            }
            return omega;
        }

        @Override
        public double[] confidences() {
            return confidences.clone();
        }
    }

    private static double quadratic(double[] x, double[][] m) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0) {
                continue;
            }
            for (int j = 0; j < x.length; j++) {
                s += x[i] * m[i][j] * x[j];
            }
        }
        return s;
    }
}
