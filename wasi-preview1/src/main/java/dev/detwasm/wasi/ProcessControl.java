package dev.detwasm.wasi;

import dev.detwasm.host.GuestExit;
import dev.detwasm.host.spi.GuestThreads;

/** {@code proc_exit}, {@code proc_raise} and {@code sched_yield}. */
final class ProcessControl {
    private final GuestThreads threads;

    ProcessControl(GuestThreads threads) {
        this.threads = threads;
    }

    /** Ends the whole program, from whichever thread calls it. */
    void exit(int code) {
        throw new GuestExit(code);
    }

    /**
     * Signals are not part of the sandbox: {@code ENOSYS}, as wasi-libc itself assumes (its
     * {@code raise} is emulated inside the guest and never calls this).
     */
    int raise(int signal) {
        return Errno.ENOSYS;
    }

    /** Moves the caller to the back of the run queue: a scheduling point. */
    int yield() {
        threads.yieldNow();
        return Errno.SUCCESS;
    }
}
