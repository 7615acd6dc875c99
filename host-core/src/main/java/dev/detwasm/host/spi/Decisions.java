package dev.detwasm.host.spi;

import dev.detwasm.host.EventLog;
import java.util.ArrayList;
import java.util.List;

/**
 * The decisions of one run: asks the {@link DecisionSource}, checks the answer, and records
 * it in the trace and the event log. Decisions with a single option are not decisions: they
 * are neither asked nor recorded.
 */
public final class Decisions {
    private final DecisionSource source;
    private final EventLog events;
    private final List<Integer> trace = new ArrayList<>();
    private final List<DecisionKind> kinds = new ArrayList<>();
    private AccessCountdown countdown = AccessCountdown.NONE;

    public Decisions(DecisionSource source, EventLog events) {
        this.source = source;
        this.events = events;
    }

    /**
     * Decides; a decision with fewer than two options is not asked nor recorded.
     *
     * @throws HostError when the source answers out of range (a trace that does not fit)
     */
    public int choose(Decision decision) {
        int options = decision.options();
        if (options < 2) {
            return 0;
        }
        DecisionKind kind = decision.kind();
        int choice = source.choose(decision);
        if (choice < 0 || choice >= options) {
            throw new HostError(
                    ExitCodes.USAGE,
                    "trace does not fit the program: decision "
                            + trace.size()
                            + " ("
                            + kind.cliName()
                            + ") has "
                            + options
                            + " options, the trace says "
                            + choice);
        }
        record(decision, choice);
        countdown.restart();
        return choice;
    }

    private void record(Decision decision, int choice) {
        trace.add(choice);
        kinds.add(decision.kind());
        if (events.enabled()) {
            events.add(
                    decision.thread(),
                    "decision",
                    decision.kind().cliName()
                            + " "
                            + (decision.candidates().length == 0
                                    ? String.valueOf(decision.options())
                                    : java.util.Arrays.toString(decision.candidates()))
                            + " -> "
                            + choice
                            + (decision.at().isEmpty() ? "" : " at " + decision.at()));
        }
    }

    /** See {@link DecisionSource#pointsUntilDecision}; at least 1. */
    public int pointsUntilDecision(int thread) {
        return Math.max(1, source.pointsUntilDecision(thread));
    }

    /**
     * The running thread's access countdown: the host side of the {@code shared-access} pass.
     * It is restarted after every decision, so a source that counts decisions (pct) is asked
     * again when its count moved.
     */
    public void countAccessesWith(AccessCountdown countdown) {
        this.countdown = countdown;
    }

    /**
     * The access points the running thread passed without asking since this was last called
     * (for it); the scheduler records them with {@link #recordPassed} when they were decisions.
     */
    public long takePassedPoints() {
        return countdown.takePassed();
    }

    /** {@code count} decisions like {@code decision} were decided 0 without asking. */
    public void recordPassed(Decision decision, long count) {
        for (long i = 0; i < count; i++) {
            record(decision, 0);
        }
        source.passed(decision, count);
    }

    /** The choices made so far, in order: the run's trace. */
    public List<Integer> trace() {
        return List.copyOf(trace);
    }

    /** The kind of each decision in {@link #trace()}. */
    public List<DecisionKind> kinds() {
        return List.copyOf(kinds);
    }
}
