package dev.detwasm.host;

/** Thrown by {@code proc_exit}: the program ends with {@link #exitCode()}. */
public final class GuestExit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public GuestExit(int exitCode) {
        super("guest exited with " + exitCode, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
