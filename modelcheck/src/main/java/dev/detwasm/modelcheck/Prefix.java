package dev.detwasm.modelcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan of a systematic strategy: replay a prefix of choices, then take option 0 at every
 * later decision. The run it makes is the leftmost leaf under the prefix; its branching
 * decisions past the prefix give the prefixes of the unexplored siblings.
 *
 * <p>Every leaf of the bounded tree is made by exactly one prefix (its trace up to its last
 * choice other than 0), whatever order the prefixes are explored in: that is why dfs and bfs
 * make the same set of runs.
 *
 * <p>A prefix is the first {@code length - 1} choices of the run it branched off, then {@code
 * last}; the siblings from one run share that run's trace, so a run with thousands of
 * decisions does not copy its trace for each of them.
 */
final class Prefix implements RunPlan {
    private static final int[] EMPTY = new int[0];

    private final int[] base;
    private final int length;
    private final int last;
    private final int preemptions;

    private Prefix(int[] base, int length, int last, int preemptions) {
        this.base = base;
        this.length = length;
        this.last = last;
        this.preemptions = preemptions;
    }

    /** The empty prefix: the run that takes option 0 everywhere. */
    static Prefix root() {
        return new Prefix(EMPTY, 0, 0, 0);
    }

    /**
     * How many preemptions the run this prefix makes has: those of the prefix, since option 0,
     * taken after it, is never a preemption.
     */
    int preemptions() {
        return preemptions;
    }

    @Override
    public Chooser chooser() {
        return point -> {
            int i = point.index();
            if (i < length - 1) {
                return base[i];
            }
            return i == length - 1 ? last : 0;
        };
    }

    /** How many decisions this prefix decides. */
    int length() {
        return length;
    }

    /** The choice it makes at its last decision, where it branches off the run it came from. */
    int last() {
        return last;
    }

    /** The choice this prefix makes at decision {@code i}, for {@code i < length}. */
    private int choiceAt(int i) {
        return i == length - 1 ? last : base[i];
    }

    /** Orders prefixes as the traces of the runs they make: lexicographically. */
    static int compare(Prefix a, Prefix b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = Integer.compare(a.choiceAt(i), b.choiceAt(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /**
     * The prefixes of the runs that branch off {@code run} (made from this prefix) past this
     * prefix, in breadth-first order: by decision, then by option.
     */
    List<Prefix> children(ExploredRun run) {
        return children(run, false);
    }

    /**
     * The same prefixes in depth-first order, which is the lexicographic order of the runs
     * they make: the deepest decision first, and within a decision by option.
     */
    List<Prefix> childrenDepthFirst(ExploredRun run) {
        return children(run, true).reversed();
    }

    /** By decision, then by option, descending when {@code optionsDown}. */
    private List<Prefix> children(ExploredRun run, boolean optionsDown) {
        int[] trace = run.outcome().trace().stream().mapToInt(Integer::intValue).toArray();
        List<Prefix> children = new ArrayList<>();
        for (Step step : run.steps()) {
            if (step.index() < length) {
                continue;
            }
            int[] allowed = step.allowed();
            for (int k = 0; k < allowed.length; k++) {
                int option = allowed[optionsDown ? allowed.length - 1 - k : k];
                if (option != step.choice()) {
                    children.add(
                            new Prefix(trace, step.index() + 1, option,
                                    step.preemptionsWith(option)));
                }
            }
        }
        return children;
    }
}
