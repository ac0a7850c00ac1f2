package com.positionlab.service.backtest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.positionlab.engine.backtest.attribution.SectorInput;
import com.positionlab.service.ValidationException;
import com.positionlab.service.ValidationException.FieldError;

/**
 * An {@link AttributionRequest} checked field by field and turned into the engine's {@link SectorInput}s, in
 * the order of {@code portfolio_weights} and then the sectors only {@code benchmark_weights} names.
 */
final class AttributionInputs {

    static final String PORTFOLIO_WEIGHTS = "portfolio_weights";
    static final String BENCHMARK_WEIGHTS = "benchmark_weights";
    static final String PORTFOLIO_RETURNS = "portfolio_returns";
    static final String BENCHMARK_RETURNS = "benchmark_returns";

    private AttributionInputs() {
    }

    /**
     * Every problem of the request's own fields (not the weight sums, which the engine checks), at most
     * {@link AttributionService#MAX_ERRORS} of them.
     */
    static List<FieldError> check(AttributionRequest r) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Double> pw = r.portfolioWeights();
        Map<String, Double> bw = r.benchmarkWeights();
        Map<String, Double> pr = r.portfolioReturns();
        Map<String, Double> br = r.benchmarkReturns();
        required(errors, PORTFOLIO_WEIGHTS, pw, "the portfolio's weight by sector");
        required(errors, BENCHMARK_WEIGHTS, bw, "the benchmark's weight by sector");
        required(errors, PORTFOLIO_RETURNS, pr, "the return of each sector the portfolio holds");
        required(errors, BENCHMARK_RETURNS, br, "the return of each sector the benchmark holds");
        if (!errors.isEmpty()) {
            return errors;
        }
        weights(errors, PORTFOLIO_WEIGHTS, pw);
        weights(errors, BENCHMARK_WEIGHTS, bw);
        returns(errors, PORTFOLIO_RETURNS, pr);
        returns(errors, BENCHMARK_RETURNS, br);
        Set<String> sectors = sectorNames(r);
        if (sectors.size() > AttributionService.MAX_SECTORS) {
            errors.add(new FieldError(BENCHMARK_WEIGHTS, "the two sides name " + sectors.size()
                    + " sectors together; at most " + AttributionService.MAX_SECTORS));
            return capped(errors);
        }
        for (String s : sectors) {
            if (!validName(s)) {
                continue;
            }
            double wp = weight(pw, s);
            double wb = weight(bw, s);
            needReturn(errors, PORTFOLIO_RETURNS, pr, s, wp, "the portfolio");
            needReturn(errors, BENCHMARK_RETURNS, br, s, wb, "the benchmark");
            if (wp == 0 && wb == 0 && pr.get(s) == null && br.get(s) == null) {
                errors.add(new FieldError(BENCHMARK_RETURNS + "." + s, "is required: the sector has weight 0 on "
                        + "both sides; give a return or leave the sector out"));
            }
        }
        unknownSectors(errors, PORTFOLIO_RETURNS, pr, sectors);
        unknownSectors(errors, BENCHMARK_RETURNS, br, sectors);
        return capped(errors);
    }

    /**
     * The engine's inputs of a request that passed {@link #check}. A side's return is left out (NaN, so that
     * the engine takes the other side's) where it is not given, and the portfolio's also where the portfolio
     * holds none of the sector but the benchmark does: it owns nothing there that could have earned it.
     */
    static List<SectorInput> sectors(AttributionRequest r) {
        List<SectorInput> out = new ArrayList<>();
        for (String s : sectorNames(r)) {
            double wp = weight(r.portfolioWeights(), s);
            double wb = weight(r.benchmarkWeights(), s);
            Double given = r.portfolioReturns().get(s);
            double rp = given == null || (wp == 0 && wb > 0) ? Double.NaN : given;
            Double rb = r.benchmarkReturns().get(s);
            out.add(new SectorInput(s, wp, wb, rp, rb == null ? Double.NaN : rb));
        }
        return out;
    }

    private static Set<String> sectorNames(AttributionRequest r) {
        Set<String> names = new LinkedHashSet<>(r.portfolioWeights().keySet());
        names.addAll(r.benchmarkWeights().keySet());
        return names;
    }

    private static double weight(Map<String, Double> weights, String sector) {
        Double w = weights.get(sector);
        return w == null ? 0 : w;
    }

    private static void required(List<FieldError> errors, String field, Map<String, Double> map, String what) {
        if (map == null) {
            errors.add(new FieldError(field, "is required: " + what));
        } else if (map.size() > AttributionService.MAX_SECTORS) {
            errors.add(new FieldError(field, "names " + map.size() + " sectors; at most "
                    + AttributionService.MAX_SECTORS));
        }
    }

    private static void weights(List<FieldError> errors, String field, Map<String, Double> weights) {
        if (weights.isEmpty()) {
            errors.add(new FieldError(field, "needs at least 1 sector"));
        }
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (name(errors, field, e.getKey())) {
                Double w = e.getValue();
                if (w == null || !(w >= 0 && w <= 1)) {
                    errors.add(new FieldError(field + "." + e.getKey(), "must be a number from 0 to 1, got " + w));
                }
            }
        }
    }

    private static void returns(List<FieldError> errors, String field, Map<String, Double> returns) {
        for (Map.Entry<String, Double> e : returns.entrySet()) {
            if (name(errors, field, e.getKey())) {
                Double x = e.getValue();
                if (x == null || !(x > AttributionService.MIN_RETURN && x <= AttributionService.MAX_RETURN)) {
                    errors.add(new FieldError(field + "." + e.getKey(), "must be a number above -1 (a total loss) "
                            + "and at most 100 (+10,000%), got " + x));
                }
            }
        }
    }

    /** Whether {@code sector} is a usable name: 1 to 100 characters, not blank, none of them invisible. */
    private static boolean validName(String sector) {
        boolean ok = sector != null && !sector.isBlank() && sector.length() <= AttributionService.MAX_SECTOR_NAME;
        for (int i = 0; ok && i < sector.length(); i++) {
            char ch = sector.charAt(i);
            ok = !Character.isISOControl(ch) && Character.getType(ch) != Character.FORMAT;
        }
        return ok;
    }

    /** {@link #validName}, reporting a name that is not on {@code field}, the map it is a key of. */
    private static boolean name(List<FieldError> errors, String field, String sector) {
        boolean ok = validName(sector);
        if (!ok) {
            errors.add(new FieldError(field, "a sector name must be 1 to " + AttributionService.MAX_SECTOR_NAME
                    + " characters, not blank, without control characters; got " + ValidationException.quote(sector)
                    + (sector == null ? "" : " (" + sector.length() + " characters)")));
        }
        return ok;
    }

    private static void needReturn(List<FieldError> errors, String field, Map<String, Double> returns, String sector,
                                   double weight, String side) {
        if (weight > 0 && returns.get(sector) == null) {
            errors.add(new FieldError(field + "." + sector, "is required: " + side + " holds the sector (weight "
                    + weight + ")"));
        }
    }

    private static void unknownSectors(List<FieldError> errors, String field, Map<String, Double> returns,
                                       Set<String> sectors) {
        for (String s : returns.keySet()) {
            if (validName(s) && !sectors.contains(s)) {
                errors.add(new FieldError(field + "." + s, "is not a sector of " + PORTFOLIO_WEIGHTS + " or "
                        + BENCHMARK_WEIGHTS));
            }
        }
    }

    private static List<FieldError> capped(List<FieldError> errors) {
        return errors.size() <= AttributionService.MAX_ERRORS ? errors
                : new ArrayList<>(errors.subList(0, AttributionService.MAX_ERRORS));
    }
}
