package com.positionlab.engine.optimize.allocate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;

import com.positionlab.engine.InvalidParameterException;

/**
 * Discrete allocation by mixed-integer linear programming (ojAlgo's branch and bound). Each {@link Book}
 * (value V, target weights w_i, unit prices p_i, lot sizes L_i) is solved on its own for whole lots
 * {@code k_i >= 0}, minimising the absolute deviation of the positions from their target values within the
 * budget:
 * <pre>
 *   minimise   sum_i |w_i V - k_i L_i p_i|     subject to   sum_i k_i L_i p_i <= V
 * </pre>
 * (account currency). Cash left over is not a separate term: when the weights sum to 1 the deviation is at
 * least the leftover. The absolute values are linearised by {@code u_i >= +-(w_i V - k_i L_i p_i)}, and every
 * amount is divided by V so the solver sees numbers near 1. Greedy's allocation is feasible for this program,
 * so the optimum never deviates more than greedy's; the search starts from it. (PyPortfolioOpt's {@code lp_portfolio} adds the leftover
 * to this sum; with weights summing to 1 that objective is twice the underweight total, blind to overweight
 * positions, and its many equal optima make branch and bound wander.)
 *
 * <p>The search runs on one thread (so, unless the time limit cuts it short, the same input gives the same
 * units) and stops at the time limit; the best allocation found by then is returned as
 * {@link ExactAllocation.Status#FEASIBLE}. The search proves optimality slowly: the linear relaxation puts every
 * position on its target, so its bound is weak, and a handful of tickers with wide lot ranges can take
 * seconds. Infeasible, unbounded or
 * failed solves, and solutions that are not whole lots within the budget, throw {@link IllegalStateException}.
 */
public final class ExactAllocator {

    /** The shortest and longest time limits accepted. */
    public static final Duration MIN_TIME = Duration.ofMillis(10);
    public static final Duration MAX_TIME = Duration.ofMinutes(10);
    /** How far a solver value may be from a whole number of lots, and the budget overrun tolerated (of V). */
    static final double INTEGRALITY = 1e-6;
    static final double BUDGET_SLACK = 1e-9;

    private ExactAllocator() {
    }

    /** Whole units for {@code request} minimising {@link #deviation}, book by book, within {@code timeLimit}. */
    public static ExactAllocation allocate(AllocationRequest request, Duration timeLimit) {
        if (timeLimit == null || timeLimit.compareTo(MIN_TIME) < 0 || timeLimit.compareTo(MAX_TIME) > 0) {
            throw new InvalidParameterException("time_limit", "must be from " + MIN_TIME + " to " + MAX_TIME
                    + ", got " + timeLimit);
        }
        List<Book> books = Book.split(request);
        Map<String, Long> units = new LinkedHashMap<>();
        double[] leftover = new double[2];
        ExactAllocation.Status status = ExactAllocation.Status.OPTIMAL;
        for (int b = 0; b < 2; b++) {
            Book book = books.get(b);
            long[] u = new long[book.size()];
            if (solve(book, u, timeLimit) == ExactAllocation.Status.FEASIBLE) {
                status = ExactAllocation.Status.FEASIBLE;
            }
            leftover[b] = book.value();
            for (int i = 0; i < u.length; i++) {
                leftover[b] -= u[i] * book.prices()[i];
                if (u[i] != 0) {
                    units.put(book.tickers().get(i), b == 0 ? u[i] : -u[i]);
                }
            }
        }
        // An overrun within BUDGET_SLACK is the rounding of whole lots that exactly fill the book: no cash left.
        Allocation allocation = new Allocation(units, Math.max(0, leftover[0]), Math.max(0, leftover[1]));
        return new ExactAllocation(allocation, status, deviation(request, allocation));
    }

    /**
     * The objective of any allocation of {@code request}, summed over its books:
     * {@code sum_i |w_i V - |units_i| p_i|} with each book's weights and value (account currency).
     */
    public static double deviation(AllocationRequest request, Allocation allocation) {
        double total = 0;
        for (Book book : Book.split(request)) {
            for (int i = 0; i < book.size(); i++) {
                double held = Math.abs(allocation.unitsOf(book.tickers().get(i))) * book.prices()[i];
                total += Math.abs(book.weights()[i] * book.value() - held);
            }
        }
        return total;
    }

    /**
     * An upper bound on an optimum's lots: one lot more than the target's whole lots, and no more than the
     * budget buys. (A position at least a lot above its target loses a lot's deviation, and frees budget, by
     * selling that lot, so no optimum holds one.)
     */
    static double mostLots(double targetShare, double lotShare) {
        return Math.min(Math.floor(1 / lotShare), Math.floor(targetShare / lotShare) + 1);
    }

    /** Fills {@code units} with the book's optimum and returns how sure the solver is of it. */
    private static ExactAllocation.Status solve(Book book, long[] units, Duration timeLimit) {
        if (book.size() == 0 || book.value() == 0) {
            return ExactAllocation.Status.OPTIMAL;
        }
        Variable[] lots = new Variable[book.size()];
        ExpressionsBasedModel model = program(book, timeLimit, lots);
        Optimisation.Result result;
        try {
            result = model.minimise();
        } catch (RuntimeException e) {
            // ojAlgo reports a failed search (a worker's stack overflow, say) as a RuntimeException.
            throw new IllegalStateException("the integer program failed: " + e, e);
        }
        Optimisation.State state = result.getState();
        if (!state.isFeasible()) {
            throw new IllegalStateException("the integer program found no allocation: " + state);
        }
        double spent = 0;
        for (int i = 0; i < lots.length; i++) {
            double x = result.doubleValue(model.indexOf(lots[i]));
            long whole = Math.round(x);
            if (Math.abs(x - whole) > INTEGRALITY || whole < 0) {
                throw new IllegalStateException("the integer program returned " + x + " lots of "
                        + book.tickers().get(i));
            }
            units[i] = whole * book.lots()[i];
            spent += units[i] * book.prices()[i];
        }
        if (spent > book.value() * (1 + BUDGET_SLACK)) {
            throw new IllegalStateException("the integer program spent " + spent + " of " + book.value());
        }
        return state.isOptimal() ? ExactAllocation.Status.OPTIMAL : ExactAllocation.Status.FEASIBLE;
    }

    /**
     * The book's program in fractions of its value: lots {@code k_i} (integer, filled into {@code lots}) and
     * deviations {@code u_i >= +-(w_i - k_i L_i p_i / V)}, minimising {@code sum u_i} with
     * {@code sum k_i L_i p_i / V <= 1}; greedy's allocation is the starting point.
     */
    private static ExpressionsBasedModel program(Book book, Duration timeLimit, Variable[] lots) {
        Optimisation.Options options = new Optimisation.Options();
        options.time_abort = timeLimit.toMillis();
        options.time_suffice = timeLimit.toMillis();
        options.integer(IntegerStrategy.newConfigurable().withParallelism(() -> 1));
        ExpressionsBasedModel model = new ExpressionsBasedModel(options);
        Expression budget = model.addExpression("budget").upper(1);
        long[] start = new long[book.size()];
        GreedyAllocator.allocate(book, start);
        for (int i = 0; i < lots.length; i++) {
            double lotShare = book.lots()[i] * book.prices()[i] / book.value();
            double target = book.weights()[i];
            lots[i] = model.addVariable("k" + i).integer(true).lower(0).upper(mostLots(target, lotShare));
            Variable dev = model.addVariable("u" + i).lower(0).weight(1);
            long startLots = start[i] / book.lots()[i];
            lots[i].setValue(startLots);
            dev.setValue(Math.abs(target - startLots * lotShare));
            budget.set(lots[i], lotShare);
            model.addExpression("over" + i).lower(target).set(dev, 1).set(lots[i], lotShare);
            model.addExpression("under" + i).lower(-target).set(dev, 1).set(lots[i], -lotShare);
        }
        return model;
    }
}
