package dev.detwasm.modelcheck;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Depth-first search, iterative in the preemption bound, as CHESS does it: every run with no
 * preemption first, then every run with exactly one, then two, and so on up to {@code
 * --preemption-bound}. A bug that needs k preemptions is thus reached before any run with more,
 * however large the tree of runs with more is.
 *
 * <p>Within one level, a stack of unexplored prefixes: runs come in lexicographic order of
 * their traces, so the deepest decision's alternatives are explored first. A prefix that would
 * spend one preemption more than the level allows waits for the next level, which starts from
 * those prefixes sorted (they are disjoint subtrees: none extends another, since each spends
 * a preemption no run of the level has), so that level too comes in lexicographic order. Each
 * run is made once, at the level of its own number of preemptions (option 0, which a prefix is
 * followed by, is never a preemption).
 */
public final class DfsStrategy implements Strategy {
    private final Deque<Prefix> stack = new ArrayDeque<>();
    private List<Prefix> nextLevel = new ArrayList<>();
    private final Subtrees subtrees;
    private int level;

    public DfsStrategy() {
        this(Subtrees.ALL);
    }

    /** Explores only {@code subtrees} (and the runs above them that find them). */
    DfsStrategy(Subtrees subtrees) {
        this.subtrees = subtrees;
        stack.push(Prefix.root());
    }

    @Override
    public List<RunPlan> upcoming(int limit) {
        if (stack.isEmpty() && !nextLevel.isEmpty()) {
            level++;
            nextLevel.sort(Prefix::compare);
            for (int i = nextLevel.size() - 1; i >= 0; i--) {
                stack.push(nextLevel.get(i));
            }
            nextLevel = new ArrayList<>();
        }
        return RunPlan.first(stack, limit);
    }

    @Override
    public void completed(ExploredRun run) {
        List<Prefix> children =
                subtrees.keep(stack.pop().childrenDepthFirst(run), run.steps());
        for (int i = children.size() - 1; i >= 0; i--) {
            Prefix child = children.get(i);
            if (child.preemptions() <= level) {
                stack.push(child);
            }
        }
        for (Prefix child : children) {
            if (child.preemptions() > level) {
                nextLevel.add(child);
            }
        }
    }

    @Override
    public String origin() {
        return "dfs";
    }

    @Override
    public long frontier() {
        return stack.size() + nextLevel.size();
    }
}
