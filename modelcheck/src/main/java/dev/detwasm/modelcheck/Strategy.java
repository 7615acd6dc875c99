package dev.detwasm.modelcheck;

import java.util.List;

/**
 * Which runs an exploration makes, and in which order. The {@link Explorer} asks for the runs
 * to come, may execute several of them at once ({@code --jobs}), and reports each run back in
 * the strategy's own order, so the strategy's state evolves exactly as in a sequential
 * exploration.
 *
 * <p>Not thread-safe: the explorer calls it under its lock.
 */
public interface Strategy {

    /**
     * The runs this strategy will make next, in order, at most {@code limit}; the first is the
     * one {@link #completed} hears about next. A strategy returns the same plan objects until
     * they are completed: the explorer keeps track of them by identity. Empty when there is
     * nothing left to explore.
     */
    List<RunPlan> upcoming(int limit);

    /** The first of {@link #upcoming} has run. */
    void completed(ExploredRun run);
}
