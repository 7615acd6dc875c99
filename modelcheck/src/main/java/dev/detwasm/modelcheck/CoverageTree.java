package dev.detwasm.modelcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The branching decisions of the runs a sampling strategy has made, as a tree: tells when every
 * leaf of the bounded tree has been seen, so random and pct stop once they have explored it
 * all. A node is complete when each of its allowed options leads to a complete node; the end of
 * a run is complete.
 */
final class CoverageTree {
    private final Node root = new Node();

    /** Adds a run's branching decisions. */
    void add(List<Step> steps) {
        List<Node> path = new ArrayList<>(steps.size() + 1);
        Node node = root;
        for (Step step : steps) {
            path.add(node);
            node.allowed = step.allowed().length;
            node = node.children.computeIfAbsent(step.choice(), c -> new Node());
        }
        node.complete = true;
        for (int i = path.size() - 1; i >= 0; i--) {
            Node parent = path.get(i);
            if (parent.complete || !parent.allChildrenComplete()) {
                return;
            }
            parent.complete = true;
        }
    }

    /** Whether every run of the bounded tree has been added. */
    boolean complete() {
        return root.complete;
    }

    private static final class Node {
        private final Map<Integer, Node> children = new HashMap<>();
        private int allowed;
        private boolean complete;

        boolean allChildrenComplete() {
            if (children.size() < allowed) {
                return false;
            }
            for (Node child : children.values()) {
                if (!child.complete) {
                    return false;
                }
            }
            return true;
        }
    }
}
