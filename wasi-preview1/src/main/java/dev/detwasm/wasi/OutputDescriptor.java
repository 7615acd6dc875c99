package dev.detwasm.wasi;

import dev.detwasm.host.GuestOutput;

/** fd 1 or 2: writes go to the run's {@link GuestOutput}. */
final class OutputDescriptor extends Descriptor {
    private final GuestOutput output;
    private final boolean stderr;

    OutputDescriptor(GuestOutput output, boolean stderr) {
        super(Rights.OUTPUT, 0, 0);
        this.output = output;
        this.stderr = stderr;
    }

    @Override
    int filetype() {
        return Filetype.UNKNOWN;
    }

    void write(byte[] bytes, int offset, int length) {
        if (stderr) {
            output.writeStderr(bytes, offset, length);
        } else {
            output.writeStdout(bytes, offset, length);
        }
    }
}
