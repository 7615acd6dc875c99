package dev.detwasm.host;

import dev.detwasm.host.spi.Termination;

/**
 * Thrown by a host function to end the run with {@link #termination()}: the step budget ran
 * out, or the run was cut off. Carries no stack trace: it is an ending, not a fault.
 */
final class HostEnding extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Termination termination;

    HostEnding(Termination termination) {
        super(termination.message(), null, false, false);
        this.termination = termination;
    }

    Termination termination() {
        return termination;
    }
}
