package dev.detwasm.wasi;

import dev.detwasm.host.spi.RunContext;

/**
 * The bytes the guest reads from fd 0, all known before the run starts so that reads never
 * depend on how the host delivers them. Bound in {@link WasiPreview1Module} to {@link
 * ConfiguredStdin}; override the binding to serve a capture. (fds 1 and 2 write where {@link
 * StdioOutput} says.)
 */
public interface StdinSource {

    /** The whole of stdin for {@code run}. */
    byte[] stdin(RunContext run);
}
