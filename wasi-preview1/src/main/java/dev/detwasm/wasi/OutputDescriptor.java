package dev.detwasm.wasi;

/** fd 1 or 2: writes go to the run's {@link StdioSink} for it ({@link StdioOutput}). */
final class OutputDescriptor extends Descriptor {
    private final StdioSink sink;

    OutputDescriptor(StdioSink sink) {
        super(Rights.OUTPUT, 0, 0);
        this.sink = sink;
    }

    @Override
    int filetype() {
        return Filetype.UNKNOWN;
    }

    void write(byte[] bytes, int offset, int length) {
        sink.write(bytes, offset, length);
    }
}
