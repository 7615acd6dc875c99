package dev.detwasm.host;

import java.util.Locale;

/** Which program points are scheduling points ({@code --preempt-at}). */
public enum PreemptAt {
    /** Synchronisation only: atomics, wait/notify, spawn/exit, yields, sleeps, selects. */
    SYNC,
    /**
     * Also every plain load and store that may touch shared memory, placed by the {@code
     * shared-access} pass.
     */
    MEMORY;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
