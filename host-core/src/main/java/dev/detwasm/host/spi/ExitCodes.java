package dev.detwasm.host.spi;

/**
 * The process exit codes detwasm uses for its own failures. A guest that exits normally gives
 * its own code instead. The table is documented in the README; keep them in sync.
 */
public final class ExitCodes {
    /** Bad command line: unknown flag, bad value, malformed trace. */
    public static final int USAGE = 64;

    /** The module could not be read, parsed, validated or linked. */
    public static final int LOAD_ERROR = 65;

    /** A guest thread trapped. */
    public static final int TRAP = 70;

    /** All guest threads blocked with no timer pending. */
    public static final int DEADLOCK = 71;

    /** The run exhausted its step budget. */
    public static final int STEP_BUDGET = 72;

    /** {@code check} found at least one failing run; {@code --verify} found a difference. */
    public static final int FAILURE_FOUND = 73;

    /** A bug in detwasm itself. */
    public static final int INTERNAL = 74;

    /**
     * {@code check --require-exhaustive} found no failure but a bound cut the exploration
     * short: it proves nothing about the runs it did not make.
     */
    public static final int NOT_EXHAUSTIVE = 75;

    private ExitCodes() {}
}
