package dev.detwasm.wasi;

import dev.detwasm.host.spi.RunContext;

/** The default {@link StdinSource}: the run's configured stdin ({@code --stdin}, or detwasm's). */
public final class ConfiguredStdin implements StdinSource {
    @Override
    public byte[] stdin(RunContext run) {
        return run.config().stdin();
    }
}
