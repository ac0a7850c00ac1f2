package com.positionlab.engine.optimize.downside;

/**
 * The per-period quantity whose upper tail CVaR-type measures average, written as a maximum of linear
 * functions of the weights: {@code x_t(w) = max_p a_(t,p) . w}. For losses there is one piece per period
 * ({@code a = -r_t}); for drawdowns a piece per possible peak.
 */
interface TailScenarios {

    int periods();

    /** Fills {@code values[t] = x_t(w)} and {@code pieces[t]}, a piece that attains it. */
    void evaluate(double[] w, double[] values, int[] pieces);

    /** The coefficients {@code a_(t,piece)} over the n weights. */
    double[] row(int t, int piece);

    /** The measure's name in messages and binding constraints ("CVaR", "CDaR"). */
    String measureName();

    /** Losses {@code x_t = -r_t . w}: one piece per period. */
    static TailScenarios losses(double[][] returns) {
        return new TailScenarios() {
            @Override
            public int periods() {
                return returns.length;
            }

            @Override
            public void evaluate(double[] w, double[] values, int[] pieces) {
                double[] p = DownsideMeasures.portfolioReturns(returns, w);
                for (int t = 0; t < p.length; t++) {
                    values[t] = -p[t];
                    pieces[t] = 0;
                }
            }

            @Override
            public double[] row(int t, int piece) {
                double[] a = returns[t].clone();
                for (int i = 0; i < a.length; i++) {
                    a[i] = -a[i];
                }
                return a;
            }

            @Override
            public String measureName() {
                return "CVaR";
            }
        };
    }

    /**
     * Drawdowns of the cumulative sum {@code C_s = S_s . w} with {@code S_s = sum_(j <= s) r_j} and
     * {@code S_0 = 0}: for period t (1-based), {@code D_t = max_(0 <= s <= t) (S_s - S_t) . w}, one piece per
     * peak s (the piece s = t is the zero row: no drawdown).
     */
    static TailScenarios drawdowns(double[][] returns) {
        int n = returns[0].length;
        double[][] cumulative = new double[returns.length + 1][n];
        for (int t = 0; t < returns.length; t++) {
            for (int i = 0; i < n; i++) {
                cumulative[t + 1][i] = cumulative[t][i] + returns[t][i];
            }
        }
        return new TailScenarios() {
            @Override
            public int periods() {
                return returns.length;
            }

            @Override
            public void evaluate(double[] w, double[] values, int[] pieces) {
                double[] p = DownsideMeasures.portfolioReturns(returns, w);
                double level = 0;
                double peak = 0;
                int peakAt = 0;
                for (int t = 0; t < p.length; t++) {
                    level += p[t];
                    if (level >= peak) {
                        peak = level;
                        peakAt = t + 1;
                    }
                    values[t] = peak - level;
                    pieces[t] = peakAt;
                }
            }

            @Override
            public double[] row(int t, int piece) {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = cumulative[piece][i] - cumulative[t + 1][i];
                }
                return a;
            }

            @Override
            public String measureName() {
                return "CDaR";
            }
        };
    }
}
