package com.positionlab.engine.sizing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.kelly.ConvictionMultipliers;
import com.positionlab.engine.kelly.KellyPolicy;
import com.positionlab.engine.riskmodel.GarchFit;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.riskmodel.VarEstimate;
import com.positionlab.engine.sizing.SizingOutcome.Binding;
import com.positionlab.engine.sizing.SizingOutcome.BudgetUse;
import com.positionlab.engine.sizing.SizingOutcome.Impact;
import com.positionlab.engine.sizing.SizingOutcome.RiskFigures;
import com.positionlab.engine.sizing.SizingOutcome.StressOutcome;

/**
 * Sizes one trade against a {@link MarketModel}: the method's weight (see {@link SizingMethod}), then the
 * limits in the order documented on {@link SizingSpec.Limits}, each recorded as a {@link Binding} when it
 * cuts the weight, then whole lots (rounded down). Risk limits are met by solving for the largest weight
 * within them (closed form for volatility, bisection for VaR and the risk budgets); a portfolio already
 * above a risk limit admits only trades that do not add to it. Weights are fractions of equity and
 * never negative: the direction is the trade's.
 */
public final class PositionSizingEngine {

    private static final double YEAR = SizingSpec.PERIODS_PER_YEAR;

    private PositionSizingEngine() {
    }

    /**
     * Sizes {@code spec} with every method, sharing the model (the compare mode). A method that cannot
     * size this decision (FIXED_RISK without a stop, OPTIMAL_F without trades) gives 0 with the reason,
     * and no risk figures.
     */
    public static List<SizingOutcome> compare(SizingSpec spec, MarketModel model) {
        List<SizingOutcome> out = new ArrayList<>();
        for (SizingMethod m : SizingMethod.values()) {
            SizingSpec.Method p = spec.method();
            SizingSpec s = new SizingSpec(spec.trade(), new SizingSpec.Method(m, p.volatilityTarget(),
                    p.fixedPercentage(), p.riskPerTrade(), p.kellyMultiplier(), p.maxKellyFraction(),
                    p.optimalFFraction(), p.tradeReturns()), spec.risk(), spec.limits(), spec.budgets(),
                    spec.shocks());
            try {
                out.add(size(s, model));
            } catch (InvalidParameterException e) {
                out.add(new SizingOutcome(m, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO.setScale(2), e.getMessage(),
                        List.of(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null, List.of(), List.of(), 0,
                        Map.of(), List.of()));
            }
        }
        return out;
    }

    public static SizingOutcome size(SizingSpec spec, MarketModel model) {
        return new Run(spec, model).run();
    }

    /** One sizing; holds the intermediate figures. */
    private static final class Run {
        private final SizingSpec spec;
        private final SizingSpec.Trade trade;
        private final MarketModel model;
        private final Book book;
        private final int s;
        private final int k;
        private final List<Binding> bindings = new ArrayList<>();
        private final Map<String, Object> details = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final RiskEvaluator risk;
        private final double sigma2;
        private final double cov;
        private final double bookVar;
        private String reason;

        Run(SizingSpec spec, MarketModel model) {
            this.spec = spec;
            this.trade = spec.trade();
            this.model = model;
            this.book = model.book();
            this.s = trade.direction();
            this.k = book.candidate();
            this.risk = new RiskEvaluator(model, spec.risk());
            this.sigma2 = model.candidateVariance() * YEAR;
            this.cov = model.candidateBookCovariance() * YEAR;
            this.bookVar = model.bookVariance() * YEAR;
            if (s != 1 && s != -1) {
                throw new InvalidParameterException("direction", "must be LONG or SHORT");
            }
            InvalidParameterException.positive("equity", trade.equity());
            InvalidParameterException.positive("entry_price", trade.entryPrice());
        }

        SizingOutcome run() {
            double volatility = Math.sqrt(sigma2);
            GarchFit garch = null;
            double forecastVol = volatility;
            if (spec.risk().model() == RiskModel.GARCH) {
                garch = risk.candidateGarch();
                forecastVol = garch.annualisedForecast(SizingSpec.PERIODS_PER_YEAR);
            }
            double expected = trade.expectedReturn();
            if (Double.isNaN(expected)) {
                expected = s * model.mean(k) * YEAR;
                if (spec.method().method() == SizingMethod.KELLY_CRITERION) {
                    warnings.add("expected_return not given: the Kelly weight uses the instrument's historical "
                            + "mean return over the lookback, a noisy estimate");
                }
            }
            double kelly = sigma2 > 0 ? (expected - s * cov) / sigma2 : Double.NaN;

            double w = methodWeight(expected, kelly, forecastVol);
            double raw = w;
            if (reason == null && !(w > 0)) {
                reason = "the method gives no position (weight " + fmt(w) + ")";
                w = 0;
            }
            if (w > 0) {
                w = constrain(w);
            }
            if (reason == null && w == 0) {
                reason = "no room left under " + (bindings.isEmpty() ? "the limits"
                        : bindings.get(bindings.size() - 1).name());
            }
            // Whole lots, rounded down; money at the currency's minor unit.
            BigDecimal lot = trade.lotSize();
            BigDecimal units = BigDecimal.ZERO;
            if (w > 0) {
                BigDecimal exact = BigDecimal.valueOf(w * trade.equity() / trade.entryPrice());
                units = exact.divide(lot, 0, RoundingMode.FLOOR).multiply(lot);
                details.put("units_before_rounding", exact.setScale(6, RoundingMode.HALF_EVEN).doubleValue());
                if (units.signum() == 0 && reason == null) {
                    reason = "smaller than one lot of " + lot.stripTrailingZeros().toPlainString() + " units";
                }
            }
            units = plain(units);
            BigDecimal notional = units.multiply(BigDecimal.valueOf(trade.entryPrice())).setScale(2,
                    RoundingMode.HALF_EVEN);
            double weight = notional.doubleValue() / trade.equity();
            double d = s * weight;

            VarEstimate before = risk.before();
            VarEstimate after = weight == 0 ? before : risk.portfolio(d);
            VarEstimate position = risk.position(d);
            RiskFigures figures = new RiskFigures(position.var(), position.cvar(), before.var(), before.cvar(),
                    after.var(), after.cvar(), garch);

            List<BudgetUse> budgets = List.of();
            if (spec.budgets() != null) {
                budgets = budgeting().uses(d);
            }
            double sharpe = forecastVol > 0 ? expected / forecastVol : Double.NaN;
            details.put("lookback_days", book.days());
            return new SizingOutcome(spec.method().method(), raw, weight, units, notional, weight > 0 ? null : reason,
                    List.copyOf(bindings), kelly, expected, forecastVol, sharpe, impact(d), figures, budgets,
                    stress(d), confidence(expected, forecastVol), details, warnings);
        }

        private double methodWeight(double expected, double kelly, double forecastVol) {
            SizingSpec.Method m = spec.method();
            int others = 0;
            for (int i = 0; i < book.size(); i++) {
                if (i != k && book.weights()[i] != 0) {
                    others++;
                }
            }
            switch (m.method()) {
                case KELLY_CRITERION -> {
                    if (Double.isNaN(kelly)) {
                        reason = "the instrument's returns have no variance over the lookback";
                        return 0;
                    }
                    double conviction = ConvictionMultipliers.DEFAULTS.of(trade.conviction());
                    KellyPolicy policy = new KellyPolicy(m.maxKellyFraction(), m.kellyMultiplier(), 0, 10);
                    double w = policy.adjust(kelly, 1, conviction);
                    details.put("kelly_growth_optimal_weight", kelly);
                    details.put("kelly_cap", m.maxKellyFraction());
                    details.put("kelly_multiplier", m.kellyMultiplier());
                    details.put("conviction_multiplier", conviction);
                    details.put("covariance_with_book", cov);
                    if (kelly <= 0) {
                        reason = "no edge: the growth-optimal weight given the book is " + fmt(kelly);
                    }
                    return w;
                }
                case FIXED_PERCENTAGE -> {
                    return m.fixedPercentage();
                }
                case VOLATILITY_ADJUSTED -> {
                    details.put("volatility_target", m.volatilityTarget());
                    details.put("volatility_forecast", forecastVol);
                    if (!(forecastVol > 0)) {
                        reason = "the instrument's volatility forecast is zero";
                        return 0;
                    }
                    return topUp(m.volatilityTarget() / forecastVol);
                }
                case RISK_PARITY -> {
                    double target = 1.0 / (others + 1);
                    details.put("risk_share_target", target);
                    return others == 0 ? topUp(1.0) : riskParity(target);
                }
                case EQUAL_WEIGHT -> {
                    details.put("positions_after", others + 1);
                    return topUp(1.0 / (others + 1));
                }
                case FIXED_RISK -> {
                    double stop = trade.stopPrice();
                    if (Double.isNaN(stop)) {
                        throw new InvalidParameterException("stop_price", "is required for FIXED_RISK");
                    }
                    double risk = Math.abs(trade.entryPrice() - stop);
                    details.put("risk_per_trade", m.riskPerTrade());
                    details.put("risk_per_unit", risk);
                    return m.riskPerTrade() * trade.entryPrice() / risk;
                }
                case OPTIMAL_F -> {
                    OptimalF.Result f = OptimalF.of(m.tradeReturns());
                    details.put("optimal_f", f.f());
                    details.put("largest_loss", f.largestLoss());
                    details.put("geometric_mean_hpr", f.geometricMean());
                    details.put("trades", f.trades());
                    details.put("optimal_f_fraction", m.optimalFFraction());
                    if (f.f() == 0) {
                        reason = "no edge: the strategy's mean trade return is not positive";
                        return 0;
                    }
                    return m.optimalFFraction() * f.weight();
                }
                default -> throw new IllegalStateException("unknown method " + m.method());
            }
        }

        /**
         * The trade that takes the instrument to a target weight: the target less what is already held in
         * the trade's direction (target-weight methods size the whole position, not an addition to it).
         */
        private double topUp(double target) {
            double held = s * book.weights()[k];
            if (held != 0) {
                details.put("target_weight", target);
                details.put("held_weight", held);
            }
            if (held >= target) {
                reason = "the book already holds " + pct(held) + " of equity in the instrument, at or above the "
                        + "method's target " + pct(target);
                return 0;
            }
            return target - held;
        }

        /** Smallest weight at which the candidate's Euler share of variance reaches {@code target}. */
        private double riskParity(double target) {
            DoubleUnaryOperator share = x -> {
                double d = s * x;
                double w1 = book.weights()[k] + d;
                double var = bookVar + 2 * d * cov + d * d * sigma2;
                return var <= 0 ? 0 : w1 * (model.covWithBook(k) + d * model.candidateVariance()) * YEAR / var;
            };
            if (share.applyAsDouble(0) >= target) {
                details.put("held_risk_share", share.applyAsDouble(0));
                reason = "the instrument already carries " + pct(share.applyAsDouble(0)) + " of the book's risk, at or "
                        + "above its equal share " + pct(target);
                return 0;
            }
            double lo = 0;
            double hi = 1e-4;
            while (share.applyAsDouble(hi) < target) {
                lo = hi;
                hi *= 2;
                if (hi > 1e4) {
                    reason = "no weight gives the position its equal share of risk";
                    return 0;
                }
            }
            for (int i = 0; i < 100; i++) {
                double mid = 0.5 * (lo + hi);
                if (share.applyAsDouble(mid) < target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return hi;
        }

        private double constrain(double w) {
            SizingSpec.Limits l = spec.limits();
            double w0 = book.weights()[k];
            w = cap(w, "max_position_size", l.maxPositionSize(), "the position may be at most "
                    + pct(l.maxPositionSize()) + " of equity");
            if (!Double.isNaN(l.correlationLimit()) && bookVar > 0 && sigma2 > 0) {
                double rho = s * cov / Math.sqrt(bookVar * sigma2);
                details.put("correlation_with_book", rho);
                if (rho > l.correlationLimit()) {
                    bind("correlation_limit", w, 0, "correlation with the book " + fmt(rho) + " exceeds the limit "
                            + fmt(l.correlationLimit()));
                    w = 0;
                }
            }
            if (!Double.isNaN(l.maxInstrumentWeight())) {
                w = cap(w, "max_instrument_weight", roomFor(w0, l.maxInstrumentWeight()), "the instrument may be at "
                        + "most " + pct(l.maxInstrumentWeight()) + " of equity (held now: " + pct(Math.abs(w0)) + ")");
            }
            if (!Double.isNaN(l.maxSectorWeight())) {
                String sector = book.sectors()[k];
                double other = 0;
                for (int i = 0; i < book.size(); i++) {
                    if (i != k && Objects.equals(book.sectors()[i], sector)) {
                        other += Math.abs(book.weights()[i]);
                    }
                }
                w = cap(w, "max_sector_weight", roomFor(w0, l.maxSectorWeight() - other), "the sector " + sector
                        + " may be at most " + pct(l.maxSectorWeight()) + " of equity (held now: "
                        + pct(other + Math.abs(w0)) + ")");
            }
            if (!Double.isNaN(l.leverageLimit())) {
                double gross = 0;
                for (int i = 0; i < book.size(); i++) {
                    if (i != k) {
                        gross += Math.abs(book.weights()[i]);
                    }
                }
                w = cap(w, "leverage_limit", roomFor(w0, l.leverageLimit() - gross), "gross exposure may be at most "
                        + fmt(l.leverageLimit()) + "x equity (now " + fmt(gross + Math.abs(w0)) + "x)");
            }
            if (spec.budgets() != null && w > 0) {
                w = budgets(w);
            }
            if (!Double.isNaN(l.maxPortfolioRisk()) && w > 0) {
                w = l.riskLimitIsVar() ? varLimit(w, l.maxPortfolioRisk()) : volatilityLimit(w, l.maxPortfolioRisk());
            }
            if (w > 0 && w < l.minPositionSize()) {
                bind("min_position_size", w, 0, "the position would be " + pct(w) + ", below the minimum "
                        + pct(l.minPositionSize()));
                w = 0;
            }
            return w;
        }

        /** Largest x >= 0 with |w0 + s x| <= limit (0 when none). */
        private double roomFor(double w0, double limit) {
            if (limit < 0) {
                return 0;
            }
            double same = s * w0;
            return Math.max(0, limit - same);
        }

        private double cap(double w, String name, double limit, String why) {
            if (!Double.isNaN(limit) && w > limit) {
                double after = Math.max(0, limit);
                bind(name, w, after, why);
                return after;
            }
            return w;
        }

        private void bind(String name, double before, double after, String why) {
            bindings.add(new Binding(name, before, after, why));
        }

        private double volatilityLimit(double w, double limit) {
            double now = Math.sqrt(Math.max(bookVar, 0));
            double allowed = Math.max(limit, now);
            DoubleUnaryOperator vol = x -> Math.sqrt(Math.max(0, bookVar + 2 * s * x * cov + x * x * sigma2));
            if (vol.applyAsDouble(w) <= allowed + 1e-15) {
                return w;
            }
            // sigma2 x^2 + 2 s cov x + (V - L^2) = 0: the larger root is the largest weight within the limit.
            double a = sigma2;
            double b = 2 * s * cov;
            double c = bookVar - allowed * allowed;
            double disc = Math.max(0, b * b - 4 * a * c);
            double x = a > 0 ? Math.max(0, (-b + Math.sqrt(disc)) / (2 * a)) : 0;
            x = Math.min(x, w);
            bind("max_portfolio_risk", w, x, now > limit
                    ? "the book's volatility " + pct(now) + " is already above the limit " + pct(limit)
                    + "; only size that does not add to it is allowed"
                    : "the book's annualised volatility may be at most " + pct(limit));
            return x;
        }

        private double varLimit(double w, double limit) {
            double now = risk.before().var();
            double allowed = Math.max(limit, now);
            double x = largestWithin(v -> risk.portfolio(s * v).var() <= allowed + 1e-15, w);
            if (x < w) {
                bind("max_portfolio_risk", w, x, now > limit
                        ? "the book's VaR " + pct(now) + " is already above the limit " + pct(limit)
                        + "; only size that does not add to it is allowed"
                        : "the book's " + spec.risk().model() + " VaR may be at most " + pct(limit));
            }
            return x;
        }

        private RiskBudgeting budgeting;

        private RiskBudgeting budgeting() {
            if (budgeting == null) {
                budgeting = new RiskBudgeting(model, spec.budgets(), trade.strategyId());
            }
            return budgeting;
        }

        private double budgets(double w) {
            RiskBudgeting rb = budgeting();
            details.put("risk_budget_scale", rb.scale());
            details.put("risk_budget_volatility_multiplier", rb.volatilityMultiplier());
            details.put("risk_budget_drawdown", rb.drawdown());
            double total = rb.effectiveTotal();
            w = budgetCap(w, "risk_budget.total", x -> rb.totalUse(s * x), total, "portfolio");
            String sector = book.sectors()[k];
            Double sectorShare = spec.budgets().sectorShares().get(sector);
            if (sectorShare != null && w > 0) {
                w = budgetCap(w, "risk_budget.sector", x -> rb.sectorUse(sector, s * x), sectorShare * total,
                        "sector " + sector);
            }
            String strategy = trade.strategyId();
            Double strategyShare = strategy == null ? null : spec.budgets().strategyShares().get(strategy);
            if (strategyShare != null && w > 0) {
                w = budgetCap(w, "risk_budget.strategy", x -> rb.strategyUse(strategy, s * x), strategyShare * total,
                        "strategy " + strategy);
            }
            return w;
        }

        private double budgetCap(double w, String name, DoubleUnaryOperator use, double budget, String what) {
            double now = use.applyAsDouble(0);
            double allowed = Math.max(budget, now);
            double x = largestWithin(v -> use.applyAsDouble(v) <= allowed + 1e-15, w);
            if (x < w) {
                bind(name, w, x, "the " + what + " risk budget is " + pct(budget) + " volatility (used now: "
                        + pct(now) + ")");
            }
            return x;
        }

        /** The largest x in [0, w] with ok(x), by bisection from ok(0); w itself when ok(w). */
        private static double largestWithin(java.util.function.DoublePredicate ok, double w) {
            if (ok.test(w)) {
                return w;
            }
            double lo = 0;
            double hi = w;
            for (int i = 0; i < 60 && hi - lo > 1e-10; i++) {
                double mid = 0.5 * (lo + hi);
                if (ok.test(mid)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private Impact impact(double d) {
            double before = Math.sqrt(Math.max(bookVar, 0));
            double after = Math.sqrt(Math.max(0, bookVar + 2 * d * cov + d * d * sigma2));
            double rho = bookVar > 0 && sigma2 > 0 ? s * cov / Math.sqrt(bookVar * sigma2) : 0;
            double standAlone = before + Math.abs(d) * Math.sqrt(sigma2);
            double benefit = standAlone > 0 && d != 0 ? 1 - after / standAlone : 0;
            double gross = 0;
            double sq = 0;
            for (int i = 0; i < book.size(); i++) {
                double w = Math.abs(book.weights()[i] + (i == k ? d : 0));
                gross += w;
                sq += w * w;
            }
            double hhi = gross > 0 ? sq / (gross * gross) : 0;
            return new Impact(after - before, rho, benefit, hhi, before, after);
        }

        private List<StressOutcome> stress(double d) {
            List<StressOutcome> out = new ArrayList<>();
            for (int j = 0; j < MarketModel.STRESS_WINDOWS.length; j++) {
                double[] b = model.bookWindowReturns(j);
                double[] c = model.candidateWindowReturns(j);
                int worst = 0;
                for (int t = 1; t < b.length; t++) {
                    if (b[t] + d * c[t] < b[worst] + d * c[worst]) {
                        worst = t;
                    }
                }
                int days = Math.min(MarketModel.STRESS_WINDOWS[j], book.days());
                out.add(new StressOutcome("Worst " + days + "-day move", "HISTORICAL", worst, days, b[worst],
                        b[worst] + d * c[worst], d * c[worst]));
            }
            for (SizingSpec.Shock shock : spec.shocks()) {
                double before = 0;
                for (int i = 0; i < book.size(); i++) {
                    before += book.weights()[i] * shockOf(shock, i);
                }
                double pos = d * shockOf(shock, k);
                out.add(new StressOutcome(shock.name(), "USER", -1, 0, before, before + pos, pos));
            }
            return out;
        }

        private double shockOf(SizingSpec.Shock shock, int i) {
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
        private double confidence(double expected, double vol) {
            double coverage = Math.min(1.0, book.days() / (double) Math.max(1, trade.lookback()));
            SizingMethod m = spec.method().method();
            double c = coverage;
            if (m == SizingMethod.KELLY_CRITERION && vol > 0) {
                c *= normalCdf(Math.abs(expected / vol) * Math.sqrt(book.days() / YEAR));
            } else if (m == SizingMethod.OPTIMAL_F && spec.method().tradeReturns() != null
                    && spec.method().tradeReturns().length > 1) {
                double[] r = spec.method().tradeReturns();
                double mean = MarketModel.mean(r);
                double sd = RiskBudgeting.sd(r, 0);
                c *= sd > 0 ? normalCdf(Math.abs(mean / sd) * Math.sqrt(r.length)) : 1;
            }
            return c;
        }
    }

    static double normalCdf(double x) {
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-x / Math.sqrt(2));
    }

    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** {@code 12.34%}, without the cost of a Formatter (reasons are built on the hot path). */
    static String pct(double v) {
        return fixed(v * 100, 2) + "%";
    }

    /** Four decimals, e.g. {@code 0.5638}. */
    static String fmt(double v) {
        return fixed(v, 4);
    }

    static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        long scale = decimals == 2 ? 100 : 10_000;
        long n = Math.round(Math.abs(v) * scale);
        StringBuilder sb = new StringBuilder(16);
        if (v < 0 && n != 0) {
            sb.append('-');
        }
        sb.append(n / scale).append('.');
        String frac = Long.toString(n % scale);
        for (int i = frac.length(); i < decimals; i++) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }
}
