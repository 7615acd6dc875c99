package dev.detwasm.host.spi;

/**
 * The running thread's countdown of plain-access points until the next one that asks for a
 * decision (see {@link DecisionSource#pointsUntilDecision}), as {@link Decisions} reaches it.
 */
public interface AccessCountdown {
    /** For programs without access points. */
    AccessCountdown NONE =
            new AccessCountdown() {
                @Override
                public long takePassed() {
                    return 0;
                }

                @Override
                public void restart() {}
            };

    /**
     * The access points the running thread passed without asking since last taken; its
     * countdown then starts again from what the decision source says.
     */
    long takePassed();

    /** Starts the running thread's countdown again from what the decision source says. */
    void restart();
}
