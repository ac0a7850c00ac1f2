package com.positionlab.service.sizing;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.positionlab.domain.Holding;
import com.positionlab.domain.Instrument;
import com.positionlab.domain.PriceBar;
import com.positionlab.domain.Side;
import com.positionlab.domain.Trade;
import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.riskmodel.GarchFit;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.Book;
import com.positionlab.engine.sizing.MarketModel;
import com.positionlab.engine.sizing.PositionSizingEngine;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.engine.sizing.SizingOutcome;
import com.positionlab.engine.sizing.SizingSpec;
import com.positionlab.service.InputLimits;
import com.positionlab.service.Json;
import com.positionlab.service.Money;
import com.positionlab.service.StoreUnavailableException;
import com.positionlab.service.ValidationException;
import com.positionlab.service.metrics.LatencyRecorder;
import com.positionlab.service.portfolio.ReturnAlignment;
import com.positionlab.service.sizing.PositionSizingRequest.HoldingState;
import com.positionlab.service.sizing.PositionSizingRequest.PortfolioState;
import com.positionlab.service.sizing.PositionSizingRequest.RiskBudgets;
import com.positionlab.service.sizing.PositionSizingRequest.RiskConstraints;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.sizing.PositionSizingRequest.StressScenario;
import com.positionlab.service.sizing.PositionSizingRequest.TradingDecision;
import com.positionlab.service.sizing.PositionSizingResponse.BindingConstraint;
import com.positionlab.service.sizing.PositionSizingResponse.BudgetUse;
import com.positionlab.service.sizing.PositionSizingResponse.MethodComparison;
import com.positionlab.service.sizing.PositionSizingResponse.OptimalPosition;
import com.positionlab.service.sizing.PositionSizingResponse.PortfolioImpact;
import com.positionlab.service.sizing.PositionSizingResponse.RiskMetrics;
import com.positionlab.service.sizing.PositionSizingResponse.SizingAnalysis;
import com.positionlab.service.sizing.PositionSizingResponse.StressResult;
import com.positionlab.store.PriceRepository.PriceSeries;
import com.positionlab.store.SizingHistoryRepository;
import com.positionlab.store.SizingHistoryRepository.StoredSizing;
import com.positionlab.store.Store;
import com.positionlab.store.StoreException;

/**
 * The "size a trade" use case: a PositionSizingRequest in, a PositionSizingResponse out, the same for the
 * ticket, the CLI and the API. Return history comes from the request or, with a workspace, from the
 * store; the seed's caches keep rules (1 h), market models (30 min), instrument prices (1 h), recent
 * sizings (30 min) and strategies' trade returns (15 min), all dropped when the store's data changes.
 * Every sizing with a workspace records a {@code position_sized} event through the outbox
 * ({@link SizingEventOutbox}) and returns only once that event is committed; when the workspace cannot
 * write, the sizing fails with a {@link StoreUnavailableException} and {@link #writeHealth()} says why.
 */
public final class PositionSizingService implements AutoCloseable {

    public static final SizingMethod DEFAULT_METHOD = SizingMethod.KELLY_CRITERION;
    public static final RiskModel DEFAULT_RISK_MODEL = RiskModel.HISTORICAL_VAR;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final int DEFAULT_LOOKBACK = 252;
    public static final double DEFAULT_MAX_POSITION = 0.10;
    public static final double DEFAULT_VOLATILITY_TARGET = 0.10;
    public static final double DEFAULT_FIXED_PERCENTAGE = 0.02;
    public static final double DEFAULT_RISK_PER_TRADE = 0.01;
    public static final double DEFAULT_OPTIMAL_F_FRACTION = 0.25;
    public static final int DEFAULT_SCENARIOS = 10_000;
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_MAX_DRAWDOWN = 0.20;
    public static final int DEFAULT_REALISED_WINDOW = 20;
    /** Fewest daily returns a sizing accepts. */
    public static final int MIN_RETURNS = 20;

    private final Store store;
    private final Function<String, Optional<SizingRule>> ruleLookup;
    private final LatencyRecorder metrics = new LatencyRecorder();
    private final SizingEventOutbox outbox;
    private final StoreWriteHealth writeHealth;
    private final TtlCache<String, Optional<SizingRule>> rules;
    private final TtlCache<ModelKey, MarketModel> models;
    private final TtlCache<String, Optional<InstrumentData>> instruments;
    private final TtlCache<ReturnsKey, Aligned> returns;
    private final TtlCache<SizingHistoryRepository.Filter, List<StoredSizing>> recentSizings;
    private final TtlCache<String, double[]> strategyReturns;
    private final TtlCache<String, Optional<StoredBook>> portfolios;

    /** A calculator without a workspace: portfolio state and return history must come in the request. */
    public PositionSizingService() {
        this(null, null);
    }

    public PositionSizingService(Store store) {
        this(store, null);
    }

    /**
     * @param ruleLookup finds a stored rule by id (null: rules are read from nowhere and {@code rule_id}
     *                   is rejected)
     */
    public PositionSizingService(Store store, Function<String, Optional<SizingRule>> ruleLookup) {
        this(store, ruleLookup, new StoreWriteHealth());
    }

    /**
     * @param writeHealth told of every write this service tries (shared with a health check that reports it)
     */
    public PositionSizingService(Store store, Function<String, Optional<SizingRule>> ruleLookup,
                                 StoreWriteHealth writeHealth) {
        this(store, ruleLookup, System::nanoTime, writeHealth, null);
    }

    PositionSizingService(Store store, Function<String, Optional<SizingRule>> ruleLookup, LongSupplier clock) {
        this(store, ruleLookup, clock, new StoreWriteHealth(), null);
    }

    /** With a given outbox (tests: a store that fails or hangs on demand). */
    PositionSizingService(Store store, Function<String, Optional<SizingRule>> ruleLookup, StoreWriteHealth writeHealth,
                          SizingEventOutbox outbox) {
        this(store, ruleLookup, System::nanoTime, writeHealth, outbox);
    }

    private PositionSizingService(Store store, Function<String, Optional<SizingRule>> ruleLookup, LongSupplier clock,
                                  StoreWriteHealth writeHealth, SizingEventOutbox outbox) {
        this.store = store;
        this.ruleLookup = ruleLookup;
        this.writeHealth = writeHealth;
        LongSupplier version = store == null ? () -> 0L : () -> store.database().changeCount();
        rules = new TtlCache<>("active rules", Duration.ofHours(1), clock, version, 1000);
        models = new TtlCache<>("correlation and covariance", Duration.ofMinutes(30), clock, version, 256);
        instruments = new TtlCache<>("instrument performance", Duration.ofHours(1), clock, version, 10_000);
        returns = new TtlCache<>("aligned return history", Duration.ofMinutes(30), clock, version, 256);
        recentSizings = new TtlCache<>("recent sizings", Duration.ofMinutes(30), clock, version, 64);
        strategyReturns = new TtlCache<>("Kelly inputs by strategy", Duration.ofMinutes(15), clock, version, 256);
        portfolios = new TtlCache<>("stored portfolios", Duration.ofMinutes(30), clock, version, 64);
        this.outbox = outbox != null || store == null ? outbox : new SizingEventOutbox(store, writeHealth);
    }

    /**
     * Sizes the request's decision by its method. With a workspace, returns once the sizing's
     * {@code position_sized} event is committed.
     *
     * @throws StoreUnavailableException when the event could not be stored (the sizing is then not answered)
     */
    public PositionSizingResponse size(PositionSizingRequest request) {
        return run(request, false);
    }

    /** Sizes the decision by the request's method and, in {@code comparison}, by every method side by side. */
    public PositionSizingResponse sizeAllMethods(PositionSizingRequest request) {
        return run(request, true);
    }

    /**
     * Sizes by every method like {@link #sizeAllMethods}, for previews (the rule editor): no
     * {@code position_sized} event and not counted in the metrics, since nobody asked for a sizing.
     */
    public PositionSizingResponse preview(PositionSizingRequest request) {
        return run(request, true, false);
    }

    private PositionSizingResponse run(PositionSizingRequest request, boolean compare) {
        return run(request, compare, true);
    }

    private PositionSizingResponse run(PositionSizingRequest request, boolean compare, boolean record) {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            ResolvedRequest r = resolve(request);
            MarketModel model = model(r);
            SizingOutcome o;
            try {
                o = PositionSizingEngine.size(r.spec(), model);
            } catch (InvalidParameterException e) {
                throw new ValidationException(fieldPath(e.field()), reason(e));
            }
            List<MethodComparison> comparison = null;
            if (compare) {
                comparison = new ArrayList<>();
                for (SizingOutcome c : PositionSizingEngine.compare(r.spec(), model)) {
                    comparison.add(comparisonRow(c));
                }
            }
            String sizingId = newId();
            double ms = (System.nanoTime() - start) / 1e6;
            PositionSizingResponse response = toResponse(sizingId, r, o, model, comparison, ms);
            if (outbox != null && record) {
                outbox.record(sizingId, r.decisionId(), response);
            }
            failed = false;
            return response;
        } catch (StoreException e) {
            // The workspace failed under the sizing (H2 closes the file after a failed write): a 503, not a fault.
            throw new StoreUnavailableException("could not read the workspace: " + StoreWriteHealth.reason(e), e);
        } finally {
            if (record) {
                metrics.record(System.nanoTime() - start, failed);
            }
        }
    }

    // ---- accepting, history, events -----------------------------------------------------------------

    /**
     * Stores an accepted sizing in position_sizing_history and, when asked, adds the units to the
     * portfolio's holding (a short reduces it).
     *
     * @throws ValidationException when there is no workspace, or the decision was already accepted with this method
     */
    public void accept(PositionSizingRequest request, PositionSizingResponse response, boolean updateHoldings) {
        if (store == null) {
            throw new ValidationException("workspace", "accepting a sizing needs a workspace");
        }
        OptimalPosition p = response.optimalPosition();
        TradingDecision d = request.tradingDecision();
        String decisionId = d.decisionId() == null || d.decisionId().isBlank() ? response.sizingId() : d.decisionId();
        String portfolioId = request.portfolioState() != null && request.portfolioState().portfolioId() != null
                ? request.portfolioState().portfolioId() : store.portfolios().findAll().stream().findFirst()
                .map(com.positionlab.domain.Portfolio::id).orElse(null);
        boolean duplicate = store.sizingHistory().list(new SizingHistoryRepository.Filter(p.instrumentId(),
                p.sizingMethodUsed(), null, 1000)).stream().anyMatch(s -> s.decisionId().equals(decisionId));
        if (duplicate) {
            throw new ValidationException("trading_decision.decision_id", "\"" + decisionId
                    + "\" was already accepted with " + p.sizingMethodUsed());
        }
        saveHistory(request, response, decisionId, portfolioId);
        recentSizings.invalidateAll();
        if (updateHoldings && portfolioId != null && p.recommendedSize().signum() > 0) {
            BigDecimal delta = "SHORT".equals(p.direction()) ? p.recommendedSize().negate() : p.recommendedSize();
            BigDecimal held = store.portfolios().holdings(portfolioId).stream()
                    .filter(h -> h.instrumentId().equals(p.instrumentId())).map(Holding::quantity)
                    .findFirst().orElse(BigDecimal.ZERO);
            BigDecimal now = held.add(delta);
            if (now.signum() == 0) {
                store.portfolios().deleteHolding(portfolioId, p.instrumentId());
            } else {
                store.portfolios().saveHoldings(List.of(new Holding(portfolioId, p.instrumentId(), now)));
            }
        }
    }

    /** Commits the accepted sizing to position_sizing_history before {@link #accept} goes on. */
    private void saveHistory(PositionSizingRequest request, PositionSizingResponse response, String decisionId,
                             String portfolioId) {
        OptimalPosition p = response.optimalPosition();
        StoredSizing row;
        try {
            row = new StoredSizing(response.sizingId(), decisionId, portfolioId, p.instrumentId(), p.direction(),
                    p.sizingMethodUsed(), request.ruleId(), p.recommendedSize(), p.recommendedNotional(),
                    p.recommendedWeight(), response.sizingAnalysis().kellyFraction(), p.confidenceScore(),
                    Json.mapper().writeValueAsString(request), Json.mapper().writeValueAsString(response),
                    response.processingTimeMs(), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sizing could not be written as JSON", e);
        }
        try {
            store.sizingHistory().save(row);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && isConstraintViolation(sql)) {
                throw e;
            }
            throw writeHealth.failed("the accepted sizing " + response.sizingId(), e);
        }
        writeHealth.succeeded();
    }

    private static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    /** Accepted sizings, newest first (cached for 30 minutes, dropped on any change). */
    public List<StoredSizing> history(SizingHistoryRepository.Filter filter) {
        if (store == null) {
            return List.of();
        }
        return recentSizings.get(filter, f -> store.sizingHistory().list(f));
    }

    /** Writes every stored event as JSON Lines (one {@code position_sized} payload per line); returns how many. */
    public int exportEvents(Writer out) throws IOException {
        if (outbox == null) {
            return 0;
        }
        return outbox.exportJsonLines(out);
    }

    /** Kept for callers of the queued outbox: every recorded event is already committed, so this returns at once. */
    public void flushEvents() {
        if (outbox != null) {
            outbox.flush();
        }
    }

    /** Whether the workspace accepts the writes this service must make, and why not. */
    public StoreWriteHealth writeHealth() {
        return writeHealth;
    }

    /** Latency and counts of the sizings this service ran (bad input counts as an error). */
    public LatencyRecorder metrics() {
        return metrics;
    }

    /** The caches, for the Activity view and tests. */
    public List<TtlCache<?, ?>> caches() {
        return List.of(rules, models, instruments, returns, recentSizings, strategyReturns, portfolios);
    }

    @Override
    public void close() {
        if (outbox != null) {
            outbox.close();
        }
    }

    // ---- resolving the request -------------------------------------------------------------------------

    ResolvedRequest resolve(PositionSizingRequest request) {
        Checks c = new Checks();
        if (request == null) {
            throw new ValidationException("request", "is empty; expected a JSON object");
        }
        TradingDecision d = request.tradingDecision();
        SizingRule rule = null;
        if (request.ruleId() != null) {
            if (ruleLookup == null) {
                c.fail("rule_id", "stored rules need a workspace");
            } else {
                rule = rules.get(request.ruleId(), ruleLookup).orElse(null);
                if (rule == null) {
                    c.fail("rule_id", "no rule " + ValidationException.quote(request.ruleId()));
                }
            }
        }
        SizingParameters p = merge(request.sizingParameters(), rule == null ? null : rule.parameters());
        RiskConstraints rc = merge(request.riskConstraints(), rule == null ? null : rule.constraints());

        if (d == null) {
            c.fail("trading_decision", "is required");
            c.throwIfAny();
        }
        String instrumentId = c.requiredText("trading_decision.instrument_id", d.instrumentId());
        c.id("trading_decision.instrument_id", instrumentId);
        c.id("trading_decision.decision_id", d.decisionId());
        c.id("trading_decision.strategy_id", d.strategyId());
        c.name("trading_decision.sector", d.sector());
        Side side = c.required("trading_decision.direction", d.direction());
        double entry = Double.NaN;
        if (d.entryPrice() == null) {
            c.fail("trading_decision.entry_price", "is required");
        } else {
            entry = c.positive("trading_decision.entry_price", d.entryPrice());
        }
        double stop = c.positive("trading_decision.stop_price", d.stopPrice());
        if (!Double.isNaN(stop) && !Double.isNaN(entry) && side != null) {
            if (side == Side.LONG && stop >= entry) {
                c.fail("trading_decision.stop_price", "must be below the entry price " + Checks.num(entry)
                        + " for a LONG, got " + Checks.num(stop));
            } else if (side == Side.SHORT && stop <= entry) {
                c.fail("trading_decision.stop_price", "must be above the entry price " + Checks.num(entry)
                        + " for a SHORT, got " + Checks.num(stop));
            }
        }
        double expected = c.range("trading_decision.expected_return", d.expectedReturn(), Double.NaN, -1, true, 10,
                false);
        c.range("trading_decision.win_probability", d.winProbability(), Double.NaN, 0, false, 1, false);
        if (d.lotSize() != null && d.lotSize().signum() <= 0) {
            c.fail("trading_decision.lot_size", "must be positive, got " + InputLimits.show(d.lotSize()));
        } else if (InputLimits.checkDecimal(d.lotSize()) != null) {
            c.fail("trading_decision.lot_size", InputLimits.checkDecimal(d.lotSize()));
        }
        Conviction conviction = d.conviction() == null ? Conviction.MEDIUM : d.conviction();

        // Parameters.
        SizingParameters sp = p == null ? emptyParameters() : p;
        SizingMethod method = sp.sizingMethod() == null ? DEFAULT_METHOD : sp.sizingMethod();
        RiskModel riskModel = sp.riskModel() == null ? DEFAULT_RISK_MODEL : sp.riskModel();
        String pp = "sizing_parameters.";
        double confidence = c.range(pp + "confidence_level", sp.confidenceLevel(), DEFAULT_CONFIDENCE, 0, true, 1, true);
        int lookback = c.intRange(pp + "lookback_period", sp.lookbackPeriod(), DEFAULT_LOOKBACK, MIN_RETURNS, 5000);
        double maxPos = c.range(pp + "max_position_size", sp.maxPositionSize(), DEFAULT_MAX_POSITION, 0, true, 10,
                false);
        double minPos = c.range(pp + "min_position_size", sp.minPositionSize(), 0, 0, false, 10, false);
        if (minPos > maxPos) {
            c.fail(pp + "min_position_size", "must not exceed max_position_size (" + Checks.num(maxPos) + "), got "
                    + Checks.num(minPos));
        }
        double volTarget = c.range(pp + "volatility_target", sp.volatilityTarget(), DEFAULT_VOLATILITY_TARGET, 0, true,
                2, false);
        double fixedPct = c.range(pp + "fixed_percentage", sp.fixedPercentage(), DEFAULT_FIXED_PERCENTAGE, 0, true, 1,
                false);
        double riskPerTrade = c.range(pp + "risk_per_trade", sp.riskPerTrade(), DEFAULT_RISK_PER_TRADE, 0, true, 0.2,
                false);
        double kellyMult = c.range(pp + "kelly_multiplier", sp.kellyMultiplier(),
                com.positionlab.engine.kelly.KellyPolicy.DEFAULT_KELLY_MULTIPLIER, 0, true, 1, false);
        double kellyCap = c.range(pp + "max_kelly_fraction", sp.maxKellyFraction(),
                com.positionlab.engine.kelly.KellyPolicy.DEFAULT_MAX_KELLY_FRACTION, 0, true, 1, false);
        double optimalFFraction = c.range(pp + "optimal_f_fraction", sp.optimalFFraction(), DEFAULT_OPTIMAL_F_FRACTION,
                0, true, 1, false);
        int horizon = c.intRange(pp + "horizon_days", sp.horizonDays(), 1, 1, 250);
        int scenarios = c.intRange(pp + "monte_carlo_scenarios", sp.monteCarloScenarios(), DEFAULT_SCENARIOS, 1000,
                1_000_000);
        double[] tradeReturns = sp.tradeReturns();
        if (tradeReturns != null) {
            for (int i = 0; i < tradeReturns.length; i++) {
                if (!Double.isFinite(tradeReturns[i]) || tradeReturns[i] <= -1) {
                    c.fail(pp + "trade_returns[" + i + "]", "must be a finite return above -1, got " + tradeReturns[i]);
                    break;
                }
            }
        }
        if (method == SizingMethod.FIXED_RISK && d.stopPrice() == null) {
            c.fail("trading_decision.stop_price", "is required for FIXED_RISK");
        }

        // Constraints.
        RiskConstraints k = rc == null ? new RiskConstraints(null, null, null, null, null, null) : rc;
        String kp = "risk_constraints.";
        boolean varLimit = k.riskLimitMeasure() == PositionSizingRequest.RiskLimitMeasure.VAR;
        double maxRisk = c.range(kp + "max_portfolio_risk", k.maxPortfolioRisk(), Double.NaN, 0, true, varLimit ? 1 : 2,
                false);
        double maxInstrument = c.range(kp + "max_instrument_weight", k.maxInstrumentWeight(), Double.NaN, 0, true, 10,
                false);
        double maxSector = c.range(kp + "max_sector_weight", k.maxSectorWeight(), Double.NaN, 0, true, 10, false);
        double corrLimit = c.range(kp + "correlation_limit", k.correlationLimit(), Double.NaN, -1, false, 1, false);
        double leverage = c.range(kp + "leverage_limit", k.leverageLimit(), Double.NaN, 0, true, 100, false);

        // Portfolio.
        PortfolioState ps = request.portfolioState();
        Double drawdownGiven = ps == null ? null : ps.currentDrawdown();
        double drawdown = c.range("portfolio_state.current_drawdown", drawdownGiven, Double.NaN, 0, false, 1, true);
        SizingSpec.Budgets budgets = budgets(c, request.riskBudgets(), drawdown, lookback);
        List<SizingSpec.Shock> shocks = shocks(c, request.stressScenarios());
        c.throwIfAny();

        Book0 book0 = portfolio(c, ps, instrumentId);
        c.throwIfAny();
        Optional<InstrumentData> stored = instrument(instrumentId);
        String sector = d.sector() != null && !d.sector().isBlank() ? d.sector().trim()
                : stored.map(InstrumentData::sector).orElse(book0.sectorOf(instrumentId));
        BigDecimal lot = d.lotSize() != null ? d.lotSize() : stored.map(InstrumentData::lotSize).orElse(BigDecimal.ONE);
        if (method == SizingMethod.OPTIMAL_F && tradeReturns == null) {
            tradeReturns = d.strategyId() == null ? null : strategyReturns(d.strategyId());
            if (tradeReturns == null) {
                c.fail("sizing_parameters.trade_returns", "OPTIMAL_F needs the strategy's trades: give trade_returns, "
                        + "or a trading_decision.strategy_id with trades in the workspace");
                c.throwIfAny();
            }
        }
        SizingSpec spec = new SizingSpec(
                new SizingSpec.Trade(side == Side.LONG ? 1 : -1, book0.equity, entry, stop, lot, expected, conviction,
                        d.strategyId(), lookback),
                new SizingSpec.Method(method, volTarget, fixedPct, riskPerTrade, kellyMult, kellyCap, optimalFFraction,
                        tradeReturns),
                new SizingSpec.Risk(riskModel, confidence, horizon, Boolean.TRUE.equals(sp.cornishFisher()), scenarios,
                        sp.seed() == null ? DEFAULT_SEED : sp.seed()),
                new SizingSpec.Limits(maxPos, minPos, maxRisk, varLimit, maxInstrument, maxSector, corrLimit, leverage),
                budgets, shocks);
        String decisionId = d.decisionId() == null || d.decisionId().isBlank() ? null : d.decisionId().trim();
        return new ResolvedRequest(decisionId, instrumentId, side, sector, book0.currency, book0.equity,
                book0.positions, ps == null ? null : ps.returnHistory(), request.ruleId(), spec);
    }

    private static SizingParameters emptyParameters() {
        return new SizingParameters(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    private SizingSpec.Budgets budgets(Checks c, RiskBudgets b, double drawdown, int lookback) {
        if (b == null) {
            return null;
        }
        double total = Double.NaN;
        if (b.totalVolatility() == null) {
            c.fail("risk_budgets.total_volatility", "is required with risk_budgets");
        } else {
            total = c.range("risk_budgets.total_volatility", b.totalVolatility(), Double.NaN, 0, true, 2, false);
        }
        Map<String, Double> sectors = shares(c, "risk_budgets.sector_shares", b.sectorShares());
        Map<String, Double> strategies = shares(c, "risk_budgets.strategy_shares", b.strategyShares());
        double maxDd = c.range("risk_budgets.max_drawdown", b.maxDrawdown(), DEFAULT_MAX_DRAWDOWN, 0, true, 1, false);
        int window = c.intRange("risk_budgets.realised_window", b.realisedWindow(), DEFAULT_REALISED_WINDOW, 5,
                lookback);
        return new SizingSpec.Budgets(total, sectors, strategies, maxDd, window, drawdown);
    }

    private static Map<String, Double> shares(Checks c, String field, Map<String, Double> shares) {
        if (shares == null) {
            return Map.of();
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            if (e.getValue() == null || !(e.getValue() >= 0 && e.getValue() <= 1)) {
                c.fail(field + "." + e.getKey(), "must be a share in [0, 1], got " + e.getValue());
                return Map.of();
            }
            sum += e.getValue();
        }
        if (sum > 1 + 1e-9) {
            c.fail(field, "shares add up to " + Checks.num(sum) + "; at most 1");
        }
        return new LinkedHashMap<>(shares);
    }

    private static List<SizingSpec.Shock> shocks(Checks c, List<StressScenario> scenarios) {
        if (scenarios == null) {
            return List.of();
        }
        List<SizingSpec.Shock> out = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            StressScenario s = scenarios.get(i);
            String f = "stress_scenarios[" + i + "]";
            if (s == null) {
                c.fail(f, "must be an object");
                continue;
            }
            String name = s.name() == null || s.name().isBlank() ? "Scenario " + (i + 1) : s.name().trim();
            checkShocks(c, f + ".instrument_shocks", s.instrumentShocks());
            checkShocks(c, f + ".sector_shocks", s.sectorShocks());
            out.add(new SizingSpec.Shock(name, s.instrumentShocks() == null ? Map.of() : s.instrumentShocks(),
                    s.sectorShocks() == null ? Map.of() : s.sectorShocks()));
        }
        return out;
    }

    private static void checkShocks(Checks c, String field, Map<String, Double> shocks) {
        if (shocks == null) {
            return;
        }
        shocks.forEach((k, v) -> {
            if (v == null || !(v >= -1 && v <= 10)) {
                c.fail(field + "." + k, "must be a simple return in [-1, 10], got " + v);
            }
        });
    }

    /** The book the trade joins: from the request, or from the store's portfolio. */
    private record Book0(String portfolioId, double equity, String currency, List<ResolvedRequest.Position> positions) {
        String sectorOf(String id) {
            return positions.stream().filter(p -> p.instrumentId().equals(id)).map(ResolvedRequest.Position::sector)
                    .filter(Objects::nonNull).findFirst().orElse(Instrument.UNCLASSIFIED);
        }
    }

    private Book0 portfolio(Checks c, PortfolioState ps, String candidate) {
        if (ps == null || ps.holdings() == null && ps.equity() == null && ps.cash() == null) {
            if (store == null) {
                c.fail("portfolio_state", "is required without a workspace");
                return null;
            }
            return storedPortfolio(c, ps == null ? null : ps.portfolioId());
        }
        List<ResolvedRequest.Position> positions = new ArrayList<>();
        double value = 0;
        List<HoldingState> holdings = ps.holdings() == null ? List.of() : ps.holdings();
        java.util.Set<String> seen = new java.util.HashSet<>(holdings.size() * 2 + 1);
        for (int i = 0; i < holdings.size(); i++) {
            HoldingState h = holdings.get(i);
            String f = "portfolio_state.holdings[" + i + "]";
            if (h == null) {
                c.fail(f, "must be an object");
                continue;
            }
            String id = c.requiredText(f + ".instrument_id", h.instrumentId());
            c.id(f + ".instrument_id", id);
            c.decimal(f + ".quantity", h.quantity());
            if (id != null && !seen.add(id)) {
                c.fail(f + ".instrument_id", ValidationException.quote(id) + " is listed twice");
            }
            if (h.quantity() == null) {
                c.fail(f + ".quantity", "is required");
            } else if (h.quantity().signum() == 0) {
                c.fail(f + ".quantity", "must not be zero");
            }
            double price = h.price() == null ? Double.NaN : c.positive(f + ".price", h.price());
            if (h.price() == null && id != null) {
                price = instrument(id).map(InstrumentData::lastClose).orElse(Double.NaN);
                if (Double.isNaN(price)) {
                    c.fail(f + ".price", "is required: the workspace has no price for " + id);
                }
            }
            if (id == null || h.quantity() == null || Double.isNaN(price)) {
                continue;
            }
            String sector = h.sector() != null ? h.sector()
                    : instrument(id).map(InstrumentData::sector).orElse(Instrument.UNCLASSIFIED);
            positions.add(new ResolvedRequest.Position(id, h.quantity().doubleValue(), price, sector, h.strategyId()));
            value += h.quantity().doubleValue() * price;
        }
        c.decimal("portfolio_state.cash", ps.cash());
        double cash = ps.cash() == null ? 0 : ps.cash().doubleValue();
        double equity;
        if (ps.equity() != null) {
            equity = ps.equity().doubleValue();
            if (!(equity > 0)) {
                c.fail("portfolio_state.equity", "must be positive, got " + InputLimits.show(ps.equity()));
            } else if (InputLimits.checkDecimal(ps.equity()) != null) {
                c.fail("portfolio_state.equity", InputLimits.checkDecimal(ps.equity()));
            }
        } else {
            equity = cash + value;
            if (!(equity > 0)) {
                c.fail("portfolio_state.equity", "is required: cash plus holdings is " + Checks.num(equity));
            }
        }
        String currency = ps.currency() == null ? "USD" : ps.currency().trim().toUpperCase(java.util.Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            c.fail("portfolio_state.currency", "must be a three-letter ISO code, got "
                    + ValidationException.quote(ps.currency()));
        }
        return new Book0(ps.portfolioId(), equity, currency, positions);
    }

    /** A stored portfolio as read once: its id, cash, currency and holdings. */
    private record StoredBook(String id, BigDecimal cash, String currency, List<Holding> holdings) {
    }

    private Book0 storedPortfolio(Checks c, String portfolioId) {
        Optional<StoredBook> read = portfolios.get(portfolioId == null ? "" : portfolioId, key -> {
            String id = key.isEmpty() ? store.portfolios().findAll().stream().findFirst()
                    .map(com.positionlab.domain.Portfolio::id).orElse(null) : key;
            return id == null ? Optional.empty() : store.portfolios().find(id).map(p -> new StoredBook(p.id(), p.cash(),
                    p.baseCurrency(), List.copyOf(store.portfolios().holdings(p.id()))));
        });
        if (read.isEmpty()) {
            if (portfolioId == null) {
                c.fail("portfolio_state", "is required: the workspace has no portfolio");
            } else {
                c.fail("portfolio_state.portfolio_id", "no portfolio " + ValidationException.quote(portfolioId)
                        + " in the workspace");
            }
            return null;
        }
        StoredBook book = read.get();
        List<ResolvedRequest.Position> positions = new ArrayList<>();
        double value = 0;
        for (Holding h : book.holdings()) {
            Optional<InstrumentData> ins = instrument(h.instrumentId());
            double price = ins.map(InstrumentData::lastClose).orElse(Double.NaN);
            if (Double.isNaN(price)) {
                c.fail("portfolio_state", "holding " + h.instrumentId() + " has no price in the workspace");
                continue;
            }
            positions.add(new ResolvedRequest.Position(h.instrumentId(), h.quantity().doubleValue(), price,
                    ins.get().sector(), null));
            value += h.quantity().doubleValue() * price;
        }
        double equity = value + book.cash().doubleValue();
        if (!(equity > 0)) {
            c.fail("portfolio_state.equity", "the stored portfolio " + book.id() + " is worth " + Checks.num(equity));
        }
        return new Book0(book.id(), equity, book.currency(), positions);
    }

    // ---- market data ------------------------------------------------------------------------------------

    /** What the sizing needs of an instrument from the store. */
    record InstrumentData(String sector, BigDecimal lotSize, String currency, double lastClose) {
    }

    private Optional<InstrumentData> instrument(String id) {
        if (store == null) {
            return Optional.empty();
        }
        return instruments.get(id, key -> store.instruments().find(key).map(ins -> {
            PriceBar last = store.prices().latest(List.of(key)).get(key);
            return new InstrumentData(ins.sector(), ins.lotSize(), ins.currency(),
                    last == null ? Double.NaN : last.close());
        }));
    }

    private double[] strategyReturns(String strategyId) {
        if (store == null) {
            return null;
        }
        double[] r = strategyReturns.get(strategyId, id -> store.trades().trades(id).stream()
                .mapToDouble(Trade::returnOnEntry).toArray());
        return r.length == 0 ? null : r;
    }

    /** Identity of a book for the model cache: ids, weights, sectors, strategies, candidate, lookback. */
    private record ModelKey(String[] ids, double[] weights, String[] sectors, String[] strategies, int candidate,
                            int lookback, Object history) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ModelKey k && candidate == k.candidate && lookback == k.lookback
                    && history == k.history && Arrays.equals(weights, k.weights) && Arrays.equals(ids, k.ids)
                    && Arrays.equals(sectors, k.sectors) && Arrays.equals(strategies, k.strategies);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(ids) + Arrays.hashCode(weights)) + candidate * 7 + lookback;
        }
    }

    private record ReturnsKey(List<String> ids, int lookback) {
    }

    /** Aligned daily returns, {@code returns[asset][day]}, and the dates the days end on. */
    private record Aligned(double[][] returns, List<LocalDate> dates) {
    }

    private MarketModel model(ResolvedRequest r) {
        List<ResolvedRequest.Position> others = new ArrayList<>();
        ResolvedRequest.Position held = null;
        for (ResolvedRequest.Position p : r.holdings()) {
            if (p.instrumentId().equals(r.instrumentId())) {
                held = p;
            } else {
                others.add(p);
            }
        }
        int n = others.size() + 1;
        String[] ids = new String[n];
        double[] weights = new double[n];
        String[] sectors = new String[n];
        String[] strategies = new String[n];
        for (int i = 0; i < others.size(); i++) {
            ResolvedRequest.Position p = others.get(i);
            ids[i] = p.instrumentId();
            weights[i] = p.quantity() * p.price() / r.equity();
            sectors[i] = p.sector();
            strategies[i] = p.strategyId();
        }
        int k = n - 1;
        ids[k] = r.instrumentId();
        weights[k] = held == null ? 0 : held.quantity() * held.price() / r.equity();
        sectors[k] = r.sector();
        strategies[k] = held == null ? null : held.strategyId();
        int lookback = r.spec().trade().lookback();
        Map<String, double[]> history = r.returnHistory();
        ModelKey key = new ModelKey(ids, weights, sectors, strategies, k, lookback, history);
        return models.get(key, x -> {
            double[][] rets = history != null ? fromRequest(ids, history, lookback)
                    : fromStore(ids, lookback).returns();
            try {
                return MarketModel.of(new Book(ids, weights, sectors, strategies, rets, k));
            } catch (InvalidParameterException e) {
                throw new ValidationException(fieldPath(e.field()), reason(e));
            }
        });
    }

    private static double[][] fromRequest(String[] ids, Map<String, double[]> history, int lookback) {
        Checks c = new Checks();
        double[][] out = new double[ids.length][];
        int length = -1;
        for (int i = 0; i < ids.length; i++) {
            double[] h = history.get(ids[i]);
            String f = "portfolio_state.return_history." + ids[i];
            if (h == null) {
                c.fail(f, "is required: every holding and the traded instrument need a return history");
                continue;
            }
            if (length >= 0 && h.length != length) {
                c.fail(f, "has " + h.length + " returns; the others have " + length);
                continue;
            }
            length = h.length;
            for (int t = 0; t < h.length; t++) {
                if (!Double.isFinite(h[t]) || h[t] <= -1) {
                    c.fail(f + "[" + t + "]", "must be a finite simple return above -1, got " + h[t]);
                    break;
                }
            }
            int from = Math.max(0, h.length - lookback);
            out[i] = Arrays.copyOfRange(h, from, h.length);
        }
        if (length >= 0 && length < MIN_RETURNS) {
            c.fail("portfolio_state.return_history", "needs at least " + MIN_RETURNS + " daily returns, got " + length);
        }
        c.throwIfAny();
        return out;
    }

    private Aligned fromStore(String[] ids, int lookback) {
        if (store == null) {
            throw new ValidationException("portfolio_state.return_history", "is required without a workspace");
        }
        List<String> list = List.of(ids);
        return returns.get(new ReturnsKey(list, lookback), key -> {
            List<String> missing = new ArrayList<>();
            for (String id : list) {
                if (instrument(id).isEmpty()) {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty()) {
                throw new ValidationException(missing.contains(ids[ids.length - 1]) ? "trading_decision.instrument_id"
                        : "portfolio_state.holdings", "not in the workspace: " + String.join(", ", missing));
            }
            LocalDate from = LocalDate.now().minusYears(100);
            Map<String, PriceSeries> series = store.prices().adjustedCloses(list, from);
            ReturnAlignment.Aligned a = ReturnAlignment.align(new ArrayList<>(series.values()), lookback);
            double[][] byDay = a.returns();
            if (byDay.length < MIN_RETURNS) {
                throw new ValidationException("trading_decision.instrument_id", "only " + byDay.length
                        + " daily returns on dates every instrument of the book and " + ids[ids.length - 1]
                        + " has a price; sizing needs " + MIN_RETURNS);
            }
            double[][] out = new double[ids.length][byDay.length];
            for (int t = 0; t < byDay.length; t++) {
                for (int i = 0; i < ids.length; i++) {
                    out[i][t] = byDay[t][i];
                }
            }
            return new Aligned(out, a.dates().subList(1, a.dates().size()));
        });
    }

    // ---- the response ---------------------------------------------------------------------------------

    private PositionSizingResponse toResponse(String sizingId, ResolvedRequest r, SizingOutcome o, MarketModel model,
                                              List<MethodComparison> comparison, double ms) {
        String ccy = r.currency();
        OptimalPosition position = new OptimalPosition(sizingId, r.instrumentId(), r.side().name(), o.units(),
                Money.round(o.notional(), ccy), round(o.weight()), ccy, o.method().name(),
                round(o.confidenceScore()), o.reason());
        SizingOutcome.Impact im = o.impact();
        PortfolioImpact impact = new PortfolioImpact(round(im.portfolioRiskChange()), round(im.correlationImpact()),
                round(im.diversificationBenefit()), round(im.concentrationRisk()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("raw_weight", round(o.rawWeight()));
        details.put("volatility_before", round(im.volatilityBefore()));
        details.put("volatility_after", round(im.volatilityAfter()));
        o.details().forEach((key, v) -> details.put(key, v instanceof Double dv ? round(dv) : v));
        if (r.ruleId() != null) {
            details.put("rule_id", r.ruleId());
        }
        SizingAnalysis analysis = new SizingAnalysis(finite(o.kellyFraction()), finite(o.expectedReturn()),
                finite(o.expectedVolatility()), finite(o.sharpeRatio()), impact, details);
        SizingOutcome.RiskFigures f = o.risk();
        Map<String, Double> garch = null;
        GarchFit g = f.candidateGarch();
        if (g != null) {
            garch = new LinkedHashMap<>();
            garch.put("omega", g.omega());
            garch.put("alpha", g.alpha());
            garch.put("beta", g.beta());
            garch.put("mu", g.mu());
            garch.put("log_likelihood", g.logLikelihood());
            garch.put("forecast_volatility", g.forecastVolatility());
        }
        SizingSpec.Risk rs = r.spec().risk();
        BigDecimal equity = BigDecimal.valueOf(r.equity());
        RiskMetrics risk = new RiskMetrics(rs.model().name(), rs.confidence(), rs.horizonDays(),
                "square root of time", round(f.positionVar()), round(f.positionCvar()), round(f.portfolioVarBefore()),
                round(f.portfolioCvarBefore()), round(f.portfolioVarAfter()), round(f.portfolioCvarAfter()),
                Money.round(equity.multiply(BigDecimal.valueOf(f.positionVar())), ccy),
                Money.round(equity.multiply(BigDecimal.valueOf(f.portfolioVarAfter())), ccy), garch);
        List<BindingConstraint> bindings = o.bindings().stream().map(b -> new BindingConstraint(b.name(),
                round(b.weightBefore()), round(b.weightAfter()), b.reason())).toList();
        List<BudgetUse> budgets = o.budgets().isEmpty() ? null : o.budgets().stream().map(b -> new BudgetUse(b.kind(),
                b.name(), round(b.budget()), round(b.usedBefore()), round(b.usedAfter()))).toList();
        List<LocalDate> dates = r.returnHistory() == null && store != null
                ? fromStore(model.book().ids(), r.spec().trade().lookback()).dates() : null;
        List<StressResult> stress = o.stress().stream().map(s -> new StressResult(s.name(), s.kind(),
                window(s, dates), round(s.portfolioPnlBefore()), round(s.portfolioPnlAfter()),
                round(s.positionPnl()))).toList();
        return new PositionSizingResponse(sizingId, position, analysis, risk, bindings, budgets, stress, comparison,
                o.warnings().isEmpty() ? null : o.warnings(), ms);
    }

    private static String window(SizingOutcome.StressOutcome s, List<LocalDate> dates) {
        if (s.windowStart() < 0) {
            return null;
        }
        if (dates == null || s.windowStart() + s.days() > dates.size()) {
            return "days " + (s.windowStart() + 1) + " to " + (s.windowStart() + s.days()) + " of the history";
        }
        LocalDate first = dates.get(s.windowStart());
        LocalDate last = dates.get(s.windowStart() + s.days() - 1);
        return first.equals(last) ? first.toString() : first + " to " + last;
    }

    private static MethodComparison comparisonRow(SizingOutcome c) {
        return new MethodComparison(c.method().name(), c.units(), c.notional(), round(c.weight()),
                round(c.rawWeight()), c.bindings().stream().map(SizingOutcome.Binding::name).toList(), c.reason());
    }

    /** Ten significant digits, so arithmetic noise ({@code 0.045097499510000004}) does not reach the JSON. */
    static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        double scale = Math.pow(10, 9 - exponent);
        double scaled = v * scale;
        if (!Double.isFinite(scale) || Math.abs(scaled) > 1e15) {
            return v;
        }
        return Math.rint(scaled) / scale;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? round(v) : null;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static SizingParameters merge(SizingParameters a, SizingParameters b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new SizingParameters(or(a.sizingMethod(), b.sizingMethod()), or(a.riskModel(), b.riskModel()),
                or(a.confidenceLevel(), b.confidenceLevel()), or(a.lookbackPeriod(), b.lookbackPeriod()),
                or(a.maxPositionSize(), b.maxPositionSize()), or(a.minPositionSize(), b.minPositionSize()),
                or(a.volatilityTarget(), b.volatilityTarget()), or(a.fixedPercentage(), b.fixedPercentage()),
                or(a.riskPerTrade(), b.riskPerTrade()), or(a.kellyMultiplier(), b.kellyMultiplier()),
                or(a.maxKellyFraction(), b.maxKellyFraction()), or(a.optimalFFraction(), b.optimalFFraction()),
                or(a.tradeReturns(), b.tradeReturns()), or(a.horizonDays(), b.horizonDays()),
                or(a.cornishFisher(), b.cornishFisher()), or(a.monteCarloScenarios(), b.monteCarloScenarios()),
                or(a.seed(), b.seed()));
    }

    private static RiskConstraints merge(RiskConstraints a, RiskConstraints b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new RiskConstraints(or(a.maxPortfolioRisk(), b.maxPortfolioRisk()),
                or(a.riskLimitMeasure(), b.riskLimitMeasure()), or(a.maxInstrumentWeight(), b.maxInstrumentWeight()),
                or(a.maxSectorWeight(), b.maxSectorWeight()), or(a.correlationLimit(), b.correlationLimit()),
                or(a.leverageLimit(), b.leverageLimit()));
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    /** Engine field names are bare ({@code stop_price}); the contract's are paths. */
    private static String fieldPath(String field) {
        return switch (field) {
            case "stop_price", "entry_price", "direction", "expected_return" -> "trading_decision." + field;
            case "equity" -> "portfolio_state.equity";
            case "trade_returns" -> "sizing_parameters.trade_returns";
            case "returns" -> "portfolio_state.return_history";
            case "kelly_multiplier", "max_kelly_fraction" -> "sizing_parameters." + field;
            default -> field;
        };
    }

    private static String reason(InvalidParameterException e) {
        String m = e.getMessage();
        return m.startsWith(e.field() + ": ") ? m.substring(e.field().length() + 2) : m;
    }

    private static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
