package dev.detwasm.host.decide;

import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionSource;

/**
 * Always option 0: the current thread keeps running, else the longest-waiting runnable thread;
 * {@code select} returns 0; a notify wakes the longest waiters.
 */
public final class FifoPolicy implements DecisionSource {
    @Override
    public int choose(Decision decision) {
        return 0;
    }
}
