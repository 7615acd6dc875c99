package dev.detwasm.wasi;

import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.HostError;
import java.nio.file.Path;

/** The error of a run that finds a mounted host file or directory changed since it was seen. */
final class HostChange {
    private HostChange() {}

    static HostError during(Path path) {
        return new HostError(ExitCodes.USAGE, "--dir: " + path
                + " changed during the run (mounted files must not change while detwasm runs)");
    }
}
