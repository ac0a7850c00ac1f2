package com.positionlab.ui.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.domain.Range;
import com.positionlab.service.Json;
import com.positionlab.service.optimize.OptimizeRequest;
import com.positionlab.ui.common.FieldReader;

/**
 * The setup of a build as the trader types it: the lookback, the estimators, the objective whose portfolio is
 * selected first, and the constraints, in percent where they are fractions. {@link #read} turns it into the
 * optimisation request the services take (PyPortfolioOpt's vocabulary), recording each problem by field name
 * with the text kept as typed.
 */
public final class BuildForm {

    /** A choice: the API's name and the words a trader reads. */
    public record Choice(String api, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public static final List<Choice> RETURNS = List.of(
            new Choice("mean_historical_return", "Mean historical return"),
            new Choice("ema_historical_return", "Exponentially weighted mean"),
            new Choice("capm_return", "CAPM (market: the universe's mean)"));
    public static final List<Choice> RISK_MODELS = List.of(
            new Choice("ledoit_wolf_constant_variance", "Ledoit-Wolf shrinkage"),
            new Choice("sample_cov", "Sample covariance"),
            new Choice("ledoit_wolf_single_factor", "Ledoit-Wolf, single factor"),
            new Choice("ledoit_wolf_constant_correlation", "Ledoit-Wolf, constant correlation"),
            new Choice("oracle_approximating", "Oracle approximating shrinkage"),
            new Choice("exp_cov", "Exponentially weighted covariance"),
            new Choice("semicovariance", "Semicovariance"));
    public static final List<Choice> OBJECTIVES = List.of(
            new Choice("max_sharpe", "Maximum Sharpe"),
            new Choice("min_volatility", "Minimum volatility"),
            new Choice("risk_parity", "Equal risk (ERC)"),
            new Choice("hrp", "Hierarchical risk parity"),
            new Choice("max_diversification", "Maximum diversification"),
            new Choice("robust", "Robust (box)"));

    /** The typed fields, by name, with their defaults. */
    static final Map<String, String> DEFAULTS = Map.of("lookback_days", "252", "min_weight", "0", "max_weight", "35",
            "sector_max", "", "max_turnover", "", "max_leverage", "", "max_adv_pct", "", "risk_free_rate", "2",
            "transaction_cost_bps", "10", "span", "");

    /** The fields in the order they are read. */
    static final List<String> NAMES = List.of("lookback_days", "span", "min_weight", "max_weight", "sector_max",
            "max_turnover", "max_leverage", "max_adv_pct", "risk_free_rate", "transaction_cost_bps");

    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final ObjectProperty<Choice> returns = new SimpleObjectProperty<>(RETURNS.get(0));
    private final ObjectProperty<Choice> riskModel = new SimpleObjectProperty<>(RISK_MODELS.get(0));
    private final ObjectProperty<Choice> objective = new SimpleObjectProperty<>(OBJECTIVES.get(0));
    private final ViewRows views = new ViewRows();
    private final javafx.beans.property.BooleanProperty tradeOffs = new javafx.beans.property.SimpleBooleanProperty();

    public BuildForm() {
        for (String name : NAMES) {
            fields.put(name, new SimpleStringProperty(DEFAULTS.get(name)));
        }
    }

    public StringProperty field(String name) {
        StringProperty p = fields.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no field " + name);
        }
        return p;
    }

    public Map<String, StringProperty> fields() {
        return fields;
    }

    /** Whether each computation also traces the ESG-Sharpe and turnover-Sharpe trade-offs (slower). */
    public javafx.beans.property.BooleanProperty tradeOffsProperty() {
        return tradeOffs;
    }

    /** The Black-Litterman views. */
    public ViewRows views() {
        return views;
    }

    public ObjectProperty<Choice> returnsProperty() {
        return returns;
    }

    public ObjectProperty<Choice> riskModelProperty() {
        return riskModel;
    }

    public ObjectProperty<Choice> objectiveProperty() {
        return objective;
    }

    /** The cost of trading, as a fraction of the value traded (from basis points), or NaN when wrong. */
    public double costRate(Map<String, String> errors) {
        Double bps = reader(errors).number("transaction_cost_bps", false, Range.closed(0, 1000), "bps");
        return bps == null ? (errors.containsKey("transaction_cost_bps") ? Double.NaN : 0) : bps / 10_000;
    }

    /**
     * The request for a universe, or null when a field is wrong (each problem recorded in {@code errors}).
     *
     * @param sectors the universe's sectors, in its order, for the per-sector cap
     * @param current the current weights by ticker, for the turnover limit and the turnover trade-off
     * @param esg     the instruments' ESG scores by ticker (those known), for the ESG trade-off
     */
    public OptimizeRequest read(String portfolioId, List<String> universe, List<String> sectors,
                                Map<String, Double> current, Map<String, Double> esg, Map<String, String> errors) {
        FieldReader r = reader(errors);
        Long lookback = r.whole("lookback_days", true, 20, 10_000);
        Long span = r.whole("span", false, 2, 10_000);
        Limits limits = new Limits(r.percent("min_weight", true, Range.closed(-1, 1)),
                r.percent("max_weight", true, Range.aboveUpTo(0, 1)),
                r.percent("sector_max", false, Range.aboveUpTo(0, 1)),
                r.percent("max_turnover", false, Range.closed(0, 2)),
                r.percent("max_leverage", false, Range.closed(1, 10)),
                r.percent("max_adv_pct", false, Range.aboveUpTo(0, 10)));
        Double rf = r.percent("risk_free_rate", true, Range.closed(-0.05, 0.5));
        costRate(errors);
        ObjectNode blackLitterman = views.read(universe, errors);
        Double hi = limits.hi();
        if (universe.size() < 2) {
            errors.put("universe", "choose at least two instruments");
        } else if (hi != null && hi * universe.size() < 1 - 1e-12) {
            errors.put("max_weight", "must allow a fully invested portfolio: at least "
                    + FieldReaderText.percent(1.0 / universe.size()) + " for " + universe.size() + " instruments");
        }
        if (limits.lo() != null && hi != null && limits.lo() > hi) {
            errors.put("min_weight", "must not exceed the maximum weight");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        ObjectNode n = Json.mapper().createObjectNode();
        if (portfolioId != null) {
            n.put("portfolio_id", portfolioId);
        }
        n.set("universe", Json.mapper().valueToTree(universe));
        n.put("lookback_days", lookback);
        estimators(n, span);
        n.putObject("objective").put("risk_free_rate", rf);
        n.put("performance_risk_free_rate", rf);
        constraints(n, limits, universe, sectors, current, esg);
        if (blackLitterman != null) {
            n.set("black_litterman", blackLitterman);
        }
        return Json.mapper().convertValue(n, OptimizeRequest.class);
    }

    /** The typed limits, fractions (null where a field is blank or wrong). */
    private record Limits(Double lo, Double hi, Double sector, Double turnover, Double leverage, Double adv) {
    }

    private void estimators(ObjectNode n, Long span) {
        ObjectNode er = n.putObject("expected_returns").put("estimator", returns.get().api());
        ObjectNode rm = n.putObject("risk_model").put("estimator", riskModel.get().api());
        if (span != null && returns.get().api().startsWith("ema")) {
            er.put("span", span);
        }
        if (span != null && riskModel.get().api().equals("exp_cov")) {
            rm.put("span", span);
        }
    }

    private void constraints(ObjectNode n, Limits l, List<String> universe, List<String> sectors,
                             Map<String, Double> current, Map<String, Double> esg) {
        ObjectNode k = n.putObject("constraints");
        k.putArray("weight_bounds").add(l.lo()).add(l.hi());
        if (l.sector() != null) {
            ObjectNode mapper = k.putObject("sector_mapper");
            ObjectNode upper = k.putObject("sector_upper");
            for (int i = 0; i < universe.size(); i++) {
                mapper.put(universe.get(i), sectors.get(i));
                upper.put(sectors.get(i), l.sector());
            }
        }
        if (l.turnover() != null) {
            k.put("max_turnover", l.turnover());
        }
        if (l.leverage() != null) {
            k.put("max_leverage", l.leverage());
        }
        if (l.adv() != null) {
            k.putObject("liquidity").put("max_adv_share", l.adv());
        }
        if (l.turnover() != null || l.adv() != null || tradeOffs.get()) {
            ObjectNode w = k.putObject("current_weights");
            universe.forEach(t -> w.put(t, current.getOrDefault(t, 0.0)));
        }
        if (tradeOffs.get()) {
            n.put("pareto_levels", 9);
            if (universe.stream().allMatch(esg::containsKey)) {
                ObjectNode scores = k.putObject("esg_scores");
                universe.forEach(t -> scores.put(t, esg.get(t)));
            }
        }
    }

    private FieldReader reader(Map<String, String> errors) {
        Map<String, String> text = new LinkedHashMap<>();
        fields.forEach((name, p) -> text.put(name, p.get()));
        return new FieldReader(text, errors);
    }

    /** Restores the fields from a stored setup (as far as it can be read back), keeping defaults otherwise. */
    public void restore(OptimizeRequest setup) {
        if (setup.lookbackDays() != null) {
            field("lookback_days").set(Long.toString(setup.lookbackDays()));
        }
        if (setup.expectedReturns() != null) {
            RETURNS.stream().filter(c -> c.api().equals(setup.expectedReturns().estimator())).findFirst()
                    .ifPresent(returns::set);
        }
        Integer span = setup.expectedReturns() != null && setup.expectedReturns().span() != null
                ? setup.expectedReturns().span() : setup.riskModel() != null ? setup.riskModel().span() : null;
        if (span != null) {
            field("span").set(Integer.toString(span));
        }
        if (setup.riskModel() != null) {
            RISK_MODELS.stream().filter(c -> c.api().equals(setup.riskModel().estimator())).findFirst()
                    .ifPresent(riskModel::set);
        }
        if (setup.performanceRiskFreeRate() != null) {
            field("risk_free_rate").set(FieldReaderText.number(setup.performanceRiskFreeRate() * 100));
        }
        var c = setup.constraints();
        if (c != null && c.weightBounds() != null && c.weightBounds().isArray() && c.weightBounds().size() == 2) {
            field("min_weight").set(FieldReaderText.number(c.weightBounds().get(0).asDouble() * 100));
            field("max_weight").set(FieldReaderText.number(c.weightBounds().get(1).asDouble() * 100));
        }
        if (c != null && c.sectorUpper() != null && !c.sectorUpper().isEmpty()) {
            field("sector_max").set(FieldReaderText.number(c.sectorUpper().values().iterator().next() * 100));
        }
        if (c != null && c.maxTurnover() != null) {
            field("max_turnover").set(FieldReaderText.number(c.maxTurnover() * 100));
        }
        if (c != null && c.maxLeverage() != null) {
            field("max_leverage").set(FieldReaderText.number(c.maxLeverage() * 100));
        }
        if (c != null && c.liquidity() != null && c.liquidity().maxAdvShare() != null) {
            field("max_adv_pct").set(FieldReaderText.number(c.liquidity().maxAdvShare() * 100));
        }
    }
}
