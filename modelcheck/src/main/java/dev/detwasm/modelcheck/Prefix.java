package dev.detwasm.modelcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plan of a systematic strategy: replay these choices, then take option 0 at every later
 * decision. The run it makes is the leftmost leaf under the prefix; its branching decisions past
 * the prefix give the prefixes of the unexplored siblings.
 *
 * <p>Every leaf of the bounded tree is made by exactly one prefix (its trace up to its last
 * choice other than 0), whatever order the prefixes are explored in: that is why dfs and bfs
 * make the same set of runs.
 */
final class Prefix implements RunPlan, Comparable<Prefix> {
    private final int[] choices;

    Prefix(int[] choices) {
        this.choices = choices.clone();
    }

    /** The empty prefix: the run that takes option 0 everywhere. */
    static Prefix root() {
        return new Prefix(new int[0]);
    }

    @Override
    public Chooser chooser() {
        return point -> point.index() < choices.length ? choices[point.index()] : 0;
    }

    /** Lexicographic order of the choices: the order of the runs the prefixes make. */
    @Override
    public int compareTo(Prefix other) {
        return Arrays.compare(choices, other.choices);
    }

    /**
     * The prefixes of the runs that branch off {@code run} (made from this prefix) past this
     * prefix: for each branching decision in order, each allowed option other than the one
     * taken, ascending.
     */
    List<Prefix> children(ExploredRun run) {
        List<Integer> trace = run.outcome().trace();
        List<Prefix> children = new ArrayList<>();
        for (Step step : run.steps()) {
            if (step.index() < choices.length) {
                continue;
            }
            for (int option : step.allowed()) {
                if (option != step.choice()) {
                    int[] child = new int[step.index() + 1];
                    for (int i = 0; i < step.index(); i++) {
                        child[i] = trace.get(i);
                    }
                    child[step.index()] = option;
                    children.add(new Prefix(child));
                }
            }
        }
        return children;
    }
}
