package com.positionlab.engine.optimize.ucits;

import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.engine.optimize.ucits.Relaxation.Side;

/**
 * The exact optimum of a mean-variance {@link Goal} under a {@link UcitsRule}, by best-first branch and bound
 * over the set S of the rule. The root puts IN the assets whose lower bound is above the threshold and OUT
 * those whose cap is not, and leaves the others undecided; each node is bounded by its {@link Relaxation}.
 * A node whose relaxed optimum meets the rule is solved: no portfolio of the node is better, and that one is
 * feasible. Otherwise some undecided asset lies above the threshold (else the IN assets alone would break the
 * limit, which the relaxation forbids), and the node branches on one (IN: counted in full; OUT: capped at the
 * threshold), chosen by {@link #branchAsset}. Open nodes are taken in order of their bound, and the search
 * stops when the best open bound is no better than the best feasible portfolio (relative tolerance
 * {@value #PRUNE}); a node whose bound is no better is never opened. With every asset decided the relaxation
 * is the exact problem of that S, so the search ends.
 */
final class BranchAndBound {

    /** Relative tolerance under which a bound counts as no better than the incumbent. */
    static final double PRUNE = 1e-10;

    /** The most nodes a search may solve before it gives up. */
    static final int MAX_NODES = 200_000;

    /**
     * A search's answer.
     *
     * @param value  the goal's value at the weights
     * @param solver the method that solved the convex problem of the answer's node
     * @param nodes  the nodes whose relaxation was solved (the root included)
     */
    record Result(double[] weights, double value, String solver, int nodes) {
    }

    private record Node(Side[] sides, Relaxation.Optimum optimum, int order) {
    }

    private final UcitsRule rule;
    private final Relaxation relaxation;
    private final int n;
    private int nodes;

    private BranchAndBound(PortfolioProblem p, UcitsRule rule, Goal goal, MeanVariance.Choice choice) {
        this.rule = rule;
        this.relaxation = new Relaxation(p, rule, goal, choice);
        this.n = p.n();
    }

    /** The optimum of the goal under the rule; null when no portfolio of the problem meets the rule. */
    static Result search(PortfolioProblem p, UcitsRule rule, Goal goal, MeanVariance.Choice choice) {
        return new BranchAndBound(p, rule, goal, choice).run(p);
    }

    private Result run(PortfolioProblem p) {
        Side[] sides = new Side[n];
        for (int i = 0; i < n; i++) {
            sides[i] = p.lower()[i] > rule.threshold() ? Side.IN
                    : relaxation.cap(i) <= rule.threshold() ? Side.OUT : Side.UNDECIDED;
        }
        Relaxation.Optimum root = solve(sides, List.of());
        if (root == null) {
            return null;
        }
        if (rule.holds(root.weights())) {
            return result(root);
        }
        PriorityQueue<Node> open = new PriorityQueue<>(Comparator.comparingDouble((Node x) -> x.optimum().value())
                .thenComparingInt(Node::order));
        open.add(new Node(sides, root, 0));
        Relaxation.Optimum best = null;
        while (!open.isEmpty()) {
            Node node = open.poll();
            if (best != null && !better(node.optimum().value(), best.value())) {
                break;
            }
            int i = branchAsset(node);
            for (Side side : new Side[] {Side.IN, Side.OUT}) {
                Side[] child = node.sides().clone();
                child[i] = side;
                Relaxation.Optimum o = solve(child, node.optimum().cuts());
                if (o == null || best != null && !better(o.value(), best.value())) {
                    continue;
                }
                if (rule.holds(o.weights())) {
                    best = o;
                } else {
                    open.add(new Node(child, o, nodes));
                }
            }
        }
        return best == null ? null : result(best);
    }

    private Relaxation.Optimum solve(Side[] sides, List<BitSet> cuts) {
        if (++nodes > MAX_NODES) {
            throw new OptimizationException(OptimizationException.Status.NOT_CONVERGED, "the UCITS branch and "
                    + "bound did not finish within " + MAX_NODES + " nodes");
        }
        return relaxation.solve(sides, cuts);
    }

    /**
     * The undecided asset above the threshold farthest from both ends of its undercounted range: the largest
     * {@code min(w_i - t, w_i - k_i (w_i - t))}, the smaller of its distance above the threshold (what putting
     * it OUT costs) and of what the relaxation leaves uncounted (what putting it IN costs, zero at the cap).
     * On random factor-model problems this took fewer nodes than the largest undercount alone (which picks
     * weights just above the threshold) or the largest weight. Ties go to the lowest index.
     */
    private int branchAsset(Node node) {
        double[] w = node.optimum().weights();
        int best = -1;
        double gap = -1;
        for (int i = 0; i < n; i++) {
            if (node.sides()[i] == Side.UNDECIDED && w[i] > rule.threshold() + UcitsRule.TOLERANCE) {
                double g = Math.min(w[i] - rule.threshold(), w[i] - relaxation.counted(i, w[i]));
                if (g > gap) {
                    gap = g;
                    best = i;
                }
            }
        }
        if (best < 0) {
            throw new IllegalStateException("a relaxed optimum breaks the UCITS rule with no asset to branch on");
        }
        return best;
    }

    private static boolean better(double value, double incumbent) {
        return value < incumbent - PRUNE * Math.abs(incumbent);
    }

    private Result result(Relaxation.Optimum o) {
        return new Result(o.weights(), o.value(), o.solver(), nodes);
    }
}
