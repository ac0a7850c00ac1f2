package com.positionlab.engine.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.positionlab.engine.sizing.SizingOutcome.BudgetUse;

/**
 * Dynamic risk budgets. The portfolio's budget {@code B} (annualised volatility) is scaled by
 * <pre>
 *   m_vol = clamp(sigma_lookback / sigma_recent, 0.5, 1.5)      (recent = last realised_window days)
 *   m_dd  = max(0, 1 - drawdown / max_drawdown)
 *   B_eff = B x m_vol x m_dd
 * </pre>
 * so budgets shrink when the book's recent volatility runs above its lookback volatility or the book is
 * in drawdown, and grow (up to 1.5x) in calm markets. A sector's or strategy's budget is its share of
 * {@code B_eff}; what it uses is the sum of its Euler risk contributions
 * {@code w_i cov(r_i, r_p) / sigma_p} (annualised), which add up to the book's volatility. The new
 * position counts towards its sector and, for the part the trade adds, the trade's strategy.
 */
public final class RiskBudgeting {

    private final MarketModel model;
    private final SizingSpec.Budgets spec;
    private final String tradeStrategy;
    private final double scale;
    private final double drawdown;
    private final double volatilityMultiplier;

    RiskBudgeting(MarketModel model, SizingSpec.Budgets spec, String tradeStrategy) {
        this.model = model;
        this.spec = spec;
        this.tradeStrategy = tradeStrategy;
        double[] book = model.bookSeries();
        double longVol = sd(book, 0);
        double recentVol = sd(book, Math.max(0, book.length - spec.realisedWindow()));
        volatilityMultiplier = longVol == 0 || recentVol == 0 ? 1 : clamp(longVol / recentVol, 0.5, 1.5);
        drawdown = Double.isNaN(spec.currentDrawdown()) ? drawdown(book) : spec.currentDrawdown();
        double dd = Math.max(0, 1 - drawdown / spec.maxDrawdown());
        scale = volatilityMultiplier * dd;
    }

    /** {@code B_eff / B}. */
    public double scale() {
        return scale;
    }

    public double volatilityMultiplier() {
        return volatilityMultiplier;
    }

    /** The drawdown used: given, or the book's fall from its peak over the lookback. */
    public double drawdown() {
        return drawdown;
    }

    public double effectiveTotal() {
        return spec.totalVolatility() * scale;
    }

    /** What the candidate's sector uses with d added. */
    double sectorUse(String sector, double d) {
        return groupUse(sector, null, d);
    }

    /** What a strategy uses with d added (the added part of the candidate counts towards the trade's strategy). */
    double strategyUse(String strategy, double d) {
        return groupUse(null, strategy, d);
    }

    /** Sum of the Euler contributions of the assets in a sector (or of a strategy), without allocating. */
    private double groupUse(String sector, String strategy, double d) {
        Book b = model.book();
        int k = b.candidate();
        double var = model.bookVariance() + 2 * d * model.candidateBookCovariance() + d * d * model.candidateVariance();
        if (var <= 0) {
            return 0;
        }
        double scale = Math.sqrt(SizingSpec.PERIODS_PER_YEAR) / Math.sqrt(var);
        double[] weights = b.weights();
        String[] groups = sector != null ? b.sectors() : b.strategies();
        String group = sector != null ? sector : strategy;
        double u = 0;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i] + (i == k ? d : 0);
            if (w == 0) {
                continue;
            }
            double rc = w * (model.covWithBook(i) + d * model.covWithCandidate(i)) * scale;
            if (i == k && strategy != null) {
                if (Objects.equals(groups[k], group)) {
                    u += rc * weights[k] / w;
                }
                if (Objects.equals(tradeStrategy, group)) {
                    u += rc * d / w;
                }
            } else if (Objects.equals(groups[i], group)) {
                u += rc;
            }
        }
        return u;
    }

    double totalUse(double d) {
        double var = model.bookVariance() + 2 * d * model.candidateBookCovariance() + d * d * model.candidateVariance();
        return Math.sqrt(Math.max(var, 0) * SizingSpec.PERIODS_PER_YEAR);
    }

    /** Every budget with its use before and after a trade of signed weight d. */
    List<BudgetUse> uses(double d) {
        List<BudgetUse> out = new ArrayList<>();
        double total = effectiveTotal();
        out.add(new BudgetUse("TOTAL", "portfolio", total, totalUse(0), totalUse(d)));
        for (Map.Entry<String, Double> e : spec.sectorShares().entrySet()) {
            out.add(new BudgetUse("SECTOR", e.getKey(), e.getValue() * total, sectorUse(e.getKey(), 0),
                    sectorUse(e.getKey(), d)));
        }
        for (Map.Entry<String, Double> e : spec.strategyShares().entrySet()) {
            out.add(new BudgetUse("STRATEGY", e.getKey(), e.getValue() * total, strategyUse(e.getKey(), 0),
                    strategyUse(e.getKey(), d)));
        }
        return out;
    }

    static double sd(double[] x, int from) {
        int n = x.length - from;
        if (n < 2) {
            return 0;
        }
        double m = 0;
        for (int i = from; i < x.length; i++) {
            m += x[i];
        }
        m /= n;
        double s = 0;
        for (int i = from; i < x.length; i++) {
            s += (x[i] - m) * (x[i] - m);
        }
        return Math.sqrt(s / (n - 1));
    }

    /** 1 - value / peak at the end of the compounded series (0 when at a peak). */
    static double drawdown(double[] returns) {
        double v = 1;
        double peak = 1;
        for (double r : returns) {
            v *= 1 + r;
            peak = Math.max(peak, v);
        }
        return 1 - v / peak;
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
