package com.positionlab.service.kelly;

import static com.positionlab.engine.InvalidParameterException.inRange;
import static com.positionlab.engine.InvalidParameterException.positive;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.positionlab.domain.StoredCalculation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.kelly.KellyAnalysis;
import com.positionlab.engine.kelly.KellyCalculator;
import com.positionlab.engine.kelly.KellyPolicy;
import com.positionlab.service.Figures;
import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.ValidationException.FieldError;
import com.positionlab.store.Store;

/**
 * The {@code kelly} use case: a KellyCalculationRequest in, a KellyCalculationResponse out. With a store,
 * every calculation is saved in {@code kelly_calculations} with its request, response and time taken.
 */
public final class KellyService {

    private final Store store;

    /** A calculator that stores nothing. */
    public KellyService() {
        this(null);
    }

    public KellyService(Store store) {
        this.store = store;
    }

    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final double DEFAULT_LEVERAGE_CAP = 1.0;

    /** The newest {@code limit} stored calculations, newest first; none without a workspace. */
    public List<StoredCalculation> recent(int limit) {
        return store == null ? List.of() : store.kellyCalculations().recent(limit);
    }

    /**
     * Computes the Kelly fraction the request describes.
     *
     * @throws ValidationException naming every field that is out of range, or the first the calculation refuses
     */
    public KellyCalculationResponse calculate(KellyCalculationRequest r) {
        long start = System.nanoTime();
        List<FieldError> problems = check(r);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try {
            KellyAnalysis a = analyse(r);
            KellyCalculationResponse response = toResponse(a, (System.nanoTime() - start) / 1e6, effective(r));
            if (store != null) {
                save(r, response);
            }
            return response;
        } catch (InvalidParameterException e) {
            throw new ValidationException(e.field(), e.getMessage().substring(e.field().length() + 2));
        }
    }

    /**
     * Every problem of the request at once, without calculating or storing anything: each number out of its
     * range, then (when they are all fine) what the calculation itself refuses (a missing companion field, a
     * correlation matrix that is not one).
     */
    public static List<FieldError> check(KellyCalculationRequest r) {
        List<FieldError> errors = new ArrayList<>();
        probe(errors, () -> {
            if (r.winProbability() != null) {
                inRange("win_probability", r.winProbability(), 0, 1);
            }
        });
        probe(errors, () -> {
            if (r.averageWin() != null) {
                positive("average_win", r.averageWin());
            }
        });
        probe(errors, () -> {
            if (r.averageLoss() != null) {
                positive("average_loss", r.averageLoss());
            }
        });
        probe(errors, () -> {
            if (r.sampleSize() != null && r.sampleSize() < 1) {
                throw new InvalidParameterException("sample_size", "must be at least 1, got " + r.sampleSize());
            }
        });
        probe(errors, () -> {
            if (r.confidenceLevel() != null && !(r.confidenceLevel() > 0 && r.confidenceLevel() < 1)) {
                throw new InvalidParameterException("confidence_level", "must be strictly between 0 and 1, got "
                        + r.confidenceLevel());
            }
        });
        probe(errors, () -> {
            if (r.kellyMultiplier() != null) {
                inRange("kelly_multiplier", r.kellyMultiplier(), 0, 2);
            }
        });
        probe(errors, () -> {
            if (r.maxKellyFraction() != null) {
                inRange("max_kelly_fraction", r.maxKellyFraction(), 0, 1);
            }
        });
        probe(errors, () -> {
            if (r.portfolioVolatility() != null) {
                positive("portfolio_volatility", r.portfolioVolatility());
            }
        });
        if (errors.isEmpty()) {
            probe(errors, () -> analyse(r));
        }
        return errors;
    }

    /** Runs one check, turning the engine's or the service's refusal into a field error. */
    private static void probe(List<FieldError> errors, Runnable check) {
        try {
            check.run();
        } catch (InvalidParameterException e) {
            errors.add(new FieldError(e.field(), e.getMessage().substring(e.field().length() + 2)));
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
    }

    static KellyAnalysis analyse(KellyCalculationRequest r) {
        KellyPolicy policy = new KellyPolicy(
                or(r.maxKellyFraction(), KellyPolicy.DEFAULT_MAX_KELLY_FRACTION),
                or(r.kellyMultiplier(), KellyPolicy.DEFAULT_KELLY_MULTIPLIER), 0, 10);
        double confidence = or(r.confidenceLevel(), DEFAULT_CONFIDENCE);
        if (r.winProbability() != null) {
            require(r.averageWin(), "average_win", "is required with win_probability");
            require(r.averageLoss(), "average_loss", "is required with win_probability");
            return KellyCalculator.discrete(r.winProbability(), r.averageWin(), r.averageLoss(), r.sampleSize(),
                    confidence, policy);
        }
        if (r.expectedReturns() != null) {
            require(r.volatilities(), "volatilities", "is required with expected_returns");
            require(r.correlationMatrix(), "correlation_matrix", "is required with expected_returns");
            return KellyCalculator.multiAsset(r.expectedReturns(), r.volatilities(), r.correlationMatrix(),
                    or(r.leverageCap(), DEFAULT_LEVERAGE_CAP), policy);
        }
        if (r.expectedReturn() != null) {
            require(r.portfolioVolatility(), "portfolio_volatility", "is required with expected_return when "
                    + "win_probability is not given");
            return KellyCalculator.continuous(r.expectedReturn(), r.portfolioVolatility(), policy);
        }
        throw new ValidationException("win_probability", "is required (with average_win and average_loss), or give "
                + "expected_return with portfolio_volatility, or expected_returns with volatilities and "
                + "correlation_matrix");
    }

    private void save(KellyCalculationRequest r, KellyCalculationResponse response) {
        try {
            var ci = response.confidenceInterval();
            store.kellyCalculations().save(new StoredCalculation(
                    UUID.randomUUID().toString(), null, null, r.winProbability(), r.averageWin(), r.averageLoss(),
                    r.expectedReturn(), response.kellyFraction(), response.adjustedKelly(),
                    ci == null ? null : ci.lowerBound(), ci == null ? null : ci.upperBound(),
                    ci == null ? null : ci.confidenceLevel(), r.sampleSize(), Json.mapper().writeValueAsString(r),
                    Json.mapper().writeValueAsString(response), response.processingTimeMs(), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Kelly calculation could not be written as JSON", e);
        }
    }

    /** The response, every figure to ten significant digits as in every other command ({@link Figures}). */
    /** The request with the defaults the calculation used filled in. */
    static KellyCalculationRequest effective(KellyCalculationRequest r) {
        boolean multi = r.winProbability() == null && r.expectedReturns() != null;
        return new KellyCalculationRequest(r.expectedReturn(), r.winProbability(), r.averageWin(), r.averageLoss(),
                r.portfolioVolatility(), r.correlationMatrix(), r.sampleSize(),
                or(r.confidenceLevel(), DEFAULT_CONFIDENCE),
                or(r.kellyMultiplier(), KellyPolicy.DEFAULT_KELLY_MULTIPLIER),
                or(r.maxKellyFraction(), KellyPolicy.DEFAULT_MAX_KELLY_FRACTION), r.expectedReturns(),
                r.volatilities(), multi ? (Double) or(r.leverageCap(), DEFAULT_LEVERAGE_CAP) : r.leverageCap());
    }

    private static KellyCalculationResponse toResponse(KellyAnalysis a, double ms, KellyCalculationRequest request) {
        var ci = a.confidenceInterval() == null ? null : new KellyCalculationResponse.ConfidenceInterval(
                round(a.confidenceInterval().lower()), round(a.confidenceInterval().upper()),
                a.confidenceInterval().confidenceLevel());
        var s = a.sensitivity();
        var rows = s.growthTable().stream().map(g -> new KellyCalculationResponse.GrowthRow(g.kellyMultiple(),
                round(g.fraction()), finite(g.logGrowth()), finite(g.relativeGrowth()))).toList();
        var sens = new KellyCalculationResponse.SensitivityAnalysis(finite(s.dKellyDWinProbability()),
                finite(s.dKellyDPayoff()), finite(s.growthAtKelly()), rows, finite(s.zeroGrowthFraction()));
        return new KellyCalculationResponse(a.method(), round(a.kellyFraction()), round(a.adjustedKelly()),
                finite(a.winLossRatio()), ci, sens, a.weights().length == 0 ? null : Figures.round(a.weights()), ms,
                request);
    }

    private static double round(double v) {
        return Figures.round(v);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? round(v) : null;
    }

    private static double or(Double v, double fallback) {
        return v == null ? fallback : v;
    }

    private static void require(Object v, String field, String reason) {
        if (v == null) {
            throw new ValidationException(field, reason);
        }
    }
}
