package dev.detwasm.modelcheck;

import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.DecisionSource;
import dev.detwasm.host.spi.Termination;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Looks for a simpler run that fails the same way (same kind of ending, exit code and message)
 * by replaying variations of a failing run's trace: fewest preemptions first, then fewest
 * choices other than fifo's, then fewest decisions. Two passes, within one replay budget:
 *
 * <ol>
 *   <li>Fewer preemptions: runs that deviate from fifo at 1, then 2, ... decisions (of the kinds
 *       the check branches on), in trace order, are replayed until one fails the same way with
 *       fewer preemptions than the best so far; repeated from there. Moving a preemption is what
 *       this pass can do and the next cannot.
 *   <li>Fewer choices: chunks of the remaining non-fifo choices are set back to option 0,
 *       halving the chunk size down to single choices (delta debugging over the choices).
 * </ol>
 *
 * A variation is replayed leniently: a choice beyond the options of the decision it lands on
 * takes option 0, and once the variation is used up fifo decides.
 */
final class Minimizer {
    private final Runner runner;
    private final Program program;
    private final RunConfig config;
    private final Set<DecisionKind> kinds;
    private final PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
    private int replays;
    private long deadline;

    /** @param kinds the kinds of decision the check branches on; the others stay fifo's */
    Minimizer(Runner runner, Program program, RunConfig config, Set<DecisionKind> kinds) {
        this.runner = runner;
        this.program = program;
        this.config = config.toBuilder().trace(List.of()).traceWasi(false).build();
        this.kinds = Set.copyOf(kinds);
    }

    Minimized minimize(List<Integer> failing, Termination ending, MinimizeBudget budget)
            throws LoadException {
        deadline = System.nanoTime() + budget.time().toNanos();
        replays = 0;
        Replay original = replay(failing);
        Replay best = original;
        if (!sameFailure(best.ending, ending)) {
            // the trace does not replay to the same failure (it should): leave it as found
            return result(best, original, false);
        }
        try {
            for (Replay fewer = fewerPreemptions(best, ending, budget);
                    fewer != null;
                    fewer = fewerPreemptions(best, ending, budget)) {
                best = fewer;
            }
            best = fewerChoices(best, ending, budget);
        } catch (BudgetSpent spent) {
            return result(spent.best == null ? best : spent.best, original, spent.byTime);
        }
        return result(best, original, false);
    }

    /**
     * A run that fails like {@code best} with fewer preemptions, found by deviating from fifo at
     * as few decisions as possible, or null when there is none within {@code best}'s number of
     * choices.
     */
    private Replay fewerPreemptions(Replay best, Termination ending, MinimizeBudget budget)
            throws LoadException, BudgetSpent {
        if (best.preemptions == 0) {
            return null;
        }
        Replay fifo = spend(List.of(), budget, best);
        if (sameFailure(fifo.ending, ending)) {
            return fifo;
        }
        List<Replay> level = List.of(fifo);
        for (int depth = 1; depth <= best.choices().size() && !level.isEmpty(); depth++) {
            List<Replay> next = new ArrayList<>();
            for (Replay parent : level) {
                for (int i = parent.deviations; i < parent.decisions.size(); i++) {
                    DecisionInfo d = parent.decisions.get(i);
                    if (!kinds.contains(d.kind())) {
                        continue;
                    }
                    for (int choice = 1; choice < d.options(); choice++) {
                        int preemptions = parent.preemptionsBefore(i)
                                + (d.preemptible() ? 1 : 0);
                        if (preemptions >= best.preemptions) {
                            continue;
                        }
                        List<Integer> trace = new ArrayList<>(parent.trace.subList(0, i));
                        trace.add(choice);
                        Replay tried = spend(trace, budget, best).withDeviations(i + 1);
                        if (sameFailure(tried.ending, ending)
                                && tried.preemptions < best.preemptions) {
                            return tried;
                        }
                        next.add(tried);
                    }
                }
            }
            level = next;
        }
        return null;
    }

    /** Sets chunks of {@code best}'s non-fifo choices back to 0 while it still fails. */
    private Replay fewerChoices(Replay best, Termination ending, MinimizeBudget budget)
            throws LoadException, BudgetSpent {
        for (int chunk = Math.max(1, best.choices().size() / 2); ; chunk = chunk / 2) {
            boolean improved = true;
            while (improved) {
                improved = false;
                List<Integer> positions = best.choices();
                for (int from = 0; from < positions.size(); from += chunk) {
                    List<Integer> candidate = new ArrayList<>(best.trace);
                    for (int i = from; i < Math.min(from + chunk, positions.size()); i++) {
                        candidate.set(positions.get(i), 0);
                    }
                    Replay tried = spend(candidate, budget, best);
                    if (sameFailure(tried.ending, ending) && tried.simplerThan(best)) {
                        best = tried;
                        improved = true;
                        break;
                    }
                }
            }
            if (chunk == 1) {
                return best;
            }
        }
    }

    /** Replays {@code choices} if the budget allows, else ends minimizing with {@code best}. */
    private Replay spend(List<Integer> choices, MinimizeBudget budget, Replay best)
            throws LoadException, BudgetSpent {
        if (replays >= budget.replays()) {
            throw new BudgetSpent(best, false);
        }
        if (System.nanoTime() > deadline) {
            throw new BudgetSpent(best, true);
        }
        replays++;
        return replay(choices);
    }

    /** Minimizing ran out of replays or time; {@code best} is what it had. */
    private static final class BudgetSpent extends Exception {
        final transient Replay best;
        final boolean byTime;

        BudgetSpent(Replay best, boolean byTime) {
            super(null, null, false, false);
            this.best = best;
            this.byTime = byTime;
        }
    }

    private Minimized result(Replay best, Replay original, boolean cutShort) {
        return new Minimized(
                best.shortTrace(), best.preemptions, best.trace.size(), original.preemptions,
                original.trace.size(), replays + 1, cutShort);
    }

    static boolean sameFailure(Termination a, Termination b) {
        return a.kind() == b.kind()
                && a.exitCode() == b.exitCode()
                && (a.kind() != Termination.Kind.TRAP || a.message().equals(b.message()));
    }

    private Replay replay(List<Integer> choices) throws LoadException {
        LenientReplay source = new LenientReplay(choices);
        RunResult result =
                runner.run(program, config, GuestOutput.captured(), silent, source, false);
        return new Replay(
                result.trace(), source.decisions, source.preemptions, result.termination(), 0);
    }

    /** What minimizing needs to know of one decision of a replayed run. */
    private record DecisionInfo(DecisionKind kind, int options, boolean preemptible) {}

    /**
     * A replayed run: its whole trace, its decisions, its preemptions and how it ended; {@code
     * deviations} is where the search for fewer preemptions may deviate from it next.
     */
    private record Replay(
            List<Integer> trace,
            List<DecisionInfo> decisions,
            int preemptions,
            Termination ending,
            int deviations) {

        Replay withDeviations(int from) {
            return new Replay(trace, decisions, preemptions, ending, from);
        }

        /** The preemptions among the first {@code end} decisions. */
        int preemptionsBefore(int end) {
            int n = 0;
            for (int i = 0; i < end; i++) {
                if (decisions.get(i).preemptible() && trace.get(i) != 0) {
                    n++;
                }
            }
            return n;
        }

        /** The positions of the choices that are not fifo's. */
        List<Integer> choices() {
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < trace.size(); i++) {
                if (trace.get(i) != 0) {
                    positions.add(i);
                }
            }
            return positions;
        }

        boolean simplerThan(Replay other) {
            if (preemptions != other.preemptions) {
                return preemptions < other.preemptions;
            }
            int mine = choices().size();
            int theirs = other.choices().size();
            if (mine != theirs) {
                return mine < theirs;
            }
            return trace.size() < other.trace.size();
        }

        /** The trace up to its last non-fifo choice: fifo makes the rest again. */
        List<Integer> shortTrace() {
            int end = trace.size();
            while (end > 0 && trace.get(end - 1) == 0) {
                end--;
            }
            return trace.subList(0, end);
        }
    }

    /** Takes the given choices where they fit, then fifo's; notes each decision. */
    private static final class LenientReplay implements DecisionSource {
        private final List<Integer> choices;
        private int next;
        final List<DecisionInfo> decisions = new ArrayList<>();
        int preemptions;

        LenientReplay(List<Integer> choices) {
            this.choices = choices;
        }

        @Override
        public int choose(Decision decision) {
            int choice = next < choices.size() ? choices.get(next) : 0;
            next++;
            if (choice >= decision.options()) {
                choice = 0;
            }
            if (decision.isPreemption(choice)) {
                preemptions++;
            }
            decisions.add(new DecisionInfo(
                    decision.kind(), decision.options(), decision.isPreemption(1)));
            return choice;
        }
    }
}
