package dev.detwasm.wasi;

import dev.detwasm.host.spi.RunContext;

/**
 * The default {@link MustReach}: the run's event {@code must_reach SITE}, which the model
 * checker reads per run.
 */
public final class MustReachEvent implements MustReach {
    @Override
    public void reached(RunContext run, String site) {
        run.events().add(run.threads().currentThread(), "must_reach", site);
    }
}
