package com.positionlab.engine.optimize.allocate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyPortfolioOpt's greedy discrete allocation ({@code DiscreteAllocation.greedy_portfolio}, version 1.5.6),
 * reproduced for its results and extended to lots. Each {@link Book} is allocated on its own; within a book
 * of value V, with target weights w_i in descending order, unit prices p_i and lot sizes L_i:
 *
 * <ol>
 *   <li>Round 1, in descending weight: {@code L_i * floor((w_i V / p_i) / L_i)} units (as many lots as the
 *       weight's value buys whole), fewer only if the cash left cannot pay for them.</li>
 *   <li>Round 2, one lot at a time while cash is left: the current weights are
 *       {@code c_i = units_i p_i / sum_j units_j p_j} (0 while nothing is held) and the deficits
 *       {@code w_i - c_i}; of the ten largest deficits (ties to the earlier ticker), the largest positive
 *       one whose lot {@code L_i p_i} the cash still pays for gets a lot. It stops when none of those ten can
 *       be bought, as upstream does (its search gives up after ten unaffordable assets).</li>
 * </ol>
 * The cash is spent in the order above, so the leftover is the book's value minus the lots bought, in the
 * same floating-point steps as upstream. With every lot size 1 the units equal upstream's shares.
 */
public final class GreedyAllocator {

    /** How many of the largest deficits round 2 looks at before it stops (upstream's search limit). */
    static final int DEFICIT_SEARCH = 10;

    private GreedyAllocator() {
    }

    /** Whole units for {@code request}, book by book as described above. */
    public static Allocation allocate(AllocationRequest request) {
        List<Book> books = Book.split(request);
        Map<String, Long> units = new LinkedHashMap<>();
        double[] leftover = new double[2];
        for (int b = 0; b < 2; b++) {
            Book book = books.get(b);
            long[] u = new long[book.size()];
            leftover[b] = allocate(book, u);
            for (int i = 0; i < u.length; i++) {
                if (u[i] != 0) {
                    units.put(book.tickers().get(i), b == 0 ? u[i] : -u[i]);
                }
            }
        }
        return new Allocation(units, leftover[0], leftover[1]);
    }

    /** Fills {@code units} for one book and returns its leftover cash. */
    static double allocate(Book book, long[] units) {
        double cash = book.value();
        for (int i = 0; i < book.size(); i++) {
            double lotCost = book.lots()[i] * book.prices()[i];
            long lots = (long) Math.floor(book.weights()[i] * book.value() / book.prices()[i] / book.lots()[i]);
            if (lots * lotCost > cash) {
                lots = (long) Math.floor(cash / lotCost);
            }
            units[i] = lots * book.lots()[i];
            cash -= units[i] * book.prices()[i];
        }
        while (cash > 0) {
            int pick = affordableLargestDeficit(book, units, cash);
            if (pick < 0) {
                break;
            }
            units[pick] += book.lots()[pick];
            cash -= book.lots()[pick] * book.prices()[pick];
        }
        return cash;
    }

    /** Round 2's choice: the index to buy a lot of, or -1 when round 2 is over. */
    private static int affordableLargestDeficit(Book book, long[] units, double cash) {
        int n = book.size();
        double[] value = new double[n];
        double held = 0;
        for (int i = 0; i < n; i++) {
            value[i] = units[i] * book.prices()[i];
            held += value[i];
        }
        double[] deficit = new double[n];
        for (int i = 0; i < n; i++) {
            deficit[i] = book.weights()[i] - (held == 0 ? 0 : value[i] / held);
        }
        boolean[] seen = new boolean[n];
        for (int k = 0; k < Math.min(DEFICIT_SEARCH, n); k++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!seen[i] && (best < 0 || deficit[i] > deficit[best])) {
                    best = i;
                }
            }
            if (!(deficit[best] > 0)) {
                return -1;
            }
            if (book.lots()[best] * book.prices()[best] <= cash) {
                return best;
            }
            seen[best] = true;
        }
        return -1;
    }
}
