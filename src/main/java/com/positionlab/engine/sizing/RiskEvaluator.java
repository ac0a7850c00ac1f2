package com.positionlab.engine.sizing;

import com.positionlab.engine.riskmodel.Garch11;
import com.positionlab.engine.riskmodel.GarchFit;
import com.positionlab.engine.riskmodel.HistoricalVar;
import com.positionlab.engine.riskmodel.MonteCarloVar;
import com.positionlab.engine.riskmodel.ParametricVar;
import com.positionlab.engine.riskmodel.VarEstimate;

/**
 * VaR and CVaR of the book plus a signed candidate weight {@code d}, under one risk model, at the
 * spec's confidence and horizon (square-root-of-time). The book's own figures and the candidate's
 * per-unit figures are computed once; Monte Carlo uses the same scenarios for every {@code d}
 * (common random numbers), drawn from the bivariate normal of (book, candidate) returns, which is the
 * exact distribution of every portfolio book + d x candidate under the multivariate normal model.
 */
final class RiskEvaluator {

    private final MarketModel model;
    private final SizingSpec.Risk risk;
    private final double[] book;
    private final double[] candidate;
    private final double[] scratch;
    private double[] bookScenarios;
    private double[] candidateScenarios;
    private VarEstimate before;
    private VarEstimate longUnit;
    private VarEstimate shortUnit;
    private GarchFit candidateGarch;

    RiskEvaluator(MarketModel model, SizingSpec.Risk risk) {
        this.model = model;
        this.risk = risk;
        this.book = model.bookSeries();
        this.candidate = model.candidateSeries();
        this.scratch = new double[risk.model() == com.positionlab.engine.riskmodel.RiskModel.MONTE_CARLO
                ? risk.scenarios() : book.length];
    }

    /** Keys of the figures memoised on the model. */
    private record Memo(String what, SizingSpec.Risk risk) {
    }

    /** The book before the trade. */
    VarEstimate before() {
        if (before == null) {
            before = model.memo(new Memo("before", risk), () -> bookIsEmpty() ? new VarEstimate(0, 0) : portfolio(0));
        }
        return before;
    }

    /** The position alone: |d| times the per-unit figures of the candidate in the trade's direction. */
    VarEstimate position(double d) {
        if (d == 0) {
            return new VarEstimate(0, 0);
        }
        VarEstimate unit = d > 0 ? model.memo(new Memo("long unit", risk), () -> unit(1))
                : model.memo(new Memo("short unit", risk), () -> unit(-1));
        double a = Math.abs(d);
        return new VarEstimate(a * unit.var(), a * unit.cvar());
    }

    private VarEstimate unit(int sign) {
        if (sign > 0 && longUnit != null) {
            return longUnit;
        }
        if (sign < 0 && shortUnit != null) {
            return shortUnit;
        }
        VarEstimate u;
        switch (risk.model()) {
            case MONTE_CARLO -> {
                ensureScenarios();
                for (int i = 0; i < scratch.length; i++) {
                    scratch[i] = sign * candidateScenarios[i];
                }
                u = HistoricalVar.of(scratch, risk.confidence());
            }
            case GARCH -> {
                GarchFit g = sign > 0 ? candidateGarch() : Garch11.fit(negate(candidate));
                u = g.var(risk.confidence());
            }
            default -> {
                for (int i = 0; i < scratch.length; i++) {
                    scratch[i] = sign * candidate[i];
                }
                u = single(scratch);
            }
        }
        u = u.scaled(risk.horizonDays());
        if (sign > 0) {
            longUnit = u;
        } else {
            shortUnit = u;
        }
        return u;
    }

    /** The book plus {@code d} of the candidate (d signed: negative is short). */
    VarEstimate portfolio(double d) {
        VarEstimate v;
        switch (risk.model()) {
            case MONTE_CARLO -> {
                ensureScenarios();
                for (int i = 0; i < scratch.length; i++) {
                    scratch[i] = bookScenarios[i] + d * candidateScenarios[i];
                }
                v = HistoricalVar.of(scratch, risk.confidence());
            }
            case GARCH -> {
                double[] s = new double[book.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = book[i] + d * candidate[i];
                }
                v = Garch11.fit(s).var(risk.confidence());
            }
            default -> {
                for (int i = 0; i < scratch.length; i++) {
                    scratch[i] = book[i] + d * candidate[i];
                }
                v = single(scratch);
            }
        }
        return v.scaled(risk.horizonDays());
    }

    GarchFit candidateGarch() {
        if (candidateGarch == null) {
            candidateGarch = Garch11.fit(candidate);
        }
        return candidateGarch;
    }

    private VarEstimate single(double[] series) {
        return switch (risk.model()) {
            case PARAMETRIC -> ParametricVar.of(series, risk.confidence(), risk.cornishFisher());
            default -> HistoricalVar.of(series, risk.confidence());
        };
    }

    private boolean bookIsEmpty() {
        for (double w : model.book().weights()) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    private void ensureScenarios() {
        if (bookScenarios != null) {
            return;
        }
        double[] mean = {model.bookMean(), model.mean(model.book().candidate())};
        double c = model.candidateBookCovariance();
        double[][] cov = {{model.bookVariance(), c}, {c, model.candidateVariance()}};
        bookScenarios = MonteCarloVar.portfolioScenarios(mean, cov, new double[] {1, 0}, risk.scenarios(), risk.seed());
        candidateScenarios = MonteCarloVar.portfolioScenarios(mean, cov, new double[] {0, 1}, risk.scenarios(),
                risk.seed());
    }

    private static double[] negate(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = -x[i];
        }
        return out;
    }
}
