package com.positionlab.service.optimize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.engine.optimize.bl.BlackLitterman;
import com.positionlab.engine.optimize.bl.MarketImplied;
import com.positionlab.engine.optimize.bl.Posterior;
import com.positionlab.engine.optimize.bl.ViewUncertainty;
import com.positionlab.engine.optimize.bl.Views;
import com.positionlab.service.ValidationException;

/**
 * The Black-Litterman model a request's {@code black_litterman} block describes (see
 * {@link BlackLittermanSpec}), over the request's tickers and covariance: its prior, views and their
 * uncertainty, and the posterior returns and covariance that the optimisers then work on.
 *
 * @param riskAversion delta, NaN when neither given nor implied (then no market prior)
 */
record BlackLittermanInputs(BlackLitterman model, double riskAversion, double[] prior, Posterior posterior) {

    static final String FIELD = "black_litterman";

    static BlackLittermanInputs of(BlackLittermanSpec spec, OptimizeRequest request, Estimates e) {
        List<String> tickers = e.tickers();
        int n = tickers.size();
        List<double[]> picks = new ArrayList<>();
        List<Double> returns = new ArrayList<>();
        List<Double> confidences = new ArrayList<>();
        if (spec.views() != null) {
            for (Map.Entry<String, Double> v : spec.views().entrySet()) {
                double[] row = new double[n];
                row[index(tickers, v.getKey(), FIELD + ".views")] = 1;
                picks.add(row);
                returns.add(value(v.getValue(), FIELD + ".views." + v.getKey()));
                Double c = spec.viewConfidences() == null ? null : spec.viewConfidences().get(v.getKey());
                confidences.add(c);
            }
        }
        if (spec.relativeViews() != null) {
            for (int k = 0; k < spec.relativeViews().size(); k++) {
                BlackLittermanSpec.RelativeView v = spec.relativeViews().get(k);
                String field = FIELD + ".relative_views[" + k + "]";
                if (v == null || v.weights() == null || v.weights().isEmpty()) {
                    throw new ValidationException(field + ".weights", "is required");
                }
                double[] row = new double[n];
                for (Map.Entry<String, Double> w : v.weights().entrySet()) {
                    row[index(tickers, w.getKey(), field + ".weights")] = value(w.getValue(), field + ".weights");
                }
                picks.add(row);
                returns.add(value(v.viewReturn(), field + ".return"));
                confidences.add(v.confidence());
            }
        }
        if (picks.isEmpty()) {
            throw new ValidationException(FIELD + ".views", "at least one view is needed");
        }
        Views views = new Views(picks.toArray(new double[0][]),
                returns.stream().mapToDouble(Double::doubleValue).toArray());
        double delta = riskAversion(spec, request);
        double[] prior = prior(spec, tickers, e, delta);
        double tau = spec.tau() == null ? BlackLitterman.DEFAULT_TAU : spec.tau();
        if (!(tau > 0) || tau > 10) {
            throw new ValidationException(FIELD + ".tau", "must be above 0 and at most 10");
        }
        ViewUncertainty omega = uncertainty(spec.omega(), confidences, views.count());
        try {
            BlackLitterman model = new BlackLitterman(e.cov(), prior, views, tau, omega);
            return new BlackLittermanInputs(model, delta, prior, model.posterior());
        } catch (IllegalArgumentException ex) {
            throw new ValidationException(FIELD, ex.getMessage());
        }
    }

    private static double riskAversion(BlackLittermanSpec spec, OptimizeRequest request) {
        if (spec.riskAversion() != null) {
            if (!(spec.riskAversion() > 0) || spec.riskAversion() > 1e3) {
                throw new ValidationException(FIELD + ".risk_aversion", "must be above 0 and at most 1000");
            }
            return spec.riskAversion();
        }
        if (request.marketPrices() == null) {
            return Double.NaN;
        }
        double rf = spec.riskFreeRate() == null ? 0.02 : value(spec.riskFreeRate(), FIELD + ".risk_free_rate");
        PriceTable market = PriceCsv.read(Path.of(request.marketPrices()), "market_prices");
        double[] prices = new double[market.prices().length];
        for (int t = 0; t < prices.length; t++) {
            prices[t] = market.prices()[t][0];
        }
        try {
            return MarketImplied.riskAversion(prices, rf, 252);
        } catch (IllegalArgumentException ex) {
            throw new ValidationException("market_prices", ex.getMessage());
        }
    }

    private static double[] prior(BlackLittermanSpec spec, List<String> tickers, Estimates e, double delta) {
        double[][] cov = e.cov();
        JsonNode p = spec.prior();
        String kind = p == null || p.isNull() ? (spec.marketCaps() != null ? "market" : "zero")
                : p.isTextual() ? p.asText() : "given";
        switch (kind) {
            case "zero":
                return null;
            case "estimates":
                return e.mu().clone();
            case "market":
                if (spec.marketCaps() == null || Double.isNaN(delta)) {
                    throw new ValidationException(FIELD + ".prior", "a market prior needs market_caps and a risk "
                            + "aversion (risk_aversion, or market_prices to imply it)");
                }
                double[] caps = new double[tickers.size()];
                for (int i = 0; i < caps.length; i++) {
                    Double c = spec.marketCaps().get(tickers.get(i));
                    if (c == null || !(c >= 0) || c > 1e16) {
                        throw new ValidationException(FIELD + ".market_caps." + tickers.get(i),
                                "must be given, at least 0 and at most 1e16");
                    }
                    caps[i] = c;
                }
                double rf = spec.riskFreeRate() == null ? 0.02 : spec.riskFreeRate();
                return MarketImplied.priorReturns(caps, delta, cov, rf);
            case "given":
                if (!p.isObject()) {
                    throw new ValidationException(FIELD + ".prior", "must be market, zero, estimates or returns "
                            + "by ticker");
                }
                double[] out = new double[tickers.size()];
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    out[index(tickers, entry.getKey(), FIELD + ".prior")] = value(entry.getValue().isNumber()
                            ? entry.getValue().asDouble() : null, FIELD + ".prior." + entry.getKey());
                }
                return out;
            default:
                throw new ValidationException(FIELD + ".prior", "must be market, zero, estimates or returns by ticker");
        }
    }

    private static ViewUncertainty uncertainty(JsonNode omega, List<Double> confidences, int views) {
        boolean anyConfidence = confidences.stream().anyMatch(c -> c != null);
        String kind = omega == null || omega.isNull() ? (anyConfidence ? "idzorek" : "default")
                : omega.isTextual() ? omega.asText() : "matrix";
        switch (kind) {
            case "default":
                return ViewUncertainty.proportionalToPrior();
            case "idzorek":
                double[] c = new double[views];
                for (int k = 0; k < views; k++) {
                    Double v = confidences.get(k);
                    if (v == null || !(v >= 0 && v <= 1)) {
                        throw new ValidationException(FIELD + ".view_confidences", "view " + (k + 1)
                                + " needs a confidence between 0 and 1");
                    }
                    c[k] = v;
                }
                return ViewUncertainty.idzorek(c);
            case "matrix":
                if (!omega.isArray() || omega.size() != views) {
                    throw new ValidationException(FIELD + ".omega", "must be a " + views + " x " + views + " matrix");
                }
                double[][] m = new double[views][views];
                for (int i = 0; i < views; i++) {
                    for (int j = 0; j < views; j++) {
                        JsonNode x = omega.get(i).get(j);
                        m[i][j] = value(x != null && x.isNumber() ? x.asDouble() : null, FIELD + ".omega");
                    }
                }
                return ViewUncertainty.given(m);
            default:
                throw new ValidationException(FIELD + ".omega", "must be default, idzorek or a matrix");
        }
    }

    private static int index(List<String> tickers, String ticker, String field) {
        int i = tickers.indexOf(ticker);
        if (i < 0) {
            throw new ValidationException(field + "." + ValidationException.clip(ticker), "is not one of the tickers");
        }
        return i;
    }

    private static double value(Double v, String field) {
        if (v == null || !Double.isFinite(v) || Math.abs(v) > 1e6) {
            throw new ValidationException(field, "must be a finite number");
        }
        return v;
    }
}
