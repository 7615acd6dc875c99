package dev.detwasm.cli;

import dev.detwasm.host.RunResult;
import dev.detwasm.host.spi.Termination;
import java.io.PrintStream;

/** Says in one line on stderr why a run ended, unless the guest simply exited. */
final class TerminationReport {
    private TerminationReport() {}

    /** Prints the line if there is one and returns the process exit code for the run. */
    static int report(RunResult result, PrintStream err) {
        Termination t = result.termination();
        String line =
                switch (t.kind()) {
                    case EXIT -> null;
                    case TRAP -> "trap in thread " + t.thread() + ": " + t.message()
                            + (result.trapFunction().isEmpty()
                                    ? ""
                                    : " (in " + result.trapFunction() + ")");
                    case DEADLOCK -> t.message();
                    case STEP_BUDGET -> "step budget exhausted in thread " + t.thread()
                            + (t.message().isEmpty() ? "" : ": " + t.message());
                    case HOST_ERROR -> t.message();
                    case CUT_OFF -> "run cut off in thread " + t.thread() + ": " + t.message();
                };
        if (line != null) {
            err.println("detwasm: " + line);
        }
        return t.exitCode();
    }
}
