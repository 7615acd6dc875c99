package dev.detwasm.host.spi;

import java.util.Objects;

/**
 * How a run ended.
 *
 * @param kind the kind of ending
 * @param exitCode the guest's exit code for {@link Kind#EXIT}; otherwise the code detwasm exits
 *     with for that kind
 * @param thread the guest thread that ended the program, or -1 (deadlock)
 * @param message a one-line description for humans; empty for a plain exit
 */
public record Termination(Kind kind, int exitCode, int thread, String message) {

    /**
     * The kinds of ending; all but {@link #EXIT} and {@link #CUT_OFF} are failures of the
     * program.
     */
    public enum Kind {
        /** The main thread returned from {@code _start}, or some thread called proc_exit. */
        EXIT,
        /** A guest thread trapped (unreachable, out-of-bounds access, stack exhaustion...). */
        TRAP,
        /** Every thread is blocked and no timer is pending. */
        DEADLOCK,
        /** The run used up its step budget. */
        STEP_BUDGET,
        /** The host refused to go on, e.g. a replayed trace that does not fit the program. */
        HOST_ERROR,
        /**
         * The run was stopped from outside before it ended ({@code check --time-limit} passed
         * while it ran): it says nothing about the program.
         */
        CUT_OFF;

        /** The name event logs and reports give it: {@code step-budget}, {@code host-error}. */
        public String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public Termination {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public static Termination exit(int thread, int exitCode) {
        return new Termination(Kind.EXIT, exitCode, thread, "");
    }

    public static Termination trap(int thread, String message) {
        return new Termination(Kind.TRAP, ExitCodes.TRAP, thread, message);
    }

    public static Termination deadlock(String report) {
        return new Termination(Kind.DEADLOCK, ExitCodes.DEADLOCK, -1, report);
    }

    public static Termination hostError(int thread, int exitCode, String message) {
        return new Termination(Kind.HOST_ERROR, exitCode, thread, message);
    }

    public static Termination stepBudget(int thread, String message) {
        return new Termination(Kind.STEP_BUDGET, ExitCodes.STEP_BUDGET, thread, message);
    }

    /** Stopped by the exploration's time limit; its exit code is never a process's. */
    public static Termination cutOff(int thread) {
        return new Termination(Kind.CUT_OFF, 0, thread, "stopped by the time limit");
    }
}
