package dev.detwasm.modelcheck;

/** What kept an exploration from covering the whole tree of decisions. */
public enum Bound {
    /** {@code --max-runs} runs were made and runs were left. */
    MAX_RUNS("max-runs"),
    /** Some run had more branching decisions than {@code --max-decisions}. */
    MAX_DECISIONS("max-decisions"),
    /** The preemption bound kept some option from being explored. */
    PREEMPTION_BOUND("preemption-bound"),
    /** {@code --time-limit} passed and runs were left. */
    TIME_LIMIT("time-limit"),
    /** {@code --stop-on-first} stopped at a failure and runs were left. */
    STOP_ON_FIRST("stop-on-first"),
    /** A {@link StopRequest} (SIGINT, SIGTERM) stopped it and runs were left. */
    INTERRUPTED("interrupt");

    private final String cliName;

    Bound(String cliName) {
        this.cliName = cliName;
    }

    /** The name of the option that set it. */
    public String cliName() {
        return cliName;
    }
}
