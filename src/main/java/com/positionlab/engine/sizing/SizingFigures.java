package com.positionlab.engine.sizing;

import com.positionlab.engine.stats.Normal;
import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.sizing.SizingOutcome.Impact;
import com.positionlab.engine.sizing.SizingOutcome.StressOutcome;

/** What a sized trade does to the book: its impact on risk and concentration, stress results, confidence. */
final class SizingFigures {

    private SizingFigures() {
    }

    /** The book's volatility, correlation, diversification and concentration before and after {@code d}. */
    static Impact impact(SizingContext c, double d) {
        double bookVar = c.bookVar;
        double before = Math.sqrt(Math.max(bookVar, 0));
        double after = Math.sqrt(Math.max(0, bookVar + 2 * d * c.cov + d * d * c.sigma2));
        double rho = bookVar > 0 && c.sigma2 > 0 ? c.s * c.cov / Math.sqrt(bookVar * c.sigma2) : 0;
        double standAlone = before + Math.abs(d) * Math.sqrt(c.sigma2);
        double benefit = standAlone > 0 && d != 0 ? 1 - after / standAlone : 0;
        double gross = 0;
        double sq = 0;
        Book book = c.book;
        for (int i = 0; i < book.size(); i++) {
            double w = Math.abs(book.weights()[i] + (i == c.k ? d : 0));
            gross += w;
            sq += w * w;
        }
        double hhi = gross > 0 ? sq / (gross * gross) : 0;
        return new Impact(after - before, rho, benefit, hhi, before, after);
    }

    /** The worst historical moves of each window, then the user's shocks, before and after {@code d}. */
    static List<StressOutcome> stress(SizingContext c, double d) {
        MarketModel model = c.model;
        Book book = c.book;
        List<StressOutcome> out = new ArrayList<>();
        for (int j = 0; j < MarketModel.STRESS_WINDOWS.length; j++) {
            double[] b = model.bookWindowReturns(j);
            double[] r = model.candidateWindowReturns(j);
            int worst = 0;
            for (int t = 1; t < b.length; t++) {
                if (b[t] + d * r[t] < b[worst] + d * r[worst]) {
                    worst = t;
                }
            }
            int days = Math.min(MarketModel.STRESS_WINDOWS[j], book.days());
            out.add(new StressOutcome("Worst " + days + "-day move", "HISTORICAL", worst, days, b[worst],
                    b[worst] + d * r[worst], d * r[worst]));
        }
        for (SizingSpec.Shock shock : c.spec.shocks()) {
            double before = 0;
            for (int i = 0; i < book.size(); i++) {
                before += book.weights()[i] * shockOf(book, shock, i);
            }
            double pos = d * shockOf(book, shock, c.k);
            out.add(new StressOutcome(shock.name(), "USER", -1, 0, before, before + pos, pos));
        }
        return out;
    }

    private static double shockOf(Book book, SizingSpec.Shock shock, int i) {
        Double v = shock.byInstrument() == null ? null : shock.byInstrument().get(book.ids()[i]);
        if (v == null && shock.bySector() != null) {
            v = shock.bySector().get(book.sectors()[i]);
        }
        return v == null ? 0 : v;
    }

    /**
     * Data coverage (days of history over the lookback asked for, at most 1), times for the methods
     * that rest on an edge the probability that a Sharpe ratio this large is not noise over that
     * history, Phi(|SR| sqrt(years)).
     */
    static double confidence(SizingContext c, double expected, double vol) {
        Book book = c.book;
        double coverage = Math.min(1.0, book.days() / (double) Math.max(1, c.trade.lookback()));
        SizingSpec.Method method = c.spec.method();
        double conf = coverage;
        if (method.method() == SizingMethod.KELLY_CRITERION && vol > 0) {
            conf *= Normal.cdf(Math.abs(expected / vol) * Math.sqrt(book.days() / SizingContext.YEAR));
        } else if (method.method() == SizingMethod.OPTIMAL_F && method.tradeReturns() != null
                && method.tradeReturns().length > 1) {
            double[] r = method.tradeReturns();
            double mean = MarketModel.mean(r);
            double sd = RiskBudgeting.sd(r, 0);
            conf *= sd > 0 ? Normal.cdf(Math.abs(mean / sd) * Math.sqrt(r.length)) : 1;
        }
        return conf;
    }

}
