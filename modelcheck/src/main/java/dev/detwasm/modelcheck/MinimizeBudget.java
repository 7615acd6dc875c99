package dev.detwasm.modelcheck;

import java.time.Duration;

/**
 * How much minimizing one failing run may cost: at most {@code replays} replays and at most
 * {@code time} of wall-clock time, whichever ends first. The replay bound makes the result the
 * same on every machine; the time bound only guards against runs that are slow to replay, and
 * a report says when it cut a minimization short.
 */
public record MinimizeBudget(int replays, Duration time) {
    public static final int DEFAULT_REPLAYS = 200;
    public static final Duration DEFAULT_TIME = Duration.ofSeconds(2);
    public static final MinimizeBudget DEFAULT = new MinimizeBudget(DEFAULT_REPLAYS, DEFAULT_TIME);

    public MinimizeBudget {
        if (replays < 0) {
            throw new IllegalArgumentException("--minimize-replays must be 0 or more");
        }
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("--minimize-time must be positive");
        }
    }
}
