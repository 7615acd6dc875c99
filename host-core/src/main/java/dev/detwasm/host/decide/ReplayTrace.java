package dev.detwasm.host.decide;

import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionSource;
import java.util.List;

/**
 * Replays a trace: the i-th decision of the run takes the i-th entry; once the trace is used
 * up, {@code then} decides. An entry out of range for its decision is reported by {@link
 * dev.detwasm.host.spi.Decisions}; entries left over at the end by {@link #unused()}.
 */
public final class ReplayTrace implements DecisionSource {
    private final List<Integer> trace;
    private final DecisionSource then;
    private int next;

    public ReplayTrace(List<Integer> trace, DecisionSource then) {
        this.trace = List.copyOf(trace);
        this.then = then;
    }

    @Override
    public int choose(Decision decision) {
        if (next < trace.size()) {
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
