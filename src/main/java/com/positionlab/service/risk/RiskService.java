package com.positionlab.service.risk;

import java.nio.file.Path;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.riskmodel.Garch11;
import com.positionlab.engine.riskmodel.GarchFit;
import com.positionlab.engine.riskmodel.MonteCarloVar;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.riskmodel.RiskModels;
import com.positionlab.engine.riskmodel.VarEstimate;
import com.positionlab.service.ValidationException;

/**
 * The {@code risk} use case: value at risk and expected shortfall of one series of daily simple returns under
 * one {@link RiskModel}, scaled from one day to the horizon by the square root of time. Bad input is a
 * {@link ValidationException} naming the request field ({@code confidence_level}, {@code horizon_days},
 * {@code scenarios}, {@code returns}).
 */
public final class RiskService {

    /** Measures the returns in a CSV file with a {@code return} column (see the CLI's {@code risk --help}). */
    public RiskResponse measure(Path returnsCsv, RiskRequest request) {
        check(request);
        return measure(ReturnsCsv.read(returnsCsv), request, returnsCsv + ": ");
    }

    /** Measures the given daily returns, oldest first. */
    public RiskResponse measure(double[] returns, RiskRequest request) {
        check(request);
        return measure(returns, request, "");
    }

    private static RiskResponse measure(double[] returns, RiskRequest r, String source) {
        int needed = r.model() == RiskModel.GARCH ? Garch11.MIN_OBSERVATIONS : 2;
        if (returns.length < needed) {
            throw new ValidationException("returns", source + "need at least " + needed + " returns for "
                    + r.model() + ", got " + returns.length);
        }
        try {
            if (r.model() == RiskModel.GARCH) {
                GarchFit fit = Garch11.fit(returns);
                VarEstimate v = fit.var(r.confidenceLevel()).scaled(r.horizonDays());
                return response(r, returns.length, v, new RiskResponse.GarchJson(fit.omega(), fit.alpha(),
                        fit.beta(), fit.mu(), fit.logLikelihood(), fit.forecastVolatility()));
            }
            VarEstimate v = RiskModels.measure(r.model(), returns, r.confidenceLevel(), r.cornishFisher(),
                    r.scenarios(), r.seed()).scaled(r.horizonDays());
            return response(r, returns.length, v, null);
        } catch (InvalidParameterException e) {
            String reason = e.getMessage().substring(e.field().length() + 2);
            throw new ValidationException(e.field(), "returns".equals(e.field()) ? source + reason : reason);
        }
    }

    private static RiskResponse response(RiskRequest r, int observations, VarEstimate v, RiskResponse.GarchJson g) {
        return new RiskResponse(r.model(), r.confidenceLevel(), r.horizonDays(), RiskResponse.SQUARE_ROOT_OF_TIME,
                observations, v.var(), v.cvar(), g);
    }

    /** The request's own fields, checked before any file is read or model fitted. */
    private static void check(RiskRequest r) {
        if (r.model() == null) {
            throw new ValidationException("risk_model", "is required: one of HISTORICAL_VAR, PARAMETRIC, "
                    + "MONTE_CARLO, GARCH");
        }
        double c = r.confidenceLevel();
        if (!(c > 0 && c < 1)) {
            throw new ValidationException("confidence_level", "must be in (0, 1), got " + c);
        }
        if (r.horizonDays() < 1) {
            throw new ValidationException("horizon_days", "must be at least 1, got " + r.horizonDays());
        }
        if (r.model() == RiskModel.MONTE_CARLO
                && (r.scenarios() < MonteCarloVar.MIN_SCENARIOS || r.scenarios() > MonteCarloVar.MAX_SCENARIOS)) {
            throw new ValidationException("scenarios", "must be between " + MonteCarloVar.MIN_SCENARIOS + " and "
                    + MonteCarloVar.MAX_SCENARIOS + ", got " + r.scenarios());
        }
    }
}
