package com.positionlab.service.workspace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import com.positionlab.domain.Holding;
import com.positionlab.domain.Instrument;
import com.positionlab.domain.Portfolio;
import com.positionlab.domain.PriceBar;
import com.positionlab.domain.Side;
import com.positionlab.domain.Strategy;
import com.positionlab.domain.Trade;
import com.positionlab.engine.sim.FactorMarketModel;
import com.positionlab.engine.sim.FactorMarketModel.Garch;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.workspace.DemoCatalog.Listing;
import com.positionlab.service.workspace.DemoCatalog.SectorProfile;
import com.positionlab.service.workspace.DemoCatalog.StrategyProfile;

/**
 * Generates the deterministic demo workspace: the catalog's 30 instruments in 7 sectors, 1,300 weekdays
 * of prices (about 5 years, ending {@link #LAST_DAY}) from a market + sector factor model with GARCH(1,1)
 * volatility clustering, three strategies with their closed trades, and a portfolio of 15 holdings plus
 * cash worth about {@link #PORTFOLIO_VALUE}. Same seed, same workspace.
 */
public final class DemoWorkspace {

    public static final long SEED = 20_251_031L;
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 10, 31);
    public static final int DAYS = 1_320;
    public static final BigDecimal PORTFOLIO_VALUE = new BigDecimal("1000000.00");
    public static final String PORTFOLIO_ID = "demo";
    /** Trading days between the demo holdings' purchase (their average cost) and the last day. */
    static final int COST_LAG = 63;

    /** Everything the demo workspace holds. */
    public record Data(List<Instrument> instruments, List<PriceBar> prices, List<Strategy> strategies,
                       List<Trade> trades, Portfolio portfolio, List<Holding> holdings) {
    }

    private DemoWorkspace() {
    }

    public static Data generate(long seed, Progress progress) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Instrument> instruments = instruments(rng.split());
        List<LocalDate> days = weekdaysEndingOn(LAST_DAY, DAYS);
        double[][] closes = new double[DAYS][instruments.size()];
        List<PriceBar> prices = prices(instruments, days, closes, rng.split(), progress);
        List<Strategy> strategies = DemoCatalog.STRATEGIES.stream()
                .map(s -> new Strategy(s.id(), s.name(), s.description())).toList();
        List<Trade> trades = trades(instruments, days, closes, rng.split());
        Portfolio portfolio = new Portfolio(PORTFOLIO_ID, "Demo portfolio", "USD", BigDecimal.ZERO);
        List<Holding> holdings = new ArrayList<>();
        BigDecimal invested = BigDecimal.ZERO;
        SplittableRandom wr = rng.split();
        double[] raw = DemoCatalog.PORTFOLIO.stream().mapToDouble(t -> 0.5 + wr.nextDouble()).toArray();
        double rawSum = java.util.Arrays.stream(raw).sum();
        for (int k = 0; k < raw.length; k++) {
            String ticker = DemoCatalog.PORTFOLIO.get(k);
            int i = indexOf(instruments, ticker);
            BigDecimal lot = instruments.get(i).lotSize();
            double target = 0.95 * PORTFOLIO_VALUE.doubleValue() * raw[k] / rawSum;
            BigDecimal price = BigDecimal.valueOf(closes[DAYS - 1][i]);
            BigDecimal lots = BigDecimal.valueOf(target).divide(price.multiply(lot), 0, RoundingMode.FLOOR);
            BigDecimal quantity = lots.multiply(lot);
            // Bought a quarter ago: the average cost is the close 63 trading days before the last day.
            BigDecimal cost = BigDecimal.valueOf(closes[DAYS - 1 - COST_LAG][i]).setScale(2, RoundingMode.HALF_EVEN);
            holdings.add(new Holding(PORTFOLIO_ID, ticker, quantity, cost));
            invested = invested.add(quantity.multiply(price).setScale(2, RoundingMode.HALF_EVEN));
        }
        portfolio = new Portfolio(PORTFOLIO_ID, portfolio.name(), "USD",
                PORTFOLIO_VALUE.subtract(invested).setScale(2, RoundingMode.HALF_EVEN));
        return new Data(instruments, prices, strategies, trades, portfolio, holdings);
    }

    private static List<Instrument> instruments(SplittableRandom rng) {
        List<Instrument> out = new ArrayList<>();
        for (Listing l : DemoCatalog.LISTINGS) {
            SectorProfile sp = sector(l.sector());
            double esg = Math.max(5, Math.min(95, sp.esgMean() + 12 * rng.nextGaussian()));
            out.add(new Instrument(l.ticker(), l.name(), l.sector(), "USD", BigDecimal.valueOf(l.lotSize()),
                    Math.round(esg * 10) / 10.0));
        }
        return out;
    }

    private static List<PriceBar> prices(List<Instrument> instruments, List<LocalDate> days, double[][] closes,
                                         SplittableRandom rng, Progress progress) {
        int n = instruments.size();
        Garch[] sectorGarch = DemoCatalog.SECTORS.stream()
                .map(s -> Garch.withAnnualVol(s.factorVol(), 0.07, 0.90)).toArray(Garch[]::new);
        FactorMarketModel.Asset[] assets = new FactorMarketModel.Asset[n];
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            int sector = sectorIndex(instruments.get(i).sector());
            double annualDrift = 0.02 + 0.10 * rng.nextDouble();
            double idioVol = 0.12 + 0.20 * rng.nextDouble();
            assets[i] = new FactorMarketModel.Asset(sector, 0.6 + 0.8 * rng.nextDouble(), 0.8 + 0.4 * rng.nextDouble(),
                    annualDrift / 252.0, Garch.withAnnualVol(idioVol, 0.05, 0.92));
            start[i] = Math.round((15 + 285 * rng.nextDouble()) * 100) / 100.0;
        }
        FactorMarketModel model = new FactorMarketModel(Garch.withAnnualVol(0.16, 0.09, 0.89), sectorGarch, assets);
        double[][] logReturns = model.simulateLogReturns(days.size(), rng.nextLong(), progress);
        List<PriceBar> bars = new ArrayList<>(days.size() * n);
        for (int i = 0; i < n; i++) {
            double close = start[i];
            for (int t = 0; t < days.size(); t++) {
                double prev = close;
                if (t > 0) {
                    close = prev * Math.exp(logReturns[t][i]);
                }
                double c = round4(close);
                closes[t][i] = c;
                double range = Math.abs(logReturns[t][i]) + 0.004 * Math.abs(rng.nextGaussian());
                double high = round4(Math.max(c, prev) * (1 + range * rng.nextDouble()));
                double low = round4(Math.min(c, prev) * (1 - range * rng.nextDouble()));
                long volume = Math.round(400_000 * Math.exp(0.35 * rng.nextGaussian()) * (1 + 20 * Math.abs(logReturns[t][i])));
                bars.add(new PriceBar(instruments.get(i).id(), days.get(t), c, c, high, low, volume));
            }
        }
        return bars;
    }

    private static List<Trade> trades(List<Instrument> instruments, List<LocalDate> days, double[][] closes,
                                      SplittableRandom rng) {
        List<Trade> out = new ArrayList<>();
        for (StrategyProfile s : DemoCatalog.STRATEGIES) {
            Set<String> keys = new HashSet<>();
            int made = 0;
            while (made < s.trades()) {
                int i = rng.nextInt(instruments.size());
                int entry = 260 + rng.nextInt(days.size() - 280);
                int exit = entry + 1 + rng.nextInt(15);
                boolean win = rng.nextDouble() < s.winRate();
                double magnitude = -Math.log(1 - rng.nextDouble()) * (win ? s.meanWin() : s.meanLoss());
                double tradeReturn = win ? magnitude : -Math.min(magnitude, 0.5);
                Side side = rng.nextDouble() < s.longShare() ? Side.LONG : Side.SHORT;
                double entryPrice = closes[entry][i];
                double exitPrice = round4(side == Side.LONG ? entryPrice * (1 + tradeReturn)
                        : entryPrice * (1 - tradeReturn));
                LocalDateTime entryTime = LocalDateTime.of(days.get(entry), LocalTime.of(9, 30 + rng.nextInt(30)));
                LocalDateTime exitTime = LocalDateTime.of(days.get(exit), LocalTime.of(15, rng.nextInt(60)));
                Instrument ins = instruments.get(i);
                if (!keys.add(s.id() + ins.id() + side + entryTime + exitTime)) {
                    continue;
                }
                BigDecimal lot = ins.lotSize();
                BigDecimal quantity = BigDecimal.valueOf(25_000 / entryPrice).divide(lot, 0, RoundingMode.FLOOR)
                        .max(BigDecimal.ONE).multiply(lot);
                double move = side == Side.LONG ? exitPrice - entryPrice : entryPrice - exitPrice;
                BigDecimal pnl = quantity.multiply(BigDecimal.valueOf(move)).setScale(2, RoundingMode.HALF_EVEN);
                out.add(new Trade(s.id(), ins.id(), side, quantity, entryTime, entryPrice, exitTime, exitPrice, pnl));
                made++;
            }
        }
        return out;
    }

    /** The {@code count} weekdays ending on {@code last} (inclusive), oldest first. */
    static List<LocalDate> weekdaysEndingOn(LocalDate last, int count) {
        List<LocalDate> days = new ArrayList<>(count);
        LocalDate d = last;
        while (days.size() < count) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
            d = d.minusDays(1);
        }
        java.util.Collections.reverse(days);
        return days;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static int indexOf(List<Instrument> instruments, String ticker) {
        for (int i = 0; i < instruments.size(); i++) {
            if (instruments.get(i).id().equals(ticker)) {
                return i;
            }
        }
        throw new IllegalStateException("demo portfolio names unknown ticker " + ticker);
    }

    private static SectorProfile sector(String name) {
        return DemoCatalog.SECTORS.get(sectorIndex(name));
    }

    private static int sectorIndex(String name) {
        for (int k = 0; k < DemoCatalog.SECTORS.size(); k++) {
            if (DemoCatalog.SECTORS.get(k).name().equals(name)) {
                return k;
            }
        }
        throw new IllegalStateException("unknown demo sector " + name);
    }
}
