package com.positionlab.testing;

import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.sizing.PositionSizingRequest.RiskConstraints;
import com.positionlab.service.sizing.PositionSizingRequest.RiskLimitMeasure;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.sizing.SizingRule;

/** A valid sizing rule with every field set, to change one field at a time in tests. */
public final class RuleBuilder {

    public String ruleId;
    public String ruleName = "Test rule";
    public String description = "for tests";
    public boolean active = true;
    public int priority = 10;
    public SizingMethod sizingMethod = SizingMethod.KELLY_CRITERION;
    public RiskModel riskModel = RiskModel.PARAMETRIC;
    public Double confidenceLevel = 0.99;
    public Integer lookbackPeriod = 500;
    public Double maxPositionSize = 0.1;
    public Double minPositionSize = 0.01;
    public Double volatilityTarget = 0.12;
    public Double fixedPercentage = 0.03;
    public Double riskPerTrade = 0.005;
    public Double kellyMultiplier = 0.5;
    public Double maxKellyFraction = 0.4;
    public Double optimalFFraction = 0.3;
    public double[] tradeReturns = {0.02, -0.01, 0.03};
    public Integer horizonDays = 10;
    public Boolean cornishFisher = true;
    public Integer monteCarloScenarios = 20_000;
    public Long seed = 7L;
    public boolean withConstraints = true;
    public Double maxPortfolioRisk = 0.18;
    public RiskLimitMeasure riskLimitMeasure = RiskLimitMeasure.VAR;
    public Double maxInstrumentWeight = 0.12;
    public Double maxSectorWeight = 0.3;
    public Double correlationLimit = 0.7;
    public Double leverageLimit = 2.0;

    public static RuleBuilder valid() {
        return new RuleBuilder();
    }

    public RuleBuilder named(String name) {
        this.ruleName = name;
        return this;
    }

    public SizingParameters parameters() {
        return new SizingParameters(sizingMethod, riskModel, confidenceLevel, lookbackPeriod, maxPositionSize,
                minPositionSize, volatilityTarget, fixedPercentage, riskPerTrade, kellyMultiplier, maxKellyFraction,
                optimalFFraction, tradeReturns, horizonDays, cornishFisher, monteCarloScenarios, seed);
    }

    public RiskConstraints constraints() {
        return withConstraints ? new RiskConstraints(maxPortfolioRisk, riskLimitMeasure, maxInstrumentWeight,
                maxSectorWeight, correlationLimit, leverageLimit) : null;
    }

    public SizingRule build() {
        return new SizingRule(ruleId, ruleName, description, active, priority, parameters(), constraints());
    }
}
