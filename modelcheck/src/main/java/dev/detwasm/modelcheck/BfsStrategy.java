package dev.detwasm.modelcheck;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Breadth-first search: a queue of unexplored prefixes. Runs that branch off the first run
 * early come before those that branch off late, so short deviations from fifo are tried first.
 */
public final class BfsStrategy implements Strategy {
    private final Deque<Prefix> queue = new ArrayDeque<>();
    private final Subtrees subtrees;

    public BfsStrategy() {
        this(Subtrees.ALL);
    }

    /** Explores only {@code subtrees} (and the runs above them that find them). */
    BfsStrategy(Subtrees subtrees) {
        this.subtrees = subtrees;
        queue.add(Prefix.root());
    }

    @Override
    public List<RunPlan> upcoming(int limit) {
        return RunPlan.first(queue, limit);
    }

    @Override
    public void completed(ExploredRun run) {
        queue.addAll(subtrees.keep(queue.remove().children(run), run.steps()));
    }

    @Override
    public String origin() {
        return "bfs";
    }

    @Override
    public long frontier() {
        return queue.size();
    }
}
