package dev.detwasm.wasi;

import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.RunContext;

/**
 * The default {@link Select}: a scheduling point, then a {@code select} decision among the
 * options, which the trace, the schedule policy or the explorer takes; with one option there
 * is nothing to decide and it returns 0.
 */
public final class DecidedSelect implements Select {
    @Override
    public int select(RunContext run, int n) {
        run.threads().schedulingPoint();
        return run.decisions().choose(Decision.select(run.threads().currentThread(), n));
    }
}
