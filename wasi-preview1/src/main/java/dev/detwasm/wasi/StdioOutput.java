package dev.detwasm.wasi;

import dev.detwasm.host.spi.RunContext;

/**
 * Where a run's fd 1 and fd 2 go, asked once per run and fd. Bound in {@link
 * WasiPreview1Module} to {@link RunStdioOutput} (the run's {@link dev.detwasm.host.GuestOutput}:
 * streamed with its prefix, captured and digested for the report); override the binding to
 * send a stream elsewhere or change it on the way.
 */
public interface StdioOutput {
    /** The guest's standard output. */
    int STDOUT = 1;
    /** The guest's standard error. */
    int STDERR = 2;

    /** The sink of {@code fd} ({@link #STDOUT} or {@link #STDERR}) for {@code run}. */
    StdioSink sink(RunContext run, int fd);
}
