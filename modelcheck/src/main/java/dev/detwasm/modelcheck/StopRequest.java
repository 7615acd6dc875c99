package dev.detwasm.modelcheck;

/**
 * A request, from outside the exploration (a signal, an embedder's other thread), to stop
 * exploring: the runs in progress finish, no new one starts, and the report says that the
 * exploration was interrupted ({@link Bound#INTERRUPTED}), with what it found so far.
 */
public final class StopRequest {
    private volatile String reason;

    /** A request nobody has made yet. */
    public static StopRequest none() {
        return new StopRequest();
    }

    /** Asks the exploration to stop; {@code reason} names why in the report (e.g. SIGINT). */
    public void request(String reason) {
        this.reason = reason;
    }

    public boolean requested() {
        return reason != null;
    }

    /** Why the exploration was asked to stop; empty when it was not. */
    public String reason() {
        String r = reason;
        return r == null ? "" : r;
    }
}
