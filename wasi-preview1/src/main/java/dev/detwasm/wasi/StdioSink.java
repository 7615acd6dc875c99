package dev.detwasm.wasi;

/** Where one of the guest's output descriptors (fd 1 or 2) writes: {@link StdioOutput}. */
@FunctionalInterface
public interface StdioSink {

    /** Takes {@code length} bytes from {@code offset}, as the guest wrote them to the fd. */
    void write(byte[] bytes, int offset, int length);
}
