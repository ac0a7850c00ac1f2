package com.positionlab.service.optimize;

import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.optimize.meanvariance.LinearConstraint;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.ucits.UcitsRule;
import com.positionlab.service.optimize.OptimizeResponse.Binding;

/**
 * The constraints at their limits in an optimised portfolio: weight bounds, sector and linear rows, the
 * turnover and leverage limits and the UCITS rule's, each with its value, the limit and the slack
 * ({@code |limit - value|}), binding when the slack is within {@value #BINDING} (scaled by the limit's size).
 */
public final class Bindings {

    static final double BINDING = 1e-8;

    private Bindings() {
    }

    public static List<Binding> of(PortfolioProblem p, double[] w) {
        return of(p, w, null);
    }

    /**
     * As {@link #of(PortfolioProblem, double[])}, with the UCITS rule's limits when there is one: each weight at
     * the issuer limit ("A UCITS issuer limit") and the sum of the weights above the threshold at the
     * concentration limit ("UCITS 5/10/40: sum of weights above 5%").
     */
    static List<Binding> of(PortfolioProblem p, double[] w, UcitsRule ucits) {
        List<Binding> out = new ArrayList<>();
        for (int i = 0; i < p.n(); i++) {
            add(out, p.names().get(i) + " lower bound", w[i], p.lower()[i]);
            add(out, p.names().get(i) + " upper bound", w[i], p.upper()[i]);
        }
        for (LinearConstraint row : p.rows()) {
            double v = row.value(w);
            add(out, row.name() + " minimum", v, row.lower());
            add(out, row.name() + " maximum", v, row.upper());
        }
        if (p.maxTurnover() < Double.POSITIVE_INFINITY) {
            double t = 0;
            for (int i = 0; i < p.n(); i++) {
                t += Math.abs(w[i] - p.previous()[i]);
            }
            add(out, "max_turnover", t, p.maxTurnover());
        }
        if (p.maxLeverage() < Double.POSITIVE_INFINITY) {
            double g = 0;
            for (double x : w) {
                g += Math.abs(x);
            }
            add(out, "max_leverage", g, p.maxLeverage());
        }
        if (ucits != null) {
            for (int i = 0; i < p.n(); i++) {
                add(out, p.names().get(i) + " UCITS issuer limit", w[i], ucits.issuerLimit());
            }
            add(out, "UCITS " + ucits.label() + ": sum of weights above " + UcitsRule.percent(ucits.threshold()) + "%",
                    ucits.concentration(w), ucits.concentrationLimit());
        }
        return out;
    }

    private static void add(List<Binding> out, String name, double value, double limit) {
        if (Double.isFinite(limit) && Math.abs(value - limit) <= BINDING * (1 + Math.abs(limit))) {
            out.add(new Binding(name, value, limit, Math.abs(limit - value)));
        }
    }
}
