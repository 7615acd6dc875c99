package dev.detwasm.wasi;

import dev.detwasm.host.spi.RunContext;

/**
 * {@code wasi.must_reach_underlying}: the guest reached a site, {@code "file:line:column"}.
 * Bound in {@link WasiPreview1Module} to {@link MustReachEvent}; override the binding to
 * collect sites elsewhere as well (the model checker reads the event).
 */
public interface MustReach {

    void reached(RunContext run, String site);
}
