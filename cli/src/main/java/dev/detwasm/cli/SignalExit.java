package dev.detwasm.cli;

import dev.detwasm.modelcheck.StopRequest;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT end detwasm at once, as they would without handlers, but with one line on
 * stderr saying so and the shell's exit codes (128 + the signal: 143 and 130). The guest's
 * output written so far is flushed first. While a check explores ({@link #stopGracefully}),
 * the first of them stops the exploration instead, so that the report of what it found so far
 * is printed; the next one ends detwasm at once.
 */
final class SignalExit {
    /** The exploration the next signal stops, if one runs. */
    private static final AtomicReference<StopRequest> STOPPABLE = new AtomicReference<>();

    private SignalExit() {}

    /** Installs the handlers for the process; {@code out} is flushed before exiting. */
    static void install(PrintStream out, PrintStream err) {
        handle("TERM", out, err);
        handle("INT", out, err);
    }

    /**
     * Until the returned handle is closed, the first SIGINT or SIGTERM asks {@code stop} to stop
     * instead of ending the process. Without {@link #install}ed handlers (detwasm run
     * in-process) nothing changes.
     */
    static GracefulStop stopGracefully(StopRequest stop) {
        STOPPABLE.set(stop);
        return () -> STOPPABLE.compareAndSet(stop, null);
    }

    /** The exit code of a process a signal named {@code SIGNAME} ended. */
    static int exitCode(String signal) {
        return signal.equals("SIGTERM") ? 143 : 130;
    }

    /** Ends the graceful stop: an {@link AutoCloseable} without a checked exception. */
    interface GracefulStop extends AutoCloseable {
        @Override
        void close();
    }

    private static void handle(String name, PrintStream out, PrintStream err) {
        String signal = "SIG" + name;
        try {
            Signal.handle(new Signal(name), ignored -> {
                StopRequest stop = STOPPABLE.getAndSet(null);
                if (stop != null) {
                    stop.request(signal);
                    err.println("detwasm: " + signal + ": finishing the runs in progress, then the"
                            + " report of what was found; " + signal + " again stops at once");
                    err.flush();
                    return;
                }
                out.flush();
                err.println("detwasm: stopped by " + signal);
                err.flush();
                // halt, not exit: guest threads may never reach a point where they could unwind.
                Runtime.getRuntime().halt(exitCode(signal));
            });
        } catch (IllegalArgumentException e) {
            // The JVM already uses this signal (e.g. -Xrs); keep its behaviour.
        }
    }
}
