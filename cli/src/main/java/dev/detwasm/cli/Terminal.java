package dev.detwasm.cli;

import java.io.Console;

/** Whether detwasm talks to a person: decides progress lines and whether stdin is read. */
final class Terminal {
    private Terminal() {}

    /**
     * On JDK 22+ {@link System#console()} exists even when redirected and {@code isTerminal()}
     * tells; on JDK 21 the console is null unless both stdin and stdout are a terminal.
     */
    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
