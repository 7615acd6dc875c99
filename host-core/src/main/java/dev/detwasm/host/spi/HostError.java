package dev.detwasm.host.spi;

/**
 * A failure of the host's side of a run that is not the guest's fault, e.g. a replayed trace
 * that does not fit the program. Thrown inside a guest thread, it ends the run as {@link
 * Termination.Kind#HOST_ERROR} with its exit code.
 */
public class HostError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public HostError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
