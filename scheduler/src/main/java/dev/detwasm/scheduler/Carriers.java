package dev.detwasm.scheduler;

/**
 * Makes the {@link Carrier}s of a run. The scheduler only passes the baton through this
 * interface, so a faster hand-off (e.g. on continuations) can replace the default {@link
 * VirtualThreadCarriers}.
 */
public interface Carriers {

    /** A carrier, not yet started, that will run a guest thread's {@code body}. */
    Carrier carrier(Runnable body);

    /** A carrier for the calling thread, which waits while the guest threads run. */
    Carrier caller();
}
