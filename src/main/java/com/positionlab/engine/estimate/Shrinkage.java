package com.positionlab.engine.estimate;

/**
 * Shrinkage estimators of the covariance, PyPortfolioOpt's definitions: Ledoit-Wolf towards a constant
 * variance (scikit-learn's), towards a single-index (market) model (Ledoit and Wolf 2003), towards a constant
 * correlation (Ledoit and Wolf 2004), and the Oracle Approximating Shrinkage (Chen et al. 2010, as
 * scikit-learn computes it). Missing returns count as zero (as upstream does), so late-listed assets get lower
 * variances than in the sample covariance. Results are annualised by {@code frequency} and repaired when not
 * positive semi-definite.
 */
public final class Shrinkage {

    /** A shrunk covariance and how far it was shrunk towards its target, in [0, 1]. */
    public record Shrunk(double[][] covariance, double shrinkage) {
    }

    private Shrinkage() {
    }

    /** Towards {@code mu I}, {@code mu} the average variance: scikit-learn's {@code ledoit_wolf}. */
    public static Shrunk constantVariance(ReturnTable r, int frequency) {
        double[][] xc = centred(zeroFilled(r));
        int n = xc.length;
        int p = r.assets();
        double[][] s = gram(xc, n);
        double mu = trace(s) / p;
        double sumSq = 0;
        for (double[] row : s) {
            for (double v : row) {
                sumSq += v * v;
            }
        }
        double delta = (sumSq - 2 * mu * trace(s) + p * mu * mu) / p;
        // beta = (1 / (p n)) (sum((X2^T X2)) / n - sum((Xc^T Xc)^2) / n^2), X2 = Xc squared elementwise.
        double x2 = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double dot = 0;
                for (double[] row : xc) {
                    dot += row[i] * row[i] * row[j] * row[j];
                }
                x2 += dot;
            }
        }
        double beta = (x2 / n - sumSq) / (p * (double) n);
        beta = Math.min(beta, delta);
        double shrink = beta == 0 ? 0 : beta / delta;
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                out[i][j] = ((1 - shrink) * s[i][j] + (i == j ? shrink * mu : 0)) * frequency;
            }
        }
        return new Shrunk(PsdRepair.repair(out, PsdRepair.Method.SPECTRAL), shrink);
    }

    /** Oracle Approximating Shrinkage towards {@code mu I}, scikit-learn's {@code oas} (1.2 and later). */
    public static Shrunk oracleApproximating(ReturnTable r, int frequency) {
        double[][] xc = centred(zeroFilled(r));
        int n = xc.length;
        int p = r.assets();
        double[][] s = gram(xc, n);
        double mu = trace(s) / p;
        double alpha = 0;
        for (double[] row : s) {
            for (double v : row) {
                alpha += v * v;
            }
        }
        alpha /= (double) p * p;
        double num = alpha + mu * mu;
        double den = (n + 1) * (alpha - mu * mu / p);
        double shrink = den == 0 ? 1 : Math.min(num / den, 1);
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                out[i][j] = ((1 - shrink) * s[i][j] + (i == j ? shrink * mu : 0)) * frequency;
            }
        }
        return new Shrunk(PsdRepair.repair(out, PsdRepair.Method.SPECTRAL), shrink);
    }

    /** Towards the single-index model whose index is the equal-weighted mean of the (centred) returns. */
    public static Shrunk singleFactor(ReturnTable r, int frequency) {
        double[][] xm = centred(zeroFilled(r));
        int t = xm.length;
        int n = r.assets();
        double[] mkt = new double[t];
        for (int k = 0; k < t; k++) {
            double sum = 0;
            for (double v : xm[k]) {
                sum += v;
            }
            mkt[k] = sum / n;
        }
        // The covariance of [Xm, mkt] with 1/t; mkt has mean zero as every column of Xm does.
        double[][] sample = gram(xm, t);
        double[] betas = new double[n];
        double varMkt = 0;
        for (int k = 0; k < t; k++) {
            varMkt += mkt[k] * mkt[k];
            for (int i = 0; i < n; i++) {
                betas[i] += xm[k][i] * mkt[k];
            }
        }
        varMkt /= t;
        for (int i = 0; i < n; i++) {
            betas[i] /= t;
        }
        double[][] f = new double[n][n];
        double c = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i][j] = i == j ? sample[i][i] : betas[i] * betas[j] / varMkt;
                c += (sample[i][j] - f[i][j]) * (sample[i][j] - f[i][j]);
            }
        }
        double[] pr = piAndRho(xm, mkt, sample, betas, varMkt);
        double pHat = pr[0];
        double rHat = pr[1];
        double kappa = (pHat - rHat) / c;
        double shrink = Math.max(0, Math.min(1, kappa / t));
        return new Shrunk(blend(f, sample, shrink, frequency), shrink);
    }

    /**
     * The single-index target's {@code p_hat} (the sum of the sample entries' asymptotic variances) and
     * {@code r_hat} (their asymptotic covariances with the target's entries).
     */
    private static double[] piAndRho(double[][] xm, double[] mkt, double[][] sample, double[] betas, double varMkt) {
        int t = xm.length;
        int n = sample.length;
        double pHat = 0;
        double rDiag = 0;
        double[][] v1 = new double[n][n];
        double[][] v3 = new double[n][n];
        for (int k = 0; k < t; k++) {
            double[] x = xm[k];
            double m = mkt[k];
            for (int i = 0; i < n; i++) {
                double yi = x[i] * x[i];
                rDiag += yi * yi;
                for (int j = 0; j < n; j++) {
                    double zj = x[j] * m;
                    pHat += yi * x[j] * x[j];
                    v1[i][j] += yi * zj;
                    v3[i][j] += x[i] * m * zj;
                }
            }
        }
        double sumSampleSq = 0;
        double sumDiagSq = 0;
        for (int i = 0; i < n; i++) {
            sumDiagSq += sample[i][i] * sample[i][i];
            for (int j = 0; j < n; j++) {
                sumSampleSq += sample[i][j] * sample[i][j];
            }
        }
        pHat = pHat / t - sumSampleSq;
        rDiag = rDiag / t - sumDiagSq;
        double roff1 = 0;
        double roff3 = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v1[i][j] = v1[i][j] / t - betas[i] * sample[i][j];
                v3[i][j] = v3[i][j] / t - varMkt * sample[i][j];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                roff1 += v1[i][j] * betas[j] / varMkt;
                roff3 += v3[i][j] * betas[i] * betas[j] / (varMkt * varMkt);
            }
            roff1 -= v1[i][i] * betas[i] / varMkt;
            roff3 -= v3[i][i] * betas[i] * betas[i] / (varMkt * varMkt);
        }
        double rHat = rDiag + 2 * roff1 - roff3;
        return new double[] {pHat, rHat};
    }

    /**
     * Towards a constant correlation, the average of the pairwise-complete sample correlations; the sample
     * is the pairwise-complete covariance (n - 1), the shrinkage's moments from the zero-filled returns.
     */
    public static Shrunk constantCorrelation(ReturnTable r, int frequency) {
        int n = r.assets();
        double[][] cols = Covariances.columns(r);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                s[i][j] = Covariances.pairwise(cols[i], cols[j]);
                s[j][i] = s[i][j];
            }
        }
        double[][] xm = centred(zeroFilled(r));
        int t = xm.length;
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            sd[i] = Math.sqrt(s[i][i]);
        }
        double corrSum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                corrSum += s[i][j] / (sd[i] * sd[j]);
            }
        }
        double rbar = (corrSum - n) / (n * (n - 1.0));
        double[][] f = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i][j] = i == j ? s[i][i] : rbar * sd[i] * sd[j];
            }
        }
        double[] moments = constantCorrelationMoments(xm, s, f, sd);
        double piHat = moments[0];
        double piDiag = moments[1];
        double thetaSum = moments[2];
        double gamma = moments[3];
        double rhoHat = piDiag + rbar * thetaSum;
        double kappa = (piHat - rhoHat) / gamma;
        double shrink = Math.max(0, Math.min(1, kappa / t));
        return new Shrunk(blend(f, s, shrink, frequency), shrink);
    }

    /**
     * For the constant-correlation target: {@code pi_hat}, the trace of {@code pi_mat}, the sum of
     * {@code (sd_j / sd_i) theta_ij} off the diagonal, and {@code gamma_hat}.
     */
    private static double[] constantCorrelationMoments(double[][] xm, double[][] s, double[][] f, double[] sd) {
        int t = xm.length;
        int n = s.length;
        double[][] yty = new double[n][n];
        double[][] h = new double[n][n];
        double[][] term1 = new double[n][n];
        for (double[] x : xm) {
            for (int i = 0; i < n; i++) {
                double xi2 = x[i] * x[i];
                for (int j = 0; j < n; j++) {
                    yty[i][j] += xi2 * x[j] * x[j];
                    h[i][j] += x[i] * x[j];
                    term1[i][j] += xi2 * x[i] * x[j];
                }
            }
        }
        double piHat = 0;
        double piDiag = 0;
        double thetaSum = 0;
        double gamma = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] /= t;
                term1[i][j] /= t;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double pi = yty[i][j] / t - 2 * h[i][j] * s[i][j] + s[i][j] * s[i][j];
                piHat += pi;
                if (i == j) {
                    piDiag += pi;
                } else {
                    double theta = term1[i][j] - h[i][i] * s[i][j] - h[i][j] * s[i][i] + s[i][i] * s[i][j];
                    thetaSum += sd[j] / sd[i] * theta;
                }
                gamma += (s[i][j] - f[i][j]) * (s[i][j] - f[i][j]);
            }
        }
        return new double[] {piHat, piDiag, thetaSum, gamma};
    }

    private static double[][] blend(double[][] target, double[][] sample, double shrink, int frequency) {
        int n = sample.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = (shrink * target[i][j] + (1 - shrink) * sample[i][j]) * frequency;
            }
        }
        return PsdRepair.repair(out, PsdRepair.Method.SPECTRAL);
    }

    static double[][] zeroFilled(ReturnTable r) {
        double[][] x = new double[r.rows()][];
        for (int t = 0; t < x.length; t++) {
            x[t] = r.values()[t].clone();
            for (int i = 0; i < x[t].length; i++) {
                if (Double.isNaN(x[t][i])) {
                    x[t][i] = 0;
                }
            }
        }
        return x;
    }

    static double[][] centred(double[][] x) {
        int t = x.length;
        int n = t == 0 ? 0 : x[0].length;
        double[] mean = new double[n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                mean[i] += row[i] / t;
            }
        }
        double[][] out = new double[t][n];
        for (int k = 0; k < t; k++) {
            for (int i = 0; i < n; i++) {
                out[k][i] = x[k][i] - mean[i];
            }
        }
        return out;
    }

    /** {@code X^T X / divisor}. */
    static double[][] gram(double[][] x, int divisor) {
        int n = x.length == 0 ? 0 : x[0].length;
        double[][] g = new double[n][n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    g[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                g[i][j] /= divisor;
                g[j][i] = g[i][j];
            }
        }
        return g;
    }

    static double trace(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            s += m[i][i];
        }
        return s;
    }
}
