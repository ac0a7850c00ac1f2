package com.positionlab.service.sizing;

import com.positionlab.domain.SizingHistoryFilter;
import com.positionlab.domain.StoredSizing;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.positionlab.domain.Holding;
import com.positionlab.domain.PriceBar;
import com.positionlab.domain.Trade;
import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.sizing.Book;
import com.positionlab.engine.sizing.MarketModel;
import com.positionlab.service.ValidationException;
import com.positionlab.service.portfolio.ReturnAlignment;
import com.positionlab.store.PriceRepository.PriceSeries;
import com.positionlab.store.Store;

/**
 * The workspace's data a sizing reads, each kind behind its own cache that the store's changes drop:
 * stored rules (1 h), instruments with their last close (1 h), covariance models (30 min), aligned return
 * histories (30 min), accepted sizings (30 min), strategies' trade returns (15 min) and stored portfolios
 * (30 min). Without a workspace every lookup is empty and the return history must come with the request.
 */
final class SizingMarketData {

    /** A stored portfolio as read once: its id, cash, currency and holdings. */
    record StoredBook(String id, BigDecimal cash, String currency, List<Holding> holdings) {
    }

    private final Store store;
    private final Function<String, Optional<SizingRule>> ruleLookup;
    private final TtlCache<String, Optional<SizingRule>> rules;
    private final TtlCache<ModelKey, MarketModel> models;
    private final TtlCache<String, Optional<InstrumentData>> instruments;
    private final TtlCache<ReturnsKey, Aligned> returns;
    private final TtlCache<SizingHistoryFilter, List<StoredSizing>> recentSizings;
    private final TtlCache<String, double[]> strategyReturns;
    private final TtlCache<String, Optional<StoredBook>> portfolios;
    private final TtlCache<String, List<PriceBar>> bars;

    /**
     * @param store      the workspace, or null for a calculator without one
     * @param ruleLookup finds a stored rule by id (null: {@code rule_id} is rejected)
     * @param clock      nanosecond clock of the caches' time to live
     */
    SizingMarketData(Store store, Function<String, Optional<SizingRule>> ruleLookup, LongSupplier clock) {
        this.store = store;
        this.ruleLookup = ruleLookup;
        LongSupplier version = store == null ? () -> 0L : () -> store.database().changeCount();
        rules = new TtlCache<>("active rules", Duration.ofHours(1), clock, version, 1000);
        models = new TtlCache<>("correlation and covariance", Duration.ofMinutes(30), clock, version, 256);
        instruments = new TtlCache<>("instrument performance", Duration.ofHours(1), clock, version, 10_000);
        returns = new TtlCache<>("aligned return history", Duration.ofMinutes(30), clock, version, 256);
        recentSizings = new TtlCache<>("recent sizings", Duration.ofMinutes(30), clock, version, 64);
        strategyReturns = new TtlCache<>("Kelly inputs by strategy", Duration.ofMinutes(15), clock, version, 256);
        portfolios = new TtlCache<>("stored portfolios", Duration.ofMinutes(30), clock, version, 64);
        bars = new TtlCache<>("price bars for ATR", Duration.ofMinutes(30), clock, version, 256);
    }

    boolean hasWorkspace() {
        return store != null;
    }

    boolean hasRules() {
        return ruleLookup != null;
    }

    /** The stored rule {@code id}; only when {@link #hasRules()}. */
    Optional<SizingRule> rule(String id) {
        return rules.get(id, ruleLookup);
    }

    /** The portfolio {@code portfolioId}, or the workspace's first one when it is null. */
    Optional<StoredBook> storedBook(String portfolioId) {
        return portfolios.get(portfolioId == null ? "" : portfolioId, key -> {
            String id = key.isEmpty() ? firstPortfolioId() : key;
            return id == null ? Optional.empty() : store.portfolios().find(id).map(p -> new StoredBook(p.id(), p.cash(),
                    p.baseCurrency(), List.copyOf(store.portfolios().holdings(p.id()))));
        });
    }

    String firstPortfolioId() {
        return store.portfolios().findAll().stream().findFirst().map(com.positionlab.domain.Portfolio::id).orElse(null);
    }

    /** The dates the stored return history of a sizing ends on, or null when the history came with the request. */
    List<LocalDate> returnDates(ResolvedRequest r, MarketModel model) {
        return r.returnHistory() == null && store != null
                ? fromStore(model.book().ids(), r.spec().trade().lookback()).dates() : null;
    }

    /** The instrument's stored price bars, oldest first; empty without a workspace. */
    List<PriceBar> bars(String instrumentId) {
        return store == null ? List.of() : bars.get(instrumentId, id -> List.copyOf(store.prices().history(id)));
    }

    /** Accepted sizings, newest first. */
    List<StoredSizing> history(SizingHistoryFilter filter) {
        return store == null ? List.of() : recentSizings.get(filter, f -> store.sizingHistory().list(f));
    }

    /** Accepting a sizing appends to the history, which is not a change of the data: drop what was read of it. */
    void historyChanged() {
        recentSizings.invalidateAll();
    }

    /** The caches, for the Activity view and tests. */
    List<TtlCache<?, ?>> caches() {
        return List.of(rules, models, instruments, returns, recentSizings, strategyReturns, portfolios, bars);
    }


    /** What the sizing needs of an instrument from the store. */
    record InstrumentData(String sector, BigDecimal lotSize, String currency, double lastClose) {
    }

    Optional<InstrumentData> instrument(String id) {
        if (store == null) {
            return Optional.empty();
        }
        return instruments.get(id, key -> store.instruments().find(key).map(ins -> {
            PriceBar last = store.prices().latest(List.of(key)).get(key);
            return new InstrumentData(ins.sector(), ins.lotSize(), ins.currency(),
                    last == null ? Double.NaN : last.close());
        }));
    }

    /** The strategy's closed trades as returns on entry, or null without a workspace or trades. */
    double[] strategyReturns(String strategyId) {
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

    /** The covariance model of the book the trade joins, from the request's history or the store's prices. */
    MarketModel model(ResolvedRequest r) {
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
                throw EngineErrors.toValidation(e);
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
        if (length >= 0 && length < SizingDefaults.MIN_RETURNS) {
            c.fail("portfolio_state.return_history", "needs at least " + SizingDefaults.MIN_RETURNS + " daily returns, got " + length);
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
            if (byDay.length < SizingDefaults.MIN_RETURNS) {
                throw new ValidationException("trading_decision.instrument_id", "only " + byDay.length
                        + " daily returns on dates every instrument of the book and " + ids[ids.length - 1]
                        + " has a price; sizing needs " + SizingDefaults.MIN_RETURNS);
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

}
