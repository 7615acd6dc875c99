package dev.detwasm.host;

import java.util.Locale;

/** Which runnable guest thread goes next when no trace or explorer decides. */
public enum SchedulePolicy {
    /** Never preempts; the longest-waiting runnable thread runs when the current one stops. */
    FIFO,
    /** Picks uniformly among the runnable threads at every scheduling point, seeded. */
    RANDOM;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
