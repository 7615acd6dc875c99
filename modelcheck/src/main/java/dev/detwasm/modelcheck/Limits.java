package dev.detwasm.modelcheck;

import java.time.Duration;
import java.util.Objects;

/**
 * When an exploration stops short of the whole tree, and how many workers make its runs.
 *
 * @param maxRuns the most runs to make ({@code --max-runs}); {@link Long#MAX_VALUE} for no limit
 * @param timeLimit the wall-clock budget ({@code --time-limit}); {@link #NO_TIME_LIMIT} for none
 * @param stopOnFirst stop after the first failing run in exploration order
 * @param jobs how many runs to make at once ({@code --jobs})
 * @param timeLimitStart the {@link System#nanoTime} the time limit counts from
 * @param stop asks, from outside, to stop exploring
 */
public record Limits(
        long maxRuns,
        Duration timeLimit,
        boolean stopOnFirst,
        int jobs,
        long timeLimitStart,
        StopRequest stop) {
    public static final Duration NO_TIME_LIMIT = Duration.ZERO;

    /** Limits whose time limit counts from now. */
    public Limits(long maxRuns, Duration timeLimit, boolean stopOnFirst, int jobs) {
        this(maxRuns, timeLimit, stopOnFirst, jobs, System.nanoTime(), StopRequest.none());
    }

    public Limits {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(stop, "stop");
        if (maxRuns < 1) {
            throw new IllegalArgumentException("max runs must be at least 1, got " + maxRuns);
        }
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("the time limit must not be negative");
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
    }

    /** Whether there is a time limit and it has passed. */
    public boolean timeUp() {
        return !timeLimit.equals(NO_TIME_LIMIT) && System.nanoTime() - timeLimitEnd() >= 0;
    }

    /** The {@link System#nanoTime} the time limit passes at. */
    public long timeLimitEnd() {
        return timeLimitStart + timeLimit.toNanos();
    }

    /** No limits, one worker. */
    public static Limits none() {
        return new Limits(Long.MAX_VALUE, NO_TIME_LIMIT, false, 1);
    }
}
