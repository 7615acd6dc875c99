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

    /**
     * Whether the calling thread should carry the main guest thread itself, with its {@link
     * #caller()} carrier, instead of handing the baton to a carrier of its own and waiting.
     * That saves a hand-off at each end of every run, which is worth it when the caller hands
     * off as cheaply as a carrier; a caller that hands off slowly is better left waiting, as
     * every switch to and from main would pay it.
     */
    boolean mainOnCaller();
}
