package com.positionlab.service.optimize;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.positionlab.engine.estimate.Covariances;
import com.positionlab.engine.estimate.ExpectedReturns;
import com.positionlab.engine.estimate.FactorModel;
import com.positionlab.engine.estimate.PsdRepair;
import com.positionlab.engine.estimate.ReturnTable;
import com.positionlab.engine.estimate.Shrinkage;
import com.positionlab.engine.optimize.FactorCovariance;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.OptimizeRequest.ExpectedReturnsSpec;
import com.positionlab.service.optimize.OptimizeRequest.RiskModelSpec;

/**
 * The estimates an optimisation works on, from a request: the tickers, annualised expected returns and
 * covariance, and (when prices were given) the periodic returns of the selected price rows, for the downside
 * measures. Given {@code mu} and {@code cov} take precedence over estimating from prices. A factor-model
 * covariance ({@code risk_model.estimator = factor_model}) also comes in its structured form {@code factors}
 * when it has fewer than half as many factors as assets and needed no repair (else null), for the critical
 * line.
 */
public record Estimates(List<String> tickers, double[] mu, double[][] cov, ReturnTable returns,
                        PriceTable prices, FactorCovariance factors) {

    static final int MAX_ASSETS = 2_000;

    /** Estimates whose covariance is the matrix alone. */
    public Estimates(List<String> tickers, double[] mu, double[][] cov, ReturnTable returns, PriceTable prices) {
        this(tickers, mu, cov, returns, prices, null);
    }

    /** A covariance matrix and, for a factor model, its structured form (else null). */
    private record Risk(double[][] cov, FactorCovariance factors) {
    }

    public static Estimates of(OptimizeRequest request) {
        return of(request, PriceSource.NONE);
    }

    /** The estimates, with a {@code universe}'s prices from {@code source}. */
    public static Estimates of(OptimizeRequest request, PriceSource source) {
        PriceTable prices = null;
        ReturnTable returns = null;
        if (request.prices() != null && request.universe() != null) {
            throw new ValidationException("universe", "give either a prices file or a universe, not both");
        }
        if (request.universe() != null) {
            int lookback = request.lookbackDays() == null ? 252 : request.lookbackDays();
            prices = source.prices(request.universe(), lookback).select(rows(request.priceRows()));
        } else if (request.lookbackDays() != null) {
            throw new ValidationException("lookback_days", "applies to a universe of workspace instruments only");
        }
        if (request.prices() != null) {
            prices = PriceCsv.read(Path.of(request.prices()), "prices").select(rows(request.priceRows()));
        }
        if (prices != null) {
            ExpectedReturnsSpec er = request.expectedReturns();
            returns = ReturnTable.fromPrices(prices.prices(), er != null && Boolean.TRUE.equals(er.logReturns()));
        } else if (request.mu() == null || request.cov() == null) {
            throw new ValidationException("prices", "is required unless both mu and cov are given");
        }
        List<String> tickers = prices != null ? prices.tickers() : request.cov().tickers();
        Risk risk = request.cov() != null ? new Risk(GivenEstimates.covariance(request.cov(), tickers), null)
                : covariance(request.riskModel(), prices);
        double[] mu = request.mu() != null ? GivenEstimates.mu(request.mu(), tickers)
                : expectedReturns(request, prices, returns);
        GivenEstimates.requireFinite(mu, tickers, "expected_returns");
        return new Estimates(tickers, mu, risk.cov(), returns, prices, risk.factors());
    }

    /** These estimates with other expected returns and covariance (a Black-Litterman posterior), no factors. */
    public Estimates withMoments(double[] newMu, double[][] newCov) {
        return new Estimates(tickers, newMu, newCov, returns, prices);
    }

    static PriceTable.Rows rows(String text) {
        if (text == null) {
            return PriceTable.Rows.ALL;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "all" -> PriceTable.Rows.ALL;
            case "complete" -> PriceTable.Rows.COMPLETE;
            case "weekly" -> PriceTable.Rows.WEEKLY;
            case "weekly_first" -> PriceTable.Rows.WEEKLY_FIRST;
            case "monthly" -> PriceTable.Rows.MONTHLY;
            case "monthly_first" -> PriceTable.Rows.MONTHLY_FIRST;
            default -> throw new ValidationException("price_rows", ValidationException.quote(text)
                    + " is not one of all, complete, weekly, weekly_first, monthly, monthly_first");
        };
    }

    private static double[] expectedReturns(OptimizeRequest request, PriceTable prices, ReturnTable returns) {
        ExpectedReturnsSpec er = request.expectedReturns();
        String estimator = er == null || er.estimator() == null ? "mean_historical_return" : er.estimator();
        boolean compounding = er == null || er.compounding() == null || er.compounding();
        int frequency = frequency(er == null ? null : er.frequency(), "expected_returns.frequency");
        return switch (estimator) {
            case "mean_historical_return" -> ExpectedReturns.meanHistorical(returns, compounding, frequency);
            case "ema_historical_return" -> ExpectedReturns.ema(returns, span(er.span(), 500, "expected_returns.span"),
                    compounding, frequency);
            case "capm_return" -> ExpectedReturns.capm(returns, market(request, prices), riskFree(er), compounding,
                    frequency);
            default -> throw new ValidationException("expected_returns.estimator", ValidationException.quote(
                    estimator) + " is not one of mean_historical_return, ema_historical_return, capm_return");
        };
    }

    private static double riskFree(ExpectedReturnsSpec er) {
        double rf = er.riskFreeRate() == null ? 0.02 : er.riskFreeRate();
        if (!Double.isFinite(rf) || Math.abs(rf) > 1) {
            throw new ValidationException("expected_returns.risk_free_rate", "must be between -1 and 1");
        }
        return rf;
    }

    /** The benchmark's simple returns on the dates of the assets' return rows (NaN where it has none). */
    private static double[] market(OptimizeRequest request, PriceTable prices) {
        if (request.marketPrices() == null) {
            return null;
        }
        PriceTable bench = PriceCsv.read(Path.of(request.marketPrices()), "market_prices");
        Map<LocalDate, Double> byDate = new HashMap<>();
        for (int t = 1; t < bench.prices().length; t++) {
            byDate.put(bench.dates().get(t), bench.prices()[t][0] / bench.prices()[t - 1][0] - 1);
        }
        return returnDates(prices).stream().mapToDouble(d -> byDate.getOrDefault(d, Double.NaN)).toArray();
    }

    private static Risk covariance(RiskModelSpec rm, PriceTable prices) {
        String estimator = rm == null || rm.estimator() == null ? "sample_cov" : rm.estimator();
        int frequency = frequency(rm == null ? null : rm.frequency(), "risk_model.frequency");
        ReturnTable r = ReturnTable.fromPrices(prices.prices(), rm != null && Boolean.TRUE.equals(rm.logReturns()));
        PsdRepair.Method fix = fix(rm == null ? null : rm.fixMethod());
        if (estimator.equals("factor_model")) {
            FactorModel.Fit fit = factorModel(rm, prices, r, frequency);
            double[][] s = fit.covariance();
            GivenEstimates.requireFinite(s, "risk_model");
            if (!PsdRepair.isPsd(s)) {
                return new Risk(PsdRepair.repair(s, fix), null);
            }
            boolean structured = 2 * fit.factors() < s.length;
            return new Risk(s, structured ? new FactorCovariance(fit.loadings(), fit.factorCovariance(),
                    fit.specific()) : null);
        }
        double[][] s = switch (estimator) {
            case "sample_cov" -> Covariances.sample(r, frequency);
            case "semicovariance" -> Covariances.semicovariance(r, rm.benchmark() == null ? 0.000079 : rm.benchmark(),
                    frequency);
            case "exp_cov" -> Covariances.exponential(r, span(rm.span(), 180, "risk_model.span"), frequency);
            case "ledoit_wolf", "ledoit_wolf_constant_variance" -> Shrinkage.constantVariance(r, frequency).covariance();
            case "ledoit_wolf_single_factor" -> Shrinkage.singleFactor(r, frequency).covariance();
            case "ledoit_wolf_constant_correlation" -> Shrinkage.constantCorrelation(r, frequency).covariance();
            case "oracle_approximating" -> Shrinkage.oracleApproximating(r, frequency).covariance();
            default -> throw new ValidationException("risk_model.estimator", ValidationException.quote(estimator)
                    + " is not one of sample_cov, semicovariance, exp_cov, ledoit_wolf_constant_variance, "
                    + "ledoit_wolf_single_factor, ledoit_wolf_constant_correlation, oracle_approximating, "
                    + "factor_model");
        };
        GivenEstimates.requireFinite(s, "risk_model");
        return new Risk(PsdRepair.isPsd(s) ? s : PsdRepair.repair(s, fix), null);
    }

    private static FactorModel.Fit factorModel(RiskModelSpec rm, PriceTable prices, ReturnTable r, int frequency) {
        try {
            if (rm.factors() == null) {
                int k = rm.components() == null ? Math.min(3, r.assets()) : rm.components();
                return FactorModel.principalComponentsFit(r, k, frequency);
            }
            PriceTable f = PriceCsv.readReturns(Path.of(rm.factors()), "risk_model.factors");
            Map<LocalDate, double[]> byDate = new HashMap<>();
            for (int t = 0; t < f.prices().length; t++) {
                byDate.put(f.dates().get(t), f.prices()[t]);
            }
            List<LocalDate> dates = returnDates(prices);
            double[][] aligned = new double[dates.size()][];
            double[] none = new double[f.tickers().size()];
            java.util.Arrays.fill(none, Double.NaN);
            for (int t = 0; t < aligned.length; t++) {
                aligned[t] = byDate.getOrDefault(dates.get(t), none);
            }
            return FactorModel.regressionFit(r, aligned, frequency);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("risk_model." + (rm.factors() == null ? "components" : "factors"),
                    e.getMessage().replaceFirst("^(components|factors): ", ""));
        }
    }

    /** The date of each row of the returns of {@code prices} (the later price's date; all-missing rows left out). */
    static List<LocalDate> returnDates(PriceTable prices) {
        List<LocalDate> out = new ArrayList<>();
        double[][] p = prices.prices();
        for (int t = 1; t < p.length; t++) {
            boolean any = false;
            for (int i = 0; i < p[t].length; i++) {
                any |= !Double.isNaN(p[t][i]) && !Double.isNaN(p[t - 1][i]);
            }
            if (any) {
                out.add(prices.dates().get(t));
            }
        }
        return out;
    }

    private static PsdRepair.Method fix(String text) {
        if (text == null || text.equals("spectral")) {
            return PsdRepair.Method.SPECTRAL;
        }
        if (text.equals("diag")) {
            return PsdRepair.Method.DIAG;
        }
        throw new ValidationException("risk_model.fix_method", ValidationException.quote(text)
                + " is not spectral or diag");
    }

    static int frequency(Integer value, String field) {
        int f = value == null ? 252 : value;
        if (f < 1 || f > 366) {
            throw new ValidationException(field, "must be between 1 and 366 periods a year");
        }
        return f;
    }

    private static int span(Integer value, int fallback, String field) {
        int s = value == null ? fallback : value;
        if (s < 1 || s > 100_000) {
            throw new ValidationException(field, "must be between 1 and 100000");
        }
        return s;
    }
}
