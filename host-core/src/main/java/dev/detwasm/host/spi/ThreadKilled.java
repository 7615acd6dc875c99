package dev.detwasm.host.spi;

/**
 * Unwinds a guest thread's Java stack when the program has ended (another thread exited,
 * trapped, or the run deadlocked). An {@link Error} so that nothing on the way catches it as
 * a guest fault; it carries no stack trace because it is thrown on every teardown.
 */
public final class ThreadKilled extends Error {
    private static final long serialVersionUID = 1L;

    public ThreadKilled() {
        super("guest thread killed: the program has ended", null, false, false);
    }
}
