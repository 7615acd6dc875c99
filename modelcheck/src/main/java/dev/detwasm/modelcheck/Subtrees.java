package dev.detwasm.modelcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Optional;

/**
 * Which subtrees of the tree of decisions a systematic strategy (dfs, bfs) explores: all of
 * them, or under {@code --shard} those whose key is the shard's. A subtree's key is the list of
 * choices at the first {@link Shard#splitDepth} branching decisions (those with two options or
 * more) of its runs; a run with fewer has all its choices as its key. A prefix that fixes the
 * whole key is kept only by the shard that owns it; a shorter one is kept by every shard, whose
 * run is then made by each of them to find the subtrees below it (and reported by its owner).
 */
final class Subtrees {
    static final Subtrees ALL = new Subtrees(Optional.empty());

    private final Optional<Shard> shard;

    private Subtrees(Optional<Shard> shard) {
        this.shard = shard;
    }

    static Subtrees of(Shard shard) {
        return new Subtrees(Optional.of(shard));
    }

    /** Whether the run with these steps is in one of the subtrees explored. */
    boolean owns(List<Step> steps) {
        if (shard.isEmpty()) {
            return true;
        }
        List<Integer> key = new ArrayList<>();
        for (Step step : steps) {
            if (key.size() == shard.get().splitDepth()) {
                break;
            }
            if (step.allowed().length > 1) {
                key.add(step.choice());
            }
        }
        return shard.get().ownsKey(key);
    }

    /**
     * The children of a run (made from a prefix, branching off it at its steps) whose subtrees
     * may hold runs explored here, in their order.
     */
    List<Prefix> keep(List<Prefix> children, List<Step> steps) {
        if (shard.isEmpty()) {
            return children;
        }
        int depth = shard.get().splitDepth();
        List<Integer> choices = new ArrayList<>();
        List<Integer> branchingAt = new ArrayList<>();
        for (Step step : steps) {
            if (step.allowed().length > 1) {
                choices.add(step.choice());
                branchingAt.add(step.index());
            }
        }
        List<Prefix> kept = new ArrayList<>();
        for (Prefix child : children) {
            // the child changes the choice at this branching decision, counted from 0
            int position = Collections.binarySearch(branchingAt, child.length() - 1);
            if (position < depth - 1) {
                kept.add(child);
                continue;
            }
            List<Integer> key = new ArrayList<>(choices.subList(0, depth));
            if (position == depth - 1) {
                key.set(depth - 1, child.last());
            }
            if (shard.get().ownsKey(key)) {
                kept.add(child);
            }
        }
        return kept;
    }
}
