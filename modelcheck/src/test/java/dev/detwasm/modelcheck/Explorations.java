package dev.detwasm.modelcheck;

import dev.detwasm.host.load.LoadException;
import java.util.ArrayList;
import java.util.List;

/** Runs explorations in tests and keeps what they produced. */
final class Explorations {
    final List<ExploredRun> runs = new ArrayList<>();
    final Exploration exploration;

    private Explorations(RunExecutor executor, Strategy strategy, Branching branching,
            Limits limits) throws LoadException {
        exploration =
                new Explorer(executor, branching, limits, ProgressListener.NONE)
                        .explore(strategy, runs::add);
    }

    static Explorations of(RunExecutor executor, Strategy strategy, Branching branching,
            Limits limits) throws LoadException {
        return new Explorations(executor, strategy, branching, limits);
    }

    static Explorations of(RunExecutor executor, Strategy strategy) throws LoadException {
        return of(executor, strategy, Branching.unbounded(), Limits.none());
    }

    /** The traces of the runs, in exploration order. */
    List<List<Integer>> traces() {
        List<List<Integer>> traces = new ArrayList<>();
        for (ExploredRun run : runs) {
            traces.add(run.outcome().trace());
        }
        return traces;
    }
}
