package dev.detwasm.modelcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The branching decisions of the runs a sampling strategy has made, as a tree: tells when every
 * leaf of the bounded tree has been seen, so random and pct stop once they have explored it
 * all. A node is complete when each of its allowed options leads to a complete node; the end of
 * a run is complete. Decisions with a single allowed option are left out: they cannot differ.
 *
 * <p>The tree is kept only while it is small ({@value #MAX_NODES} nodes): a tree that large
 * will not be covered by sampling anyway, so past that the tree is dropped and {@link
 * #complete} stays false.
 */
final class CoverageTree {
    static final int MAX_NODES = 1 << 18;

    private Node root = new Node();
    private int nodes = 1;

    /** Adds a run's branching decisions. */
    void add(List<Step> steps) {
        if (root == null) {
            return;
        }
        List<Node> path = new ArrayList<>();
        Node node = root;
        for (Step step : steps) {
            if (step.allowed().length < 2) {
                continue;
            }
            path.add(node);
            node.allowed = step.allowed().length;
            Node child = node.child(step.choice());
            if (child == null) {
                if (++nodes > MAX_NODES) {
                    root = null;
                    return;
                }
                child = new Node();
                node.add(step.choice(), child);
            }
            node = child;
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

    /** Whether the tree grew past {@value #MAX_NODES} nodes and was dropped. */
    boolean dropped() {
        return root == null;
    }

    /** Whether every run of the bounded tree has been added. */
    boolean complete() {
        return root != null && root.complete;
    }

    /**
     * A decision of the tree. Most have one child (sampled runs rarely meet where they have
     * been), so the first is a field and only the others take a map.
     */
    private static final class Node {
        private int allowed;
        private boolean complete;
        private int firstChoice;
        private Node first;
        private Map<Integer, Node> others;

        Node child(int choice) {
            if (first != null && firstChoice == choice) {
                return first;
            }
            return others == null ? null : others.get(choice);
        }

        void add(int choice, Node child) {
            if (first == null) {
                firstChoice = choice;
                first = child;
                return;
            }
            if (others == null) {
                others = new HashMap<>(4);
            }
            others.put(choice, child);
        }

        boolean allChildrenComplete() {
            int children = first == null ? 0 : 1 + (others == null ? 0 : others.size());
            if (children < allowed || !first.complete) {
                return false;
            }
            if (others != null) {
                for (Node child : others.values()) {
                    if (!child.complete) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
