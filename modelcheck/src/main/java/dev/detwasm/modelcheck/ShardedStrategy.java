package dev.detwasm.modelcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The part of an exploration one shard makes ({@code check --shard K/N}). The exploration one
 * process would make is a strategy, or a portfolio of them taking turns (nested portfolios
 * included); each of its leaf strategies is restricted to the shard's part, and the shard makes
 * them one after the other, since the merge puts every run back in its place: run p of a leaf
 * whose turns come every {@code stride} runs from {@code offset} is run {@code stride p +
 * offset} of the whole.
 *
 * <p>A leaf makes no more than the runs it could get within {@code --max-runs}: random and pct
 * the shard's numbers below that; dfs and bfs at most that many runs of the shard's subtrees (a
 * shard cannot know how far the others get, and the merge keeps the first of them in the whole
 * order). Runs made only to find the shard's subtrees, or to fix the run length pct and random
 * (with access points) estimate, are made but not reported.
 */
final class ShardedStrategy implements Strategy {
    private final Shard shard;
    private final Subtrees subtrees;
    private final ShardLedger ledger;
    private final List<Leaf> leaves = new ArrayList<>();
    private int current;
    private boolean lastOwned;

    private ShardedStrategy(Shard shard, ShardLedger ledger) {
        this.shard = shard;
        this.subtrees = Subtrees.of(shard);
        this.ledger = ledger;
    }

    /**
     * The shard's part of {@code whole} under a budget of {@code maxRuns} runs of the whole.
     *
     * @throws IllegalArgumentException when {@code whole} is not made of the built-in strategies
     */
    static ShardedStrategy of(Strategy whole, long maxRuns, ShardLedger ledger) {
        ShardedStrategy sharded = new ShardedStrategy(ledger.shard(), ledger);
        sharded.add(whole, 1, 0, maxRuns);
        return sharded;
    }

    private void add(Strategy strategy, long stride, long offset, long maxRuns) {
        long budget =
                maxRuns == Long.MAX_VALUE ? Long.MAX_VALUE
                        : maxRuns <= offset ? 0 : (maxRuns - offset + stride - 1) / stride;
        switch (strategy) {
            case PortfolioStrategy portfolio -> {
                int count = portfolio.members().size();
                for (int i = 0; i < count; i++) {
                    add(portfolio.members().get(i), stride * count, offset + stride * i, maxRuns);
                }
            }
            case DfsStrategy dfs -> leaves.add(new Leaf(
                    new DfsStrategy(subtrees), "dfs", stride, offset, budget));
            case BfsStrategy bfs -> leaves.add(new Leaf(
                    new BfsStrategy(subtrees), "bfs", stride, offset, budget));
            case RandomStrategy random -> leaves.add(new Leaf(
                    random.only(RunNumbers.of(shard, budget, random.learningRuns())), "number",
                    stride, offset, budget));
            case PctStrategy pct -> leaves.add(new Leaf(
                    pct.only(RunNumbers.of(shard, budget, pct.learningRuns())), "number",
                    stride, offset, budget));
            default -> throw new IllegalArgumentException(
                    "--shard works with the built-in strategies (portfolio, dfs, bfs, random,"
                            + " pct), not with " + strategy.origin());
        }
    }

    /** Tells the ledger what the leaves are and how far they got, once the shard stopped. */
    void record() {
        List<ShardLedger.Leaf> described = new ArrayList<>();
        for (Leaf leaf : leaves) {
            described.add(new ShardLedger.Leaf(leaf.strategy.origin(), leaf.order, leaf.stride,
                    leaf.offset, !leaf.capped && leaf.strategy.upcoming(1).isEmpty()));
        }
        ledger.leaves(described);
    }

    /** Whether some leaf stopped at its budget rather than at the end of its part. */
    boolean cutByBudget() {
        for (Leaf leaf : leaves) {
            if (leaf.capped || leaf.budget != Long.MAX_VALUE && leaf.order.equals("number")) {
                return true;
            }
        }
        return false;
    }

    /** {@code sink}, given only the runs this shard owns. */
    Consumer<ExploredRun> owned(Consumer<ExploredRun> sink) {
        return run -> {
            if (lastOwned) {
                sink.accept(run);
            }
        };
    }

    @Override
    public List<RunPlan> upcoming(int limit) {
        List<RunPlan> plans = new ArrayList<>();
        for (int i = current(); i < leaves.size() && plans.size() < limit; i++) {
            if (!leaves.get(i).capped) {
                plans.addAll(leaves.get(i).strategy.upcoming(limit - plans.size()));
            }
        }
        return plans;
    }

    @Override
    public void completed(ExploredRun run) {
        int index = current();
        Leaf leaf = leaves.get(index);
        RunPlan plan = leaf.strategy.upcoming(1).get(0);
        long number = plan instanceof NumberedPlan numbered ? numbered.number() : -1;
        lastOwned = number >= 0 ? shard.ownsNumber(number) : subtrees.owns(run.steps());
        leaf.strategy.completed(run);
        if (lastOwned) {
            ledger.add(index, number, run);
            leaf.owned++;
            leaf.capped = number < 0 && leaf.owned >= leaf.budget;
        }
    }

    @Override
    public String origin() {
        return leaves.get(current()).strategy.origin();
    }

    /** The first leaf with runs left to make. */
    private int current() {
        while (current < leaves.size()
                && (leaves.get(current).capped
                        || leaves.get(current).strategy.upcoming(1).isEmpty())) {
            current++;
        }
        return current;
    }

    private static final class Leaf {
        private final Strategy strategy;
        private final String order;
        private final long stride;
        private final long offset;
        private final long budget;
        private long owned;
        private boolean capped;

        Leaf(Strategy strategy, String order, long stride, long offset, long budget) {
            this.strategy = strategy;
            this.order = order;
            this.stride = stride;
            this.offset = offset;
            this.budget = budget;
            this.capped = !order.equals("number") && budget == 0;
        }
    }
}
