package dev.detwasm.wasi;

import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.spi.RunContext;

/** The default {@link StdioOutput}: fd 1 and fd 2 write to the run's {@link GuestOutput}. */
public final class RunStdioOutput implements StdioOutput {
    @Override
    public StdioSink sink(RunContext run, int fd) {
        GuestOutput output = run.output();
        return fd == STDERR ? output::writeStderr : output::writeStdout;
    }
}
