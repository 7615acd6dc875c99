package dev.detwasm.host.spi;

import java.util.Locale;

/** The kinds of decision a run can branch on. */
public enum DecisionKind {
    /** Which runnable thread goes next at a scheduling point. */
    SCHEDULE,
    /** The value {@code wasi.model_checker_select(n)} returns. */
    SELECT,
    /** Which waiters a notify wakes when it wakes fewer than wait. */
    WAKE,
    /**
     * Which runnable thread goes next at a timer interrupt ({@code --clock steps}): the woken
     * thread takes over, as fifo does, or the interrupted thread goes on. Never a preemption.
     */
    TIMER;

    /** Whether the options of a decision of this kind are threads to run. */
    public boolean picksThread() {
        return this == SCHEDULE || this == TIMER;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
