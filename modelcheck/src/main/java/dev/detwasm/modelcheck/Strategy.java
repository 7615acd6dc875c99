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
    /** {@link #frontier} when the strategy cannot tell how many runs are left. */
    long UNKNOWN = -1;

    /**
     * The runs this strategy will make next, in order, at most {@code limit}; the first is the
     * one {@link #completed} hears about next. A strategy returns the same plan objects until
     * they are completed: the explorer keeps track of them by identity. Empty when there is
     * nothing left to explore.
     */
    List<RunPlan> upcoming(int limit);

    /** The first of {@link #upcoming} has run. */
    void completed(ExploredRun run);

    /**
     * The name reports give the strategy that planned the first of {@link #upcoming}, e.g.
     * {@code dfs} or {@code pct depth 2}: a portfolio names the member whose run it is. By
     * default the class's simple name, so a plugin's strategy need not say more.
     */
    default String origin() {
        return getClass().getSimpleName();
    }

    /**
     * How many distinct runs not yet made this strategy knows of (the systematic strategies'
     * pending prefixes), or {@link #UNKNOWN}: a sampling strategy cannot tell what is left.
     */
    default long frontier() {
        return UNKNOWN;
    }
}
