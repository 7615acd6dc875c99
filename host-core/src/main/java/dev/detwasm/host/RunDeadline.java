package dev.detwasm.host;

/**
 * When a run must stop whatever it is doing ({@code check --time-limit}). Not part of the
 * run's configuration: it depends on the wall clock, and a run it stops is cut off, not a
 * result. Looked at only where the {@code fuel} pass calls the host.
 */
public final class RunDeadline {
    private static final RunDeadline NONE = new RunDeadline(Long.MAX_VALUE, false);

    private final long nanoTime;
    private final boolean set;

    private RunDeadline(long nanoTime, boolean set) {
        this.nanoTime = nanoTime;
        this.set = set;
    }

    public static RunDeadline none() {
        return NONE;
    }

    /** The moment {@link System#nanoTime()} reaches {@code nanoTime}. */
    public static RunDeadline at(long nanoTime) {
        return new RunDeadline(nanoTime, true);
    }

    public boolean isSet() {
        return set;
    }

    public boolean passed() {
        return set && System.nanoTime() - nanoTime >= 0;
    }
}
