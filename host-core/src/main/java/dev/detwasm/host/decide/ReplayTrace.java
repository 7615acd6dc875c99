package dev.detwasm.host.decide;

import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.DecisionSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Replays a trace: the i-th decision of the run among those of the trace's kinds takes the
 * i-th entry; decisions of other kinds, and every decision once the trace is used up, are left
 * to {@code then}. With every kind, the trace is the run's whole list of choices; with {@code
 * select} alone it lists only the {@code model_checker_select} choices, as the seed's traces do.
 * An entry out of range for its decision is reported by {@link
 * dev.detwasm.host.spi.Decisions}; entries left over at the end by {@link #unused()}.
 */
public final class ReplayTrace implements DecisionSource {
    private final List<Integer> trace;
    private final Set<DecisionKind> kinds;
    private final DecisionSource then;
    private int next;

    public ReplayTrace(List<Integer> trace, Set<DecisionKind> kinds, DecisionSource then) {
        this.trace = List.copyOf(trace);
        this.kinds = EnumSet.noneOf(DecisionKind.class);
        this.kinds.addAll(kinds);
        this.then = then;
    }

    @Override
    public int choose(Decision decision) {
        if (next < trace.size() && kinds.contains(decision.kind())) {
            return trace.get(next++);
        }
        return then.choose(decision);
    }

    /** Every access point asks while the trace lasts, so each decision meets its entry. */
    @Override
    public int pointsUntilDecision(int thread) {
        return next < trace.size() ? 1 : then.pointsUntilDecision(thread);
    }

    @Override
    public void passed(Decision decision, long count) {
        long taken = Math.min(count, trace.size() - next);
        next += (int) taken;
        if (count > taken) {
            then.passed(decision, count - taken);
        }
    }

    /** How many trace entries no decision consumed. */
    public int unused() {
        return trace.size() - next;
    }
}
