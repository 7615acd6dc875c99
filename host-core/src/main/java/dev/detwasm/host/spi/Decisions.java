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
        trace.add(choice);
        kinds.add(kind);
        if (events.enabled()) {
            events.add(
                    decision.thread(),
                    "decision",
                    kind.cliName()
                            + " "
                            + (decision.candidates().length == 0
                                    ? String.valueOf(options)
                                    : java.util.Arrays.toString(decision.candidates()))
                            + " -> "
                            + choice);
        }
        return choice;
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
