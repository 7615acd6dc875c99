package dev.detwasm.wasi;

/** The random bytes of one run, in order. Not thread-safe: one guest thread runs at a time. */
public interface EntropyStream {

    /** Fills {@code bytes[offset, offset + length)} with the next bytes of the stream. */
    void nextBytes(byte[] bytes, int offset, int length);
}
