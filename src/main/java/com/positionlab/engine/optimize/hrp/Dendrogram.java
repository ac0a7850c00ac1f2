package com.positionlab.engine.optimize.hrp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The merge tree of {@code leaves} items: {@code leaves - 1} merges in order of non-decreasing distance, the
 * last one the root (cluster {@code 2 leaves - 2}).
 */
public record Dendrogram(int leaves, List<Merge> merges) {

    public Dendrogram {
        merges = List.copyOf(merges);
        if (leaves < 1 || merges.size() != leaves - 1) {
            throw new IllegalArgumentException("a tree of " + leaves + " leaves has " + (leaves - 1) + " merges, not "
                    + merges.size());
        }
    }

    /**
     * The leaves in pre-order, left child first: the order in which they appear along the dendrogram drawn
     * with each left subtree before its right (SciPy's {@code to_tree(Z).pre_order()}).
     */
    public int[] leafOrder() {
        int[] order = new int[leaves];
        int count = 0;
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(2 * leaves - 2);
        while (!stack.isEmpty()) {
            int node = stack.pop();
            if (node < leaves) {
                order[count++] = node;
            } else {
                Merge m = merges.get(node - leaves);
                stack.push(m.right());
                stack.push(m.left());
            }
        }
        return order;
    }
}
