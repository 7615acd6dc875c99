package dev.detwasm.modelcheck;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Depth-first search: a stack of unexplored prefixes. Runs come in lexicographic order of their
 * traces, so the deepest decision's alternatives are explored first, as in CHESS.
 */
public final class DfsStrategy implements Strategy {
    private final Deque<Prefix> stack = new ArrayDeque<>();

    public DfsStrategy() {
        stack.push(Prefix.root());
    }

    @Override
    public List<RunPlan> upcoming(int limit) {
        return RunPlan.first(stack, limit);
    }

    @Override
    public void completed(ExploredRun run) {
        List<Prefix> children = stack.pop().childrenDepthFirst(run);
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(children.get(i));
        }
    }
}
