package dev.detwasm.modelcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The default of {@code detwasm check}: several strategies take turns, one run each, under one
 * run budget and one set of findings, so whichever finds a bug first finds it for all. Each
 * member makes exactly the runs it makes on its own, so a bug a member finds at its run r is
 * found by the portfolio at run m r + i at the latest (member i of m): within m times the runs
 * of the best member.
 *
 * <p>Every member explores the same bounded tree, and a member that has nothing left has seen
 * all of it (dfs made every run; random or pct saw every leaf), so the portfolio ends with the
 * first member that does, or as soon as the runs of all members together cover the tree.
 */
public final class PortfolioStrategy implements Strategy {
    private final List<Strategy> members;
    private final CoverageTree coverage = new CoverageTree();
    private long next;

    public PortfolioStrategy(List<Strategy> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a portfolio needs a member");
        }
        this.members = List.copyOf(members);
    }

    /**
     * The default portfolio: iterative dfs (shallow preemption bounds first, and exhaustive
     * when the tree is small), random walks, pct at depth 3, bfs, and pct at depths 1 and 2
     * taking the fifth turn alternately. dfs, bfs, random and pct at depth 3 make exactly what
     * they make alone with the same seed, so the portfolio finds a bug within 5 times the runs
     * of the best of the four single strategies; depths 1 and 2 draw from seeds derived from
     * it, so the members do not walk in step. Each member has its own settings: the
     * portfolio takes no options, and {@code --strategy-option pct.depth} is pct's alone.
     */
    public static PortfolioStrategy standard(ExplorationFacts facts) {
        long seed = facts.seed();
        return new PortfolioStrategy(
                List.of(
                        new DfsStrategy(),
                        new RandomStrategy(facts),
                        new PctStrategy(facts, new PctSettings(3)),
                        new BfsStrategy(),
                        new PortfolioStrategy(List.of(
                                new PctStrategy(facts.withSeed(derived(seed, 1)),
                                        new PctSettings(1)),
                                new PctStrategy(facts.withSeed(derived(seed, 2)),
                                        new PctSettings(2))))));
    }

    private static long derived(long seed, int depth) {
        return seed ^ (0x9E3779B97F4A7C15L * depth);
    }

    /** Its members, in the order they take turns. */
    List<Strategy> members() {
        return members;
    }

    @Override
    public List<RunPlan> upcoming(int limit) {
        if (coverage.complete()) {
            return List.of();
        }
        int count = members.size();
        List<List<RunPlan>> plans = new ArrayList<>(count);
        for (Strategy member : members) {
            List<RunPlan> planned = member.upcoming(limit / count + 1);
            if (planned.isEmpty()) {
                return List.of();
            }
            plans.add(planned);
        }
        List<RunPlan> result = new ArrayList<>();
        int[] taken = new int[count];
        for (long slot = next; result.size() < limit; slot++) {
            int member = (int) (slot % count);
            if (taken[member] == plans.get(member).size()) {
                break;
            }
            result.add(plans.get(member).get(taken[member]++));
        }
        return result;
    }

    @Override
    public void completed(ExploredRun run) {
        current().completed(run);
        coverage.add(run.steps());
        next++;
    }

    @Override
    public String origin() {
        return current().origin();
    }

    private Strategy current() {
        return members.get((int) (next % members.size()));
    }
}
