package dev.detwasm.wasi;

/** WASI {@code filetype} values. */
final class Filetype {
    /**
     * What stdio is: a stream to or from the host, whatever the host connects it to (wasmtime
     * reports a stdio that is no terminal so). Not a character device, which wasi-libc's isatty
     * takes for a terminal: a guest's buffering and colours must not depend on where detwasm's
     * output goes.
     */
    static final int UNKNOWN = 0;
    static final int DIRECTORY = 3;
    static final int REGULAR_FILE = 4;
    static final int SYMBOLIC_LINK = 7;

    private Filetype() {}
}
