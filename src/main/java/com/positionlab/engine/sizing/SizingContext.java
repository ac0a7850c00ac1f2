package com.positionlab.engine.sizing;

import com.positionlab.engine.Reasons;
import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.limits.Binding;
import com.positionlab.engine.limits.Bindings;

/**
 * One sizing in progress: the trade, the book and its annualised variances, and what the steps found on
 * the way (the limits that bound, the details shown beside the result, warnings, and why there is no
 * position when there is none). The method, the limits and the figures read it; only the steps write it.
 */
final class SizingContext implements Bindings {

    static final double YEAR = SizingSpec.PERIODS_PER_YEAR;

    final SizingSpec spec;
    final SizingSpec.Trade trade;
    final MarketModel model;
    final Book book;
    /** The trade's direction: +1 long, -1 short. */
    final int s;
    /** The candidate's index in the book. */
    final int k;
    final RiskEvaluator risk;
    /** The candidate's annualised variance. */
    final double sigma2;
    /** The candidate's annualised covariance with the book. */
    final double cov;
    /** The book's annualised variance before the trade. */
    final double bookVar;

    private final List<Binding> bindings = new ArrayList<>();
    /** What the steps found, shown beside the result. */
    final SizingDetails.Builder details = new SizingDetails.Builder();
    private final List<String> warnings = new ArrayList<>();
    private String reason;
    private RiskBudgeting budgeting;

    SizingContext(SizingSpec spec, MarketModel model) {
        this.spec = spec;
        this.trade = spec.trade();
        this.model = model;
        this.book = model.book();
        this.s = trade.direction();
        this.k = book.candidate();
        this.risk = new RiskEvaluator(model, spec.risk());
        this.sigma2 = model.candidateVariance() * YEAR;
        this.cov = model.candidateBookCovariance() * YEAR;
        this.bookVar = model.bookVariance() * YEAR;
        if (s != 1 && s != -1) {
            throw new InvalidParameterException("direction", "must be LONG or SHORT");
        }
        InvalidParameterException.positive("equity", trade.equity());
        InvalidParameterException.positive("entry_price", trade.entryPrice());
    }

    /** What the book holds of the instrument, in the trade's direction (negative: the other way). */
    double heldWeight() {
        return s * book.weights()[k];
    }

    /** How many other instruments the book holds. */
    int otherPositions() {
        int others = 0;
        for (int i = 0; i < book.size(); i++) {
            if (i != k && book.weights()[i] != 0) {
                others++;
            }
        }
        return others;
    }

    /**
     * The trade that takes the instrument to a target weight: the target less what is already held in
     * the trade's direction (target-weight methods size the whole position, not an addition to it).
     */
    double topUp(double target) {
        double held = heldWeight();
        if (held != 0) {
            details.targetWeight = target;
            details.heldWeight = held;
        }
        if (held >= target) {
            noPosition("the book already holds " + Reasons.pct(held) + " of equity in the instrument, at or above the "
                    + "method's target " + Reasons.pct(target));
            return 0;
        }
        return target - held;
    }

    /** The risk budgets of the spec over this book (only when the spec has budgets). */
    RiskBudgeting budgeting() {
        if (budgeting == null) {
            budgeting = new RiskBudgeting(model, spec.budgets(), trade.strategyId());
        }
        return budgeting;
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** Records a limit that cut the weight from {@code before} to {@code after}, and why. */
    @Override
    public void bind(String name, double before, double after, String why) {
        bindings.add(new Binding(name, before, after, why));
    }

    /** Why the trade gets no position; the first reason given stands. */
    void noPosition(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    String reason() {
        return reason;
    }

    List<Binding> bindings() {
        return bindings;
    }

    SizingDetails details() {
        return details.build();
    }

    List<String> warnings() {
        return warnings;
    }
}
