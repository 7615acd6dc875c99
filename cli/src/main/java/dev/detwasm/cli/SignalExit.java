package dev.detwasm.cli;

import java.io.PrintStream;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT end detwasm at once, as they would without handlers, but with one line on
 * stderr saying so and the shell's exit codes (128 + the signal: 143 and 130). The guest's
 * output written so far is flushed first.
 */
final class SignalExit {
    private SignalExit() {}

    /** Installs the handlers for the process; {@code out} is flushed before exiting. */
    static void install(PrintStream out, PrintStream err) {
        handle("TERM", 143, out, err);
        handle("INT", 130, out, err);
    }

    private static void handle(String name, int code, PrintStream out, PrintStream err) {
        try {
            Signal.handle(new Signal(name), signal -> {
                out.flush();
                err.println("detwasm: stopped by SIG" + name);
                err.flush();
                // halt, not exit: guest threads may never reach a point where they could unwind.
                Runtime.getRuntime().halt(code);
            });
        } catch (IllegalArgumentException e) {
            // The JVM already uses this signal (e.g. -Xrs); keep its behaviour.
        }
    }
}
