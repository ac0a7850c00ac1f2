package com.positionlab.service.backtest;

import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.backtest.attribution.BrinsonFachler;
import com.positionlab.service.ValidationException;
import com.positionlab.service.ValidationException.FieldError;

/**
 * Answers an {@link AttributionRequest}: the single-period Brinson-Fachler attribution of the portfolio's active
 * return R_p - R_b to allocation, selection and interaction by sector ({@link BrinsonFachler}). Needs no
 * workspace and stores nothing.
 */
public final class AttributionService {

    /** Most sectors a request may name (both sides together). */
    public static final int MAX_SECTORS = 1_000;
    /** Longest sector name, in characters. */
    public static final int MAX_SECTOR_NAME = 100;
    /** A return must be above this: -1 is a total loss. */
    public static final double MIN_RETURN = -1;
    /** Largest return accepted for one period: +10,000%. */
    public static final double MAX_RETURN = 100;
    /** Most problems reported at once. */
    static final int MAX_ERRORS = 20;

    /**
     * The attribution of {@code r}.
     *
     * @throws ValidationException naming every field that is wrong ({@code portfolio_weights.Tech}), or the side
     *                             whose weights do not sum to 1 within {@link BrinsonFachler#WEIGHT_SUM_TOLERANCE}
     */
    public AttributionResponse attribute(AttributionRequest r) {
        List<FieldError> errors = check(r);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return AttributionResponse.of(BrinsonFachler.attribute(AttributionInputs.sectors(r)));
    }

    /**
     * Every problem of the request at once, computing nothing that is returned: each field out of its range or
     * missing, then (when they are all fine) what the engine refuses, such as weights that do not sum to 1.
     */
    public static List<FieldError> check(AttributionRequest r) {
        if (r == null) {
            return List.of(new FieldError("request", "is required"));
        }
        List<FieldError> errors = new ArrayList<>(AttributionInputs.check(r));
        if (errors.isEmpty()) {
            try {
                BrinsonFachler.attribute(AttributionInputs.sectors(r));
            } catch (InvalidParameterException e) {
                errors.add(new FieldError(requestField(e.field()), e.getMessage().substring(e.field().length() + 2)));
            }
        }
        return errors;
    }

    /** The request's field for an engine field: the engine names one sector's value, the request a map of them. */
    private static String requestField(String engineField) {
        return switch (engineField) {
            case "portfolio_weight" -> AttributionInputs.PORTFOLIO_WEIGHTS;
            case "benchmark_weight" -> AttributionInputs.BENCHMARK_WEIGHTS;
            case "portfolio_return" -> AttributionInputs.PORTFOLIO_RETURNS;
            case "benchmark_return" -> AttributionInputs.BENCHMARK_RETURNS;
            default -> engineField;
        };
    }
}
