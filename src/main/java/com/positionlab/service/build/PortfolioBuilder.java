package com.positionlab.service.build;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.positionlab.domain.Instrument;
import com.positionlab.domain.PriceBar;
import com.positionlab.engine.optimize.Frontier;
import com.positionlab.engine.optimize.TurningPoint;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.AllocateRequest;
import com.positionlab.service.optimize.AllocateResponse;
import com.positionlab.service.optimize.AllocateService;
import com.positionlab.service.optimize.FrontierService;
import com.positionlab.service.optimize.OptimizationHistory;
import com.positionlab.service.optimize.OptimizeRequest;
import com.positionlab.service.optimize.OptimizeRequest.ObjectiveSpec;
import com.positionlab.service.optimize.OptimizeResponse;
import com.positionlab.service.portfolio.HoldingRow;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.portfolio.PortfolioSnapshot;
import com.positionlab.service.workspace.WorkspaceService;

/**
 * The "Build a portfolio" use case: from a setup (an optimisation request over a universe of the workspace's
 * instruments), the frontier with the inputs it came from, the candidate portfolios to compare, and the
 * current holdings; every run is stored through {@link OptimizationHistory} (so Activity lists it) when the
 * setup names the portfolio; and the rebalancing trades, in whole lots, to a chosen portfolio.
 */
public final class PortfolioBuilder {

    /** The candidates compared on every build, by objective, with their labels. */
    static final List<String[]> CANDIDATES = List.of(new String[] {"min_volatility", "Minimum volatility"},
            new String[] {"max_sharpe", "Maximum Sharpe"}, new String[] {"risk_parity", "Equal risk (ERC)"},
            new String[] {"hrp", "Hierarchical risk parity"},
            new String[] {"max_diversification", "Maximum diversification"},
            new String[] {"robust", "Robust (box)"});

    /** Curve points drawn between two turning points (the curve is exact at each). */
    static final int SAMPLES_PER_SEGMENT = 24;

    /** The value a rebalance is sized for when the portfolio holds nothing. */
    static final double EMPTY_PORTFOLIO_VALUE = 100_000;

    /** Bars averaged for an instrument's average daily volume. */
    static final int ADV_DAYS = 20;

    private final OptimizationHistory history;
    private final PortfolioService portfolio;
    private final WorkspaceService workspace;
    private final AllocateService allocate;
    private final UniverseLists lists;

    public PortfolioBuilder(OptimizationHistory history, PortfolioService portfolio, WorkspaceService workspace,
                            AllocateService allocate, UniverseLists lists) {
        this.history = history;
        this.portfolio = portfolio;
        this.workspace = workspace;
        this.allocate = allocate;
        this.lists = lists;
    }

    /** The trader's saved universes. */
    public UniverseLists lists() {
        return lists;
    }

    /**
     * The trades, in whole lots at the latest prices, that move the portfolio's holdings to the selection's
     * weights of its value (greedy as PyPortfolioOpt, or {@code exact}: the integer program): units per
     * ticker, leftover cash and the trades from the current units.
     */
    public AllocateResponse rebalance(BuildResult r, Selection s, String method) {
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Double> prices = new LinkedHashMap<>();
        Map<String, Integer> lots = new LinkedHashMap<>();
        Map<String, Long> units = new LinkedHashMap<>();
        double[] w = s.weights();
        for (int i = 0; i < w.length; i++) {
            String t = r.tickers().get(i);
            if (!(r.latestPrices()[i] > 0)) {
                throw new ValidationException("universe", t + " has no price to trade at");
            }
            weights.put(t, Math.abs(w[i]) < 1e-12 ? 0.0 : w[i]);
            prices.put(t, r.latestPrices()[i]);
            lots.put(t, r.lotSizes()[i]);
            units.put(t, 0L);
        }
        if (r.setup().portfolioId() != null) {
            for (HoldingRow h : portfolio.snapshot(r.setup().portfolioId()).holdings()) {
                if (units.containsKey(h.instrumentId())) {
                    units.put(h.instrumentId(), h.quantity().setScale(0, RoundingMode.HALF_UP).longValueExact());
                }
            }
        }
        double value = r.portfolioValue() > 0 ? r.portfolioValue() : EMPTY_PORTFOLIO_VALUE;
        return allocate.allocate(new AllocateRequest(weights, prices, null, value, lots, null, null,
                method == null ? "greedy" : method, null, units));
    }

    /** The workspace's instruments, for the universe picker. */
    public List<Instrument> instruments() {
        return workspace.instruments();
    }

    /** The portfolio's last build (setup, frontier and when), to reopen where the trader left off. */
    public java.util.Optional<LastBuild> lastBuild(String portfolioId) {
        return history.latestFrontier(portfolioId).flatMap(LastBuild::of);
    }

    /** The workspace's default portfolio's id. */
    public String defaultPortfolioId() {
        return portfolio.defaultPortfolio().id();
    }

    /** The portfolio's current holdings, the default universe. */
    public PortfolioSnapshot holdings(String portfolioId) {
        return portfolio.snapshot(portfolioId);
    }

    /**
     * Computes a build; {@code costRate} (a fraction of the value traded) prices the move from the current
     * holdings, and {@code cancelled} is polled between the candidates.
     *
     * @throws ValidationException (or its no-solution kind) naming the field of the setup at fault
     */
    public BuildResult build(OptimizeRequest setup, double costRate, BooleanSupplier cancelled) {
        if (setup.universe() == null) {
            throw new ValidationException("universe", "choose at least two instruments");
        }
        PortfolioSnapshot snapshot = setup.portfolioId() == null ? null : portfolio.snapshot(setup.portfolioId());
        double value = snapshot == null ? 0 : snapshot.totalValue().doubleValue();
        setup = withVolumes(setup, value > 0 ? value : EMPTY_PORTFOLIO_VALUE);
        FrontierService.Run run = history.frontierRun(setup);
        List<String> tickers = run.estimates().tickers();
        Map<String, Instrument> byId = new HashMap<>();
        workspace.instruments().forEach(i -> byId.put(i.id(), i));
        int n = tickers.size();
        double[] current = new double[n];
        if (snapshot != null) {
            for (HoldingRow h : snapshot.holdings()) {
                int i = tickers.indexOf(h.instrumentId());
                if (i >= 0) {
                    current[i] = h.weight();
                }
            }
        }
        Map<String, PriceBar> latest = workspace.latestPrices(tickers);
        double[] prices = new double[n];
        int[] lots = new int[n];
        List<String> names = new ArrayList<>();
        List<String> sectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instrument ins = byId.get(tickers.get(i));
            names.add(ins.name());
            sectors.add(ins.sector());
            PriceBar bar = latest.get(tickers.get(i));
            prices[i] = bar == null ? Double.NaN : bar.close();
            lots[i] = wholeLot(ins.lotSize());
        }
        double rf = setup.performanceRiskFreeRate() == null ? 0.02 : setup.performanceRiskFreeRate();
        double[][] curve = curve(run);
        BuildResult partial = new BuildResult(setup, tickers, names, sectors, run.estimates().mu(),
                run.estimates().cov(), run.estimates().returns() == null ? new double[0][]
                : run.estimates().returns().complete().values(), current, value,
                snapshot == null ? "USD" : snapshot.currency(), prices, lots, rf, costRate, run.problem(),
                run.exact(), run.response(), curve[0], curve[1], List.of(), run.priorReturns(), null);
        List<BuildResult.Candidate> candidates = candidates(partial, cancelled);
        return new BuildResult(setup, tickers, names, sectors, partial.mu(), partial.cov(), partial.dailyReturns(),
                current, value, partial.currency(), prices, lots, rf, partial.costRate(), run.problem(), run.exact(),
                run.response(), curve[0], curve[1], candidates, run.priorReturns(), RandomPortfolios.cloud(partial));
    }

    /**
     * A liquidity limit given as a share of the average daily volume only, completed from the workspace: each
     * instrument's average volume over its last {@value #ADV_DAYS} bars (instruments without volumes are not
     * limited), the latest closes and the portfolio's value.
     */
    private OptimizeRequest withVolumes(OptimizeRequest setup, double value) {
        var c = setup.constraints();
        if (c == null || c.liquidity() == null || c.liquidity().adv() != null) {
            return setup;
        }
        Map<String, Double> adv = workspace.averageDailyVolumes(setup.universe(), ADV_DAYS);
        if (adv.isEmpty()) {
            throw new ValidationException("constraints.liquidity.max_adv_share",
                    "none of these instruments has volumes to limit trading by");
        }
        Map<String, Double> closes = new LinkedHashMap<>();
        workspace.latestPrices(new ArrayList<>(adv.keySet())).forEach((id, bar) -> closes.put(id, bar.close()));
        var tree = com.positionlab.service.Json.mapper().valueToTree(c);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).set("liquidity", com.positionlab.service.Json.mapper()
                .valueToTree(new OptimizeRequest.Liquidity(value, c.liquidity().maxAdvShare(), adv, closes)));
        return setup.withConstraints(com.positionlab.service.Json.mapper().convertValue(tree,
                OptimizeRequest.ConstraintsSpec.class));
    }

    private List<BuildResult.Candidate> candidates(BuildResult r, BooleanSupplier cancelled) {
        List<BuildResult.Candidate> out = new ArrayList<>();
        for (String[] c : CANDIDATES) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("cancelled");
            }
            ObjectiveSpec objective = new ObjectiveSpec(c[0], null, null, r.riskFreeRate(), null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null);
            OptimizeRequest request = r.setup().asOptimization(objective);
            if (List.of("hrp", "risk_parity", "max_diversification").contains(c[0])) {
                request = request.withConstraints(null);
            }
            try {
                OptimizeResponse answer = history.optimize(request);
                double[] w = new double[r.tickers().size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = answer.weights().get(r.tickers().get(i));
                }
                out.add(new BuildResult.Candidate(c[0], c[1], r.of(c[1], w, true), null));
            } catch (ValidationException e) {
                out.add(new BuildResult.Candidate(c[0], c[1], null, e.getMessage()));
            }
        }
        return out;
    }

    /**
     * The frontier drawn densely by rising return: between consecutive turning points the weights are linear
     * in t, so the variance is the quadratic {@code (1-t)^2 va + 2t(1-t) cab + t^2 vb}, exact at every sample;
     * without the critical line, the sampled points themselves.
     */
    static double[][] curve(FrontierService.Run run) {
        Frontier f = run.exact();
        List<Double> vol = new ArrayList<>();
        List<Double> ret = new ArrayList<>();
        if (f == null) {
            run.response().points().forEach(p -> {
                vol.add(p.volatility());
                ret.add(p.expectedReturn());
            });
        } else {
            double[] minVol = f.minVolatility();
            double low = run.problem().expectedReturn(minVol);
            List<TurningPoint> points = new ArrayList<>(f.points());
            java.util.Collections.reverse(points);
            for (int k = 0; k + 1 < points.size(); k++) {
                TurningPoint a = points.get(k);
                TurningPoint b = points.get(k + 1);
                if (b.expectedReturn() < low) {
                    continue;
                }
                double cab = bilinear(a.weights(), run.problem().cov(), b.weights());
                for (int s = 0; s < SAMPLES_PER_SEGMENT; s++) {
                    double t = s / (double) SAMPLES_PER_SEGMENT;
                    double r = a.expectedReturn() + t * (b.expectedReturn() - a.expectedReturn());
                    if (r < low) {
                        continue;
                    }
                    double v = (1 - t) * (1 - t) * a.variance() + 2 * t * (1 - t) * cab + t * t * b.variance();
                    vol.add(Math.sqrt(Math.max(v, 0)));
                    ret.add(r);
                }
            }
            TurningPoint top = f.points().get(0);
            vol.add(top.volatility());
            ret.add(top.expectedReturn());
            if (ret.size() == 1 || ret.get(0) > low) {
                vol.add(0, Math.sqrt(run.problem().variance(minVol)));
                ret.add(0, low);
            }
        }
        return new double[][] {vol.stream().mapToDouble(Double::doubleValue).toArray(),
                ret.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    private static double bilinear(double[] x, double[][] cov, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0) {
                for (int j = 0; j < y.length; j++) {
                    s += x[i] * cov[i][j] * y[j];
                }
            }
        }
        return s;
    }

    /** A lot size as whole units: at least 1 (fractional lots round up to a whole unit). */
    static int wholeLot(BigDecimal lot) {
        if (lot == null || lot.signum() <= 0) {
            return 1;
        }
        return Math.max(1, lot.setScale(0, RoundingMode.CEILING).intValueExact());
    }
}
