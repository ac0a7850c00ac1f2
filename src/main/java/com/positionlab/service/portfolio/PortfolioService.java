package com.positionlab.service.portfolio;

import com.positionlab.domain.WorkspaceKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.positionlab.domain.Holding;
import com.positionlab.domain.Instrument;
import com.positionlab.domain.Portfolio;
import com.positionlab.domain.PriceBar;
import com.positionlab.engine.stats.Returns;
import com.positionlab.service.Money;
import com.positionlab.service.ValidationException;
import com.positionlab.store.PriceRepository.PriceSeries;
import com.positionlab.store.Store;

/**
 * The Portfolio use case: value a portfolio at its latest prices, edit its holdings and cash, and
 * give the price history and return correlations of its instruments.
 */
public final class PortfolioService {

    /** Daily returns used for volatility and correlation: one year. */
    public static final int LOOKBACK_DAYS = Returns.TRADING_DAYS;
    /** Fewer returns than this give no volatility (NaN) rather than a noisy one. */
    static final int MIN_RETURNS = 20;
    /** Id of the portfolio created when the workspace has none. */
    public static final String DEFAULT_PORTFOLIO_ID = "main";

    private final Store store;

    public PortfolioService(Store store) {
        this.store = store;
    }

    /** Whether the workspace holds the portfolio {@code portfolioId}. */
    public boolean exists(String portfolioId) {
        return store.portfolios().find(portfolioId).isPresent();
    }

    /** The first portfolio of the workspace, created empty when there is none. */
    public Portfolio defaultPortfolio() {
        List<Portfolio> all = store.portfolios().findAll();
        if (!all.isEmpty()) {
            return all.get(0);
        }
        Portfolio p = new Portfolio(DEFAULT_PORTFOLIO_ID, "My portfolio", "USD", BigDecimal.ZERO.setScale(2));
        store.portfolios().save(p);
        return p;
    }

    /** The holdings of the workspace's first portfolio; none when it has no portfolio. */
    public List<Holding> firstPortfolioHoldings() {
        return store.portfolios().findAll().stream().findFirst().map(p -> store.portfolios().holdings(p.id()))
                .orElse(List.of());
    }

    /** Values the portfolio {@code portfolioId} at the latest stored prices. */
    public PortfolioSnapshot snapshot(String portfolioId) {
        Portfolio p = store.portfolios().find(portfolioId)
                .orElseThrow(() -> new ValidationException("portfolio", ValidationException.quote(portfolioId)
                        + " does not exist"));
        List<Holding> holdings = store.portfolios().holdings(portfolioId);
        List<String> ids = holdings.stream().map(Holding::instrumentId).toList();
        Map<String, Instrument> instruments = store.instruments().findAll().stream()
                .collect(Collectors.toMap(Instrument::id, Function.identity()));
        Map<String, PriceBar> last = store.prices().latest(ids);
        LocalDate asOf = last.values().stream().map(PriceBar::date).max(Comparator.naturalOrder()).orElse(null);
        Map<String, double[]> stats = statistics(ids, asOf);

        BigDecimal holdingsValue = BigDecimal.ZERO;
        List<BigDecimal> values = new ArrayList<>();
        for (Holding h : holdings) {
            PriceBar bar = last.get(h.instrumentId());
            String ccy = instruments.get(h.instrumentId()).currency();
            BigDecimal mv = bar == null ? Money.round(BigDecimal.ZERO, ccy)
                    : Money.round(h.quantity().multiply(BigDecimal.valueOf(bar.close())), ccy);
            values.add(mv);
            holdingsValue = holdingsValue.add(mv);
        }
        BigDecimal cash = Money.round(p.cash(), p.baseCurrency());
        BigDecimal total = holdingsValue.add(cash);
        double totalD = total.doubleValue();

        List<HoldingRow> rows = new ArrayList<>();
        Map<String, Double> sectors = new TreeMap<>();
        for (int k = 0; k < holdings.size(); k++) {
            Holding h = holdings.get(k);
            Instrument ins = instruments.get(h.instrumentId());
            PriceBar bar = last.get(h.instrumentId());
            double weight = totalD == 0 ? 0.0 : values.get(k).doubleValue() / totalD;
            double[] st = stats.getOrDefault(ins.id(), NO_STATISTICS);
            BigDecimal costBasis = h.averageCost() == null ? null
                    : Money.round(h.quantity().multiply(h.averageCost()), ins.currency());
            BigDecimal pnl = costBasis == null || bar == null ? null : values.get(k).subtract(costBasis);
            rows.add(new HoldingRow(ins.id(), ins.name(), ins.sector(), ins.currency(), ins.lotSize(), h.quantity(),
                    bar == null ? Double.NaN : bar.close(), bar == null ? null : bar.date(), values.get(k), weight,
                    st[0], h.averageCost(), costBasis, pnl, st[1]));
            sectors.merge(ins.sector(), weight, Double::sum);
        }
        Map<String, Double> sectorWeights = new LinkedHashMap<>();
        sectors.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sectorWeights.put(e.getKey(), e.getValue()));
        boolean demo = store.workspaceKind().map(k -> k == WorkspaceKind.DEMO).orElse(false);
        return new PortfolioSnapshot(p.id(), p.name(), p.baseCurrency(), rows, cash, holdingsValue, total,
                sectorWeights, asOf, demo);
    }

    /** No statistics: volatility and day change unknown. */
    private static final double[] NO_STATISTICS = {Double.NaN, Double.NaN};

    /** Per instrument: the annualised volatility of the last year's returns, and the last day's change. */
    private Map<String, double[]> statistics(List<String> ids, LocalDate asOf) {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (asOf == null) {
            return out;
        }
        Map<String, PriceSeries> series = store.prices().adjustedCloses(ids, asOf.minusDays(LOOKBACK_DAYS * 2L));
        series.forEach((id, s) -> {
            double[] prices = s.values();
            int from = Math.max(0, prices.length - LOOKBACK_DAYS - 1);
            double[] r = Returns.simpleReturns(java.util.Arrays.copyOfRange(prices, from, prices.length));
            double vol = r.length < MIN_RETURNS ? Double.NaN : Returns.annualisedVolatility(r, Returns.TRADING_DAYS);
            double day = r.length == 0 ? Double.NaN : r[r.length - 1];
            out.put(id, new double[] {vol, day});
        });
        return out;
    }

    /**
     * Pearson correlation of daily simple returns of the given instruments, over the last
     * {@code lookbackDays} returns on the dates every one of them has a price.
     */
    public CorrelationMatrix correlation(List<String> instrumentIds, int lookbackDays) {
        if (instrumentIds.isEmpty()) {
            return CorrelationMatrix.empty();
        }
        LocalDate latest = store.prices().latest(instrumentIds).values().stream().map(PriceBar::date)
                .max(Comparator.naturalOrder()).orElse(null);
        if (latest == null) {
            return CorrelationMatrix.empty();
        }
        Map<String, PriceSeries> series = store.prices().adjustedCloses(instrumentIds,
                latest.minusDays(lookbackDays * 3L));
        ReturnAlignment.Aligned aligned = ReturnAlignment.align(new ArrayList<>(series.values()), lookbackDays);
        if (aligned.returns().length < 2) {
            return new CorrelationMatrix(instrumentIds, new double[0][0], aligned.returns().length, null, null);
        }
        return new CorrelationMatrix(instrumentIds, Returns.correlationMatrix(aligned.returns()),
                aligned.returns().length, aligned.dates().get(0), aligned.dates().get(aligned.dates().size() - 1));
    }

    /** {@link #correlation} of the holdings of {@code portfolioId}, in the order the snapshot lists them. */
    public CorrelationMatrix holdingsCorrelation(String portfolioId, int lookbackDays) {
        return correlation(store.portfolios().holdings(portfolioId).stream().map(Holding::instrumentId).toList(),
                lookbackDays);
    }

    /** Every stored daily bar of one instrument, oldest first. */
    public List<PriceBar> priceHistory(String instrumentId) {
        return store.prices().history(instrumentId);
    }

    /** Instruments that can be held: those with at least one price. */
    public List<Instrument> holdableInstruments() {
        List<Instrument> all = store.instruments().findAll();
        Map<String, PriceBar> last = store.prices().latest(all.stream().map(Instrument::id).toList());
        return all.stream().filter(i -> last.containsKey(i.id())).toList();
    }

    /**
     * Sets the quantity of one holding (adding it when new) after checking it: the instrument must
     * exist and have a price, the quantity must be a non-zero number that is a whole number of lots.
     *
     * @throws ValidationException naming {@code instrument} or {@code quantity}
     */
    public Holding saveHolding(String portfolioId, String instrumentId, String quantityText) {
        if (instrumentId == null || instrumentId.isBlank()) {
            throw new ValidationException("instrument", "choose an instrument");
        }
        Optional<Instrument> instrument = store.instruments().find(instrumentId.strip());
        if (instrument.isEmpty()) {
            throw new ValidationException("instrument", ValidationException.quote(instrumentId)
                    + " is not in the workspace");
        }
        if (store.prices().latest(List.of(instrument.get().id())).isEmpty()) {
            throw new ValidationException("instrument", instrument.get().id() + " has no prices; import them first");
        }
        BigDecimal quantity = parseQuantity(quantityText, instrument.get().lotSize());
        Holding h = new Holding(portfolioId, instrument.get().id(), quantity);
        store.portfolios().saveHoldings(List.of(h));
        return h;
    }

    static BigDecimal parseQuantity(String text, BigDecimal lotSize) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("quantity", "enter a quantity");
        }
        BigDecimal q;
        try {
            q = new BigDecimal(text.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ValidationException("quantity", ValidationException.quote(text.strip()) + " is not a number");
        }
        if (q.signum() == 0) {
            throw new ValidationException("quantity", "must not be zero (remove the holding instead)");
        }
        if (q.abs().compareTo(new BigDecimal("1e12")) > 0) {
            throw new ValidationException("quantity", "is too large");
        }
        if (q.remainder(lotSize).signum() != 0) {
            throw new ValidationException("quantity", "must be a whole number of lots of "
                    + lotSize.stripTrailingZeros().toPlainString());
        }
        BigDecimal plain = q.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0, RoundingMode.UNNECESSARY) : plain;
    }

    public void removeHolding(String portfolioId, String instrumentId) {
        store.portfolios().deleteHolding(portfolioId, instrumentId);
    }

    /**
     * Sets the portfolio's cash balance (in its base currency, rounded to the minor unit).
     *
     * @throws ValidationException naming {@code cash} when the text is not a non-negative number
     */
    public BigDecimal setCash(String portfolioId, String cashText) {
        Portfolio p = store.portfolios().find(portfolioId)
                .orElseThrow(() -> new ValidationException("portfolio", ValidationException.quote(portfolioId)
                        + " does not exist"));
        BigDecimal cash;
        try {
            cash = new BigDecimal(cashText == null ? "" : cashText.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ValidationException("cash", ValidationException.quote(cashText) + " is not a number");
        }
        if (cash.signum() < 0) {
            throw new ValidationException("cash", "must not be negative");
        }
        cash = Money.round(cash, p.baseCurrency());
        store.portfolios().save(new Portfolio(p.id(), p.name(), p.baseCurrency(), cash));
        return cash;
    }
}
