package dev.detwasm.wasi;

import dev.detwasm.host.spi.RunContext;

/**
 * {@code wasi.model_checker_select(n)}: which of {@code n} options (n at least 1) the guest
 * gets. Bound in {@link WasiPreview1Module} to {@link DecidedSelect}; override the binding to
 * decide otherwise. Anything not taken from the run's decisions is invisible to the model
 * checker, so keep it a pure function of the run.
 */
public interface Select {

    /** @return a value in {@code [0, n)} */
    int select(RunContext run, int n);
}
