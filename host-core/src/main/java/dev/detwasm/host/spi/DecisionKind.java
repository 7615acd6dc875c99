package dev.detwasm.host.spi;

import java.util.Locale;

/** The three kinds of decision a run can branch on. */
public enum DecisionKind {
    /** Which runnable thread goes next at a scheduling point. */
    SCHEDULE,
    /** The value {@code wasi.model_checker_select(n)} returns. */
    SELECT,
    /** Which waiters a notify wakes when it wakes fewer than wait. */
    WAKE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
